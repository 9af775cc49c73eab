package kb.actions;

import com.fasterxml.jackson.databind.JsonNode;
import kb.TestApp;
import kb.accounts.Accounts;
import kb.accounts.Logins;
import kb.accounts.Role;
import kb.format.PostmortemParser;
import kb.incidents.Change;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /actions} over HTTP on the real app (fixture content plus two postmortems written here): filters, due-date
 * order, overdue, "enforced by", the empty state, the JSON, and marking an item done as a new revision.
 */
class ActionItemsPageTest {

    static TestApp app;
    static Logins.Login editor;
    static Logins.Login viewer;

    /** Items with due dates on both sides of today (the app's clock is the real one: 2000 and 2999). */
    static final String CACHE = """
            ---
            id: cache-stampede
            title: Cache stampede after a deploy
            severity: P2
            started: 2024-05-01T10:00:00Z
            services: [cache-api]
            checklist: [RES-01]
            ---
            ## Summary

            A cold cache sent every request to the database.

            ## Timeline

            - 10:00 [trigger] Deploy

            ## Root cause

            No request coalescing.

            ## Action items

            Follow-ups agreed in the review:

            * [ ] Detect connections taken outside try (RES-01) in review (owner: carol, due: 2000-01-15, type: prevent)
            * [ ] Add request coalescing (owner: dave, due: 2999-12-31, type: mitigate)
            * [ ] Write a runbook for cold caches (owner: carol, type: process)
            * [x] Alert on the database's connection count (TMO-01) (owner: erin, due: 2000-02-01, type: detect)
            """;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start(TestApp.FIXTURES);
        save(CACHE);
        String draft = Files.readString(TestApp.FIXTURES.resolve("incidents/pool-leak.md"))
                .replace("id: fixture-pool-leak", "id: draft-outage\nstatus: draft")
                .replace("owner: alice", "owner: secret-owner");
        save(draft);
        editor = Logins.sessionCookie(app, Role.EDITOR);
        viewer = Logins.sessionCookie(app, Role.VIEWER);
    }

    /** A copy of {@link #CACHE} under its own id, service and owners, for a test that changes it. */
    static String copy(String id) {
        save(CACHE.replace("id: cache-stampede", "id: " + id).replace("cache-api", id + "-api")
                .replace("owner: dave", "owner: " + id + "-dave").replace("owner: erin", "owner: " + id + "-erin")
                .replace("owner: carol", "owner: " + id + "-carol"));
        return id;
    }

    static void save(String text) {
        var p = new PostmortemParser().parse(text, null).value().orElseThrow();
        app.services.incidents().save(p, Change.edit("alice", "create", null));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static List<String> texts(Document d) {
        return d.select("tr.action-row td.col-text").stream().map(td -> td.ownText().isBlank() ? td.text() : td.ownText())
                .map(String::strip).toList();
    }

    @Test
    void every_published_action_item_is_listed_soonest_due_first_with_undated_ones_last() {
        // the two incidents this class starts with (tests that change items work on copies with other services)
        Document d = app.page("/actions?service=cache-api&service=checkout-api");
        List<String> due = d.select("tr.action-row td.col-due").eachText();
        assertEquals(6, due.size(), d.select("table.actions").outerHtml());
        assertTrue(due.get(0).startsWith("2000-01-15"), due.toString());
        assertTrue(due.get(1).startsWith("2000-02-01"), due.toString());
        assertTrue(due.get(2).startsWith("2024-04-01"), due.toString());
        assertTrue(due.get(3).startsWith("2999-12-31"), due.toString());
        assertEquals(List.of("no date", "no date"), due.subList(4, 6));
        assertFalse(d.text().contains("secret-owner"), "a draft's items are not shown to readers");
        assertEquals("Actions", d.select("header nav a[href=/actions]").text());
    }

    @Test
    void open_items_past_their_due_date_are_flagged_overdue_and_done_ones_are_not() {
        Document d = app.page("/actions?service=cache-api&service=checkout-api");
        Element carol = row(d, "Detect connections taken outside try");
        assertTrue(carol.hasClass("overdue"));
        assertEquals("overdue", carol.select(".badge.overdue").text());
        assertTrue(row(d, "Add a review rule").hasClass("overdue"), "2024-04-01 has passed");
        assertFalse(row(d, "Alert on the database").hasClass("overdue"), "done items are never overdue");
        assertFalse(row(d, "Add request coalescing").hasClass("overdue"));
        Document overdue = app.page("/actions?overdue=true&service=cache-api&service=checkout-api");
        assertEquals(2, overdue.select("tr.action-row").size());
        assertTrue(overdue.select("tr.action-row").stream().allMatch(r -> r.hasClass("overdue")));
    }

    @Test
    void filters_combine_with_and_and_several_values_of_one_filter_with_or() {
        assertEquals(2, app.page("/actions?owner=carol").select("tr.action-row").size());
        assertEquals(3, app.page("/actions?owner=carol&owner=bob").select("tr.action-row").size());
        Document d = app.page("/actions?owner=carol&type=process");
        assertEquals(1, d.select("tr.action-row").size());
        assertTrue(d.select("tr.action-row").text().contains("runbook"));
        assertEquals(2, d.select("ul.active-filters li").size());
        assertEquals(1, app.page("/actions?status=done&service=cache-api").select("tr.action-row").size());
        assertEquals(2, app.page("/actions?status=done&service=cache-api&service=checkout-api").select("tr.action-row").size());
        assertEquals(6, app.page("/actions?status=done&status=open&service=cache-api&service=checkout-api").select("tr.action-row").size());
        assertEquals(2, app.page("/actions?service=checkout-api").select("tr.action-row").size());
        Document form = app.page("/actions?owner=carol");
        assertTrue(form.select("form.filters input[name=owner][value=carol]").hasAttr("checked"), "the form keeps the filter");
        assertEquals("GET", form.select("form.filters").attr("method").toUpperCase());
    }

    @Test
    void a_bad_filter_value_is_a_400_naming_the_parameter() {
        HttpResponse<String> r = app.get("/api/actions?type=later");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("type must be one of prevent, mitigate, detect, process"), r.body());
        assertEquals(400, app.get("/actions?status=closed").statusCode());
        assertTrue(app.get("/actions?overdue=maybe").body().contains("overdue must be"));
    }

    @Test
    void no_match_shows_an_empty_state_that_clears_the_filters() {
        Document d = app.page("/actions?owner=nobody-at-all");
        Element empty = d.selectFirst("td.empty");
        assertTrue(empty.text().contains("No action items match these filters"), empty.text());
        assertEquals("/actions", empty.select("a.button").attr("href"));
    }

    @Test
    void a_prevent_item_naming_a_checklist_item_with_a_detector_shows_the_rule_and_the_last_review() throws Exception {
        Document before = app.page("/actions?service=cache-api");
        Element enforced = row(before, "Detect connections taken outside try").selectFirst(".enforced");
        assertTrue(enforced.text().contains("enforced by fixture-connection-outside-try (RES-01)"), enforced.text());
        assertEquals("/rules/fixture-connection-outside-try", enforced.select("a").first().attr("href"));
        assertEquals("/checklist/RES-01", enforced.select("a[href^=/checklist/]").attr("href"));
        // the link leads to the rule's page, which names the item it enforces
        Document rule = app.page(enforced.select("a").first().attr("href"));
        assertEquals("fixture-connection-outside-try", rule.selectFirst("#rule").attr("data-id"));
        assertTrue(rule.select("#rule-item a[href=/checklist/RES-01]").size() == 1, rule.select("#rule-item").outerHtml());
        assertTrue(enforced.text().contains("no saved review has run it yet"), enforced.text());
        assertTrue(row(before, "Alert on the database").select(".enforced").isEmpty(), "a detect item is not evidence");
        assertTrue(row(before, "Add request coalescing").select(".enforced").isEmpty());

        // the incident's own page says the same, with the same link to the rule
        Element onPage = app.page("/incidents/cache-stampede").selectFirst("#enforced-items");
        assertNotNull(onPage, "the incident page lists its enforced prevent items");
        assertEquals(List.of("/rules/fixture-connection-outside-try"), onPage.select("a[href^=/rules/]").eachAttr("href"));
        assertTrue(onPage.text().contains("Detect connections taken outside try"), onPage.text());
        assertTrue(onPage.text().contains("no saved review has run it yet"), onPage.text());
        assertTrue(app.page("/incidents/fixture-pool-leak").select("#enforced-items").isEmpty(),
                "a prevent item that names no checklist item is not evidence");

        String diff = "--- a/src/Dao.java\n+++ b/src/Dao.java\n@@ -1 +1,2 @@\n class Dao {\n+    Connection c = pool.getConnection();\n";
        // saved through the API as a CI job would: a write through the server also drops the cached pages, so the
        // incident page shows the review at once (a row written behind the server's back shows within the cache's
        // time, which a test cannot wait for)
        String token = new Accounts(app.services.db().jdbi()).createToken(editor.user(), "enforced-review").token();
        HttpResponse<String> saved = app.send(HttpRequest.newBuilder(URI.create(app.base + "/api/reviews"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/x-diff")
                .POST(HttpRequest.BodyPublishers.ofString(diff)).build());
        assertEquals(201, saved.statusCode(), saved.body());
        long review = kb.system.Web.objectMapper().readTree(saved.body()).path("id").asLong();
        Element after = row(app.page("/actions?service=cache-api"), "Detect connections taken outside try").selectFirst(".enforced");
        assertEquals("/reviews/" + review, after.select("a[href^=/reviews/]").attr("href"), after.outerHtml());
        assertTrue(after.text().contains("1 finding"), after.text());

        Element onPageAfter = app.page("/incidents/cache-stampede").selectFirst("#enforced-items");
        assertEquals("/reviews/" + review, onPageAfter.select("a[href^=/reviews/]").attr("href"), onPageAfter.outerHtml());
        JsonNode incident = json("/api/incidents/cache-stampede");
        assertEquals("/rules/fixture-connection-outside-try", incident.at("/enforcedBy/0/enforcedBy/rules/0/url").asText(),
                incident.get("enforcedBy").toString());
        assertEquals(review, incident.at("/enforcedBy/0/enforcedBy/lastReview/id").asLong());

        JsonNode item = json("/api/actions?owner=carol&type=prevent").get("items").get(0);
        assertEquals("RES-01", item.at("/enforcedBy/checklistId").asText());
        assertEquals("fixture-connection-outside-try", item.at("/enforcedBy/ruleIds/0").asText());
        assertEquals("/rules/fixture-connection-outside-try", item.at("/enforcedBy/rules/0/url").asText());
        assertEquals(review, item.at("/enforcedBy/lastReview/id").asLong());
    }

    @Test
    void the_json_api_takes_the_same_filters_and_says_what_is_overdue() throws Exception {
        JsonNode body = json("/api/actions?owner=carol");
        assertEquals(2, body.get("total").asInt());
        JsonNode first = body.get("items").get(0);
        assertEquals("cache-stampede", first.at("/incident/id").asText());
        assertEquals("2000-01-15", first.get("due").asText());
        assertTrue(first.get("overdue").asBoolean());
        assertEquals("open", first.get("status").asText());
        assertEquals(1, first.get("position").asInt());
        JsonNode carol = null;
        for (JsonNode c : body.at("/facets/owners")) {
            carol = c.get("name").asText().equals("carol") ? c : carol;
        }
        assertEquals(2, carol.get("count").asInt(), body.at("/facets/owners").toString());
        assertEquals(0, json("/api/actions?owner=secret-owner").get("total").asInt(), "drafts are hidden from readers");
    }

    @Test
    void editors_see_a_drafts_items_and_a_mark_done_button_readers_do_not() {
        Document asEditor = Jsoup.parse(Logins.get(app, editor, "/actions").body());
        assertTrue(asEditor.text().contains("secret-owner"));
        assertFalse(asEditor.select("tr.action-row form button").isEmpty());
        Document asViewer = Jsoup.parse(Logins.get(app, viewer, "/actions").body());
        assertTrue(asViewer.select("tr.action-row form").isEmpty());
    }

    @Test
    void marking_an_item_done_writes_a_revision_that_differs_only_in_its_checkbox_and_exports_exactly() throws Exception {
        String id = copy("mark-done");
        int before = app.services.incidents().header(id).orElseThrow().currentRevision();
        String old = app.services.incidents().source(id, before).orElseThrow();
        Document d = Jsoup.parse(Logins.get(app, editor, "/actions?owner=mark-done-dave").body());
        Element form = row(d, "Add request coalescing").selectFirst("form");
        assertEquals("/incidents/" + id + "/actions/2?owner=mark-done-dave", form.attr("action"));
        HttpResponse<String> r = Logins.post(app, editor, form.attr("action"), Map.of(
                "baseRevision", form.select("input[name=baseRevision]").val(), "status", "done"));
        assertEquals(303, r.statusCode(), r.body());
        assertEquals("/actions?owner=mark-done-dave#action-mark-done-2", r.headers().firstValue("Location").orElseThrow());

        int now = app.services.incidents().header(id).orElseThrow().currentRevision();
        assertEquals(before + 1, now);
        String changed = app.services.incidents().source(id, now).orElseThrow();
        assertEquals(old.replace("* [ ] Add request coalescing", "* [x] Add request coalescing"), changed);
        assertEquals(old.length(), changed.length());
        assertEquals("action", app.services.incidents().revision(id, now).orElseThrow().origin());
        assertEquals(changed, app.get("/incidents/" + id + ".md").body(), "export is the new revision, byte for byte");
        assertEquals(changed, new kb.authoring.Authoring(app.services.db().jdbi()).exportFiles(false).get("incidents/" + id + ".md"));
        Element done = row(app.page("/actions?owner=mark-done-dave"), "Add request coalescing");
        assertEquals("done", done.select(".col-status").text());
    }

    @Test
    void a_mark_based_on_an_older_revision_is_refused_and_changes_nothing() {
        String id = copy("stale-mark");
        int current = app.services.incidents().header(id).orElseThrow().currentRevision();
        String text = app.services.incidents().source(id, current).orElseThrow();
        HttpResponse<String> r = Logins.post(app, editor, "/incidents/" + id + "/actions/1",
                Map.of("baseRevision", String.valueOf(current - 1 < 1 ? current + 7 : current - 1), "status", "done"));
        assertEquals(409, r.statusCode());
        Document d = Jsoup.parse(r.body());
        assertTrue(d.select("#notice").text().contains("changed since this list was loaded"), d.select("#notice").text());
        assertEquals(current, app.services.incidents().header(id).orElseThrow().currentRevision());
        assertEquals(text, app.services.incidents().source(id, current).orElseThrow());
    }

    @Test
    void a_form_post_without_the_csrf_token_is_refused() {
        String id = copy("csrf-mark");
        int current = app.services.incidents().header(id).orElseThrow().currentRevision();
        HttpResponse<String> r = app.send(Logins.request(app, editor, "/incidents/" + id + "/actions/1")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("baseRevision=" + current + "&status=done")).build());
        assertEquals(403, r.statusCode());
        assertEquals(current, app.services.incidents().header(id).orElseThrow().currentRevision());
    }

    @Test
    void the_api_marks_an_item_with_if_match_and_answers_409_with_the_current_revision() throws Exception {
        String token = new Accounts(app.services.db().jdbi()).createToken(editor.user(), "t").token();
        String id = copy("api-mark");
        int current = app.services.incidents().header(id).orElseThrow().currentRevision();
        HttpResponse<String> stale = app.send(HttpRequest.newBuilder(URI.create(app.base + "/api/incidents/" + id + "/actions/4"))
                .header("Authorization", "Bearer " + token).header("If-Match", String.valueOf(current + 5))
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"open\"}")).build());
        assertEquals(409, stale.statusCode());
        assertEquals(current, kb.system.Web.objectMapper().readTree(stale.body()).get("currentRevision").asInt());
        HttpResponse<String> ok = app.send(HttpRequest.newBuilder(URI.create(app.base + "/api/incidents/" + id + "/actions/4"))
                .header("Authorization", "Bearer " + token).header("If-Match", String.valueOf(current))
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"open\"}")).build());
        assertEquals(200, ok.statusCode(), ok.body());
        JsonNode body = kb.system.Web.objectMapper().readTree(ok.body());
        assertEquals("open", body.get("status").asText());
        assertEquals(current + 1, body.get("revision").asInt());
        assertTrue(app.services.incidents().source(id, current + 1).orElseThrow().contains("* [ ] Alert on the database's connection count (TMO-01)"));
        HttpResponse<String> missing = app.send(HttpRequest.newBuilder(URI.create(app.base + "/api/incidents/" + id + "/actions/9"))
                .header("Authorization", "Bearer " + token).header("If-Match", String.valueOf(current + 1))
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"done\"}")).build());
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("there is no item 9"), missing.body());
    }

    static Element row(Document d, String textStart) {
        return d.select("tr.action-row").stream().filter(r -> r.selectFirst("td.col-text").text().startsWith(textStart))
                .findFirst().orElseThrow(() -> new AssertionError("no row '" + textStart + "' in " + d.select("table.actions").text()));
    }

    static JsonNode json(String path) throws Exception {
        HttpResponse<String> r = app.get(path);
        assertEquals(200, r.statusCode(), r.body());
        return kb.system.Web.objectMapper().readTree(r.body());
    }

    @Test
    void a_page_past_the_end_says_where_the_list_ends_and_links_back_to_it() {
        Document d = app.page("/actions?owner=carol&page=40");
        assertTrue(d.select("tr.action-row").isEmpty());
        assertEquals("There is no page 40: the list ends on page 1.", d.select("#past-end").text(),
                d.select("table.actions").outerHtml());
        assertEquals("/actions?owner=carol", d.selectFirst("td.empty a.button").attr("href"));
        assertEquals("/actions?owner=carol", d.selectFirst("a[rel=prev]").attr("href"));
        assertTrue(app.page("/actions?owner=carol").select("#past-end").isEmpty());
    }
}
