package kb.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kb.TestApp;
import kb.TestContent;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /rules/{id}} and {@code /api/rules/{id}} over HTTP on the fixture content plus one rule limited to some paths:
 * what the rule checks, the item and incidents behind it, and which saved review last ran it and what it found.
 */
class RulePagesTest {

    @TempDir
    static Path dir;
    static TestApp app;

    /** A second rule for TMO-01 that reviews only production code under src/main. */
    static final String TIMEOUT_RULE = """
            item: TMO-01
            rules:
              - id: fixture-client-without-timeout
                languages: [java]
                paths: ['src/main/**']
                message: "This HTTP client has no timeout: a slow server holds the caller forever."
                regex: 'HttpClient\\.newHttpClient\\(\\)'
            """;

    @BeforeAll
    static void start() throws Exception {
        Path content = TestContent.copy(TestApp.FIXTURES, dir.resolve("content"));
        Files.writeString(content.resolve("rules/TMO-01.yaml"), TIMEOUT_RULE);
        app = TestApp.start(content);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static long review(String path, String addedLine) throws Exception {
        String diff = "--- a/" + path + "\n+++ b/" + path + "\n@@ -1 +1,2 @@\n class Dao {\n+" + addedLine + "\n";
        return new SavedReviews(app.services.db().jdbi(), app.services.config().contentDir())
                .create(new SavedReviews.Draft(diff, null, null, null, null), "alice").row().id();
    }

    static JsonNode json(String path) throws Exception {
        HttpResponse<String> r = app.get(path);
        assertEquals(200, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body());
    }

    @Test
    void a_rule_page_shows_what_it_checks_the_item_it_enforces_and_the_incidents_behind_it() {
        Document d = app.page("/rules/fixture-connection-outside-try");
        assertEquals("Rule fixture-connection-outside-try", d.selectFirst("h1").text());
        assertTrue(d.selectFirst(".rule-message").text().startsWith("This connection is taken outside try-with-resources"));
        assertEquals("java", d.selectFirst("#rule-languages").text());
        assertTrue(d.selectFirst("#rule-how").text().contains("regular expression"), d.selectFirst("#rule-how").text());
        Element item = d.selectFirst("#rule-item a[href=/checklist/RES-01]");
        assertNotNull(item, d.select("#rule-item").outerHtml());
        assertTrue(item.text().startsWith("RES-01 "), "the item's title is shown: " + item.text());
        assertEquals(List.of("/incidents/fixture-pool-leak"), d.select("#rule-incidents a").eachAttr("href"));
        assertEquals(List.of(), app.page("/rules/fixture-client-without-timeout").select("#rule-incidents a")
                .eachAttr("href").stream().filter(h -> h.contains("pool-leak")).toList(), "only the item's own incidents");
        assertEquals(List.of("/incidents/fixture-old-timeout"),
                app.page("/rules/fixture-client-without-timeout").select("#rule-incidents a").eachAttr("href"));
    }

    @Test
    void the_last_review_that_ran_a_rule_is_one_with_a_file_it_applies_to_and_its_findings_are_counted() throws Exception {
        String before = app.page("/rules/fixture-client-without-timeout").selectFirst("#rule-last-review").text();
        assertTrue(before.startsWith("No saved review has run it yet"), before);

        long caught = review("src/main/Api.java", "    var c = HttpClient.newHttpClient();");
        // newer, but the rule does not look at tests or at Go code: it did not run there
        review("tools/Gen.java", "    var c = HttpClient.newHttpClient();");
        review("main.go", "var c = 1");
        Document d = app.page("/rules/fixture-client-without-timeout");
        Element last = d.selectFirst("#rule-last-review");
        assertEquals("/reviews/" + caught, last.selectFirst("a").attr("href"), last.outerHtml());
        assertTrue(last.text().contains("1 finding"), last.text());
        assertEquals("1 finding in 1 saved review.", d.selectFirst("#rule-findings").text());

        long clean = review("src/main/Other.java", "    int x = 1;");
        Document after = app.page("/rules/fixture-client-without-timeout");
        assertEquals("/reviews/" + clean, after.selectFirst("#rule-last-review a").attr("href"));
        assertTrue(after.selectFirst("#rule-last-review").text().contains("nothing found"));
        assertEquals("1 finding in 1 saved review.", after.selectFirst("#rule-findings").text(), "the total stays");

        JsonNode api = json("/api/rules/fixture-client-without-timeout");
        assertEquals("TMO-01", api.get("checklistId").asText());
        assertEquals("/checklist/TMO-01", api.at("/checklistItem/url").asText());
        assertEquals(List.of("java"), List.of(api.get("languages").get(0).asText()));
        assertEquals("src/main/**", api.at("/paths/0").asText());
        assertEquals(clean, api.at("/lastReview/id").asLong());
        assertEquals(0, api.at("/lastReview/findings").asInt());
        assertEquals(1, api.get("findings").asInt());
        assertEquals(1, api.get("reviewsWithFindings").asInt());
        assertEquals("fixture-old-timeout", api.at("/incidents/0/id").asText());
    }

    @Test
    void an_unknown_rule_is_a_404_page_naming_it_and_a_404_in_the_api() {
        HttpResponse<String> page = app.get("/rules/no-such-rule");
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("There is no review rule &#39;no-such-rule&#39;")
                || page.body().contains("There is no review rule 'no-such-rule'"), page.body());
        assertTrue(page.body().contains("<header"), "the app's own error page, with its header");
        HttpResponse<String> api = app.get("/api/rules/no-such-rule");
        assertEquals(404, api.statusCode());
        assertTrue(api.body().contains("no-such-rule"), api.body());
    }

    @Test
    void the_rules_list_links_every_rule_under_its_checklist_item() throws Exception {
        assertEquals("/rules", app.page("/reviews").selectFirst("#rules-link").attr("href"), "the reviews page leads to them");
        Document d = app.page("/rules");
        assertEquals(List.of("/rules/fixture-connection-outside-try"), d.select("#item-RES-01 .rule-row a").eachAttr("href"));
        assertEquals(List.of("/rules/fixture-client-without-timeout"), d.select("#item-TMO-01 .rule-row a").eachAttr("href"));
        JsonNode api = json("/api/rules");
        assertEquals(2, api.get("rules").size());
        assertNull(api.get("rules").get(0).get("lastReview"), "the list is cheap: no per-rule review query");
    }

    @Test
    void rule_files_that_cannot_be_read_give_a_503_saying_why_not_a_500(@TempDir Path other) throws Exception {
        Path content = TestContent.copy(TestApp.FIXTURES, other.resolve("content"));
        Files.writeString(content.resolve("rules/TMO-01.yaml"), "item: TMO-01\nrules:\n  - id: Bad Id\n");
        try (TestApp broken = TestApp.start(content)) {
            HttpResponse<String> page = broken.get("/rules/fixture-connection-outside-try");
            assertEquals(503, page.statusCode());
            assertTrue(page.body().contains("id=\"rules-problem\""), page.body());
            assertTrue(page.body().contains("TMO-01.yaml"), "names the file: " + page.body());
            assertEquals(503, broken.get("/api/rules").statusCode());
        }
    }

    @Test
    void the_rule_page_reads_the_same_on_postgresql(@TempDir Path other) throws Exception {
        Path content = TestContent.copy(TestApp.FIXTURES, other.resolve("content"));
        Files.writeString(content.resolve("rules/TMO-01.yaml"), TIMEOUT_RULE);
        try (TestApp pg = TestApp.start(kb.TestDatabases.config("postgresql", content))) {
            String diff = "--- a/src/main/Api.java\n+++ b/src/main/Api.java\n@@ -1 +1,2 @@\n class Dao {\n"
                    + "+    var c = HttpClient.newHttpClient();\n";
            long caught = new SavedReviews(pg.services.db().jdbi(), content)
                    .create(new SavedReviews.Draft(diff, null, null, null, null), "alice").row().id();
            HttpResponse<String> r = pg.get("/api/rules/fixture-client-without-timeout");
            assertEquals(200, r.statusCode(), r.body());
            JsonNode api = new ObjectMapper().readTree(r.body());
            assertEquals(caught, api.at("/lastReview/id").asLong(), r.body());
            assertEquals(1, api.get("findings").asInt());
            assertEquals(1, api.get("reviewsWithFindings").asInt());
            assertEquals("fixture-old-timeout", api.at("/incidents/0/id").asText());
        }
    }
}
