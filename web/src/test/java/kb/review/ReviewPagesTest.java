package kb.review;

import kb.review.report.MarkdownReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kb.TestApp;
import kb.accounts.Logins;
import kb.accounts.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The review pages over HTTP on the bundled content, so the real rules, checklist and incidents are there. */
class ReviewPagesTest {

    static TestApp app;
    static Logins.Login editor;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestApp.CONTENT);
        editor = Logins.sessionCookie(app, Role.EDITOR);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Submits the form as {@code login}, as a browser does (multipart). */
    static HttpResponse<String> submit(Logins.Login login, Map<String, String> fields) {
        String boundary = "----kb" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        if (login != null) {
            all.putIfAbsent("_csrf", login.csrf());
        }
        all.forEach((k, v) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return app.send(Logins.request(app, login, "/reviews/new")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
    }

    static String created(HttpResponse<String> r) {
        assertEquals(303, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches("/reviews/[0-9]+"), location);
        return location;
    }

    /** The diff field's value as a browser sees it: the HTML parser drops the newline right after the tag. */
    static String textarea(Document doc) {
        String raw = doc.selectFirst("textarea#diff").wholeText();
        return raw.startsWith("\n") ? raw.substring(1) : raw;
    }

    static Document page(String path) {
        HttpResponse<String> r = Logins.get(app, editor, path);
        assertEquals(200, r.statusCode(), r.body());
        return Jsoup.parse(r.body());
    }

    @Test
    void a_pasted_go_leak_shows_its_checklist_item_incident_and_code() {
        String at = created(submit(editor, Map.of("diff", ReviewDiffs.LEAK_NEW_FILE, "repository", "acme/api",
                "pr", "42", "title", "Fetch the status")));
        Document doc = page(at);
        Element row = doc.selectFirst("tr.finding[data-item=RES-02]");
        assertNotNull(row, doc.select("#findings").outerHtml());
        assertEquals("/checklist/RES-02", row.selectFirst("a.item-link").attr("href"));
        assertTrue(row.selectFirst("a.item-link").text().startsWith("RES-02 "), row.text());
        assertEquals("resp, err := http.Get(url)", row.selectFirst("pre.finding-code code.language-go").text());
        assertEquals("client/fetch.go:6", row.selectFirst("td.where").text());
        Element incident = row.selectFirst("a.incident-link[href=/incidents/http-body-leak-fd-exhaustion]");
        assertNotNull(incident, row.outerHtml());
        assertTrue(incident.text().startsWith("Recurring 502s from file-descriptor exhaustion"), incident.text());
        assertEquals("changes requested", doc.selectFirst(".verdict-line .verdict").text());
        assertNotNull(doc.selectFirst("tr.finding[data-item=TMO-01]"), "http.Get also uses the client without a timeout");
        assertEquals("2", doc.selectFirst("#count-blocker").text());
        assertTrue(doc.selectFirst("#verdict-reasons").text().contains("RES-02 blocker finding at client/fetch.go:6"));

        Element listed = page("/reviews").selectFirst("tr.review-row a[href=" + at + "]");
        assertNotNull(listed);
        assertTrue(listed.parent().text().contains("acme/api #42"), listed.parent().text());
    }

    @Test
    void a_test_file_in_the_pasted_diff_is_not_reviewed_and_the_page_says_so_after_reloading() {
        String testFile = ReviewDiffs.LEAK_NEW_FILE.replace("client/fetch.go", "client/fetch_test.go");
        String at = created(submit(editor, Map.of("diff", ReviewDiffs.LEAK_NEW_FILE + testFile)));
        Document doc = page(at);
        assertEquals(List.of("client/fetch.go:6"), doc.select("tr.finding[data-item=RES-02] td.where").eachText());
        Element note = doc.selectFirst("#test-files");
        assertNotNull(note, doc.body().text());
        assertTrue(note.text().startsWith("1 test file was not reviewed"), note.text());
        assertEquals("client/fetch_test.go", note.attr("title"));
    }

    @Test
    void a_generated_file_in_the_pasted_diff_is_not_reviewed_and_the_page_names_it_after_reloading() {
        String generated = ReviewDiffs.LEAK_NEW_FILE.replace("client/fetch.go", "client/fetch_mock.go")
                .replace("@@ -0,0 +1,13 @@\n+package client", "@@ -0,0 +1,14 @@\n+// Code generated by mockgen. DO NOT EDIT.\n+package client");
        String at = created(submit(editor, Map.of("diff", ReviewDiffs.LEAK_NEW_FILE + generated)));
        Document doc = page(at);
        assertEquals(List.of("client/fetch.go:6"), doc.select("tr.finding[data-item=RES-02] td.where").eachText());
        Element note = doc.selectFirst("#foreign-files");
        assertNotNull(note, doc.body().text());
        assertTrue(note.text().startsWith("1 file was not reviewed because nobody edits it by hand here"), note.text());
        assertTrue(note.text().contains("client/fetch_mock.go (generated)"), note.text());
        assertEquals(List.of("client/fetch_mock.go"), note.select("code").eachText());
    }

    @Test
    void a_pasted_vendored_bump_is_named_up_to_twenty_files_and_counted_past_them() {
        StringBuilder diff = new StringBuilder(ReviewDiffs.LEAK_NEW_FILE);
        for (int i = 0; i < 25; i++) {
            diff.append(ReviewDiffs.LEAK_NEW_FILE.replace("client/fetch.go", "vendor/example.com/lib/f" + i + ".go"));
        }
        Document doc = page(created(submit(editor, Map.of("diff", diff.toString()))));
        assertEquals(List.of("client/fetch.go:6"), doc.select("tr.finding[data-item=RES-02] td.where").eachText());
        Element note = doc.selectFirst("#foreign-files");
        assertNotNull(note, doc.body().text());
        assertTrue(note.text().startsWith("25 files were not reviewed") && note.text().contains("(vendored)")
                && note.text().endsWith(" and 5 more (the JSON report lists them all)."), note.text());
        assertEquals(20, note.select("code").size());
    }

    @Test
    void a_pasted_file_nested_too_deeply_is_reviewed_by_its_line_rules_and_the_page_says_so() {
        String deep = """
                diff --git a/gen/deep.go b/gen/deep.go
                new file mode 100644
                --- /dev/null
                +++ b/gen/deep.go
                @@ -0,0 +1,3 @@
                +package gen
                +
                +var x = %s
                """.formatted("(".repeat(5000) + "1" + ")".repeat(5000));
        String at = created(submit(editor, Map.of("diff", ReviewDiffs.LEAK_NEW_FILE + deep)));
        Document doc = page(at);
        assertEquals(List.of("client/fetch.go:6"), doc.select("tr.finding[data-item=RES-02] td.where").eachText());
        assertEquals(List.of("gen/deep.go " + kb.review.engine.Review.NOT_ANALYSED + "."),
                doc.select("p.not-analysed").eachText());
    }

    @Test
    void a_finding_whose_function_the_hunk_does_not_show_is_marked_low_confidence_with_the_reason() {
        Document doc = page(created(submit(editor, Map.of("diff", ReviewDiffs.LEAK_IN_JAVA_HUNK))));
        Element row = doc.selectFirst("tr.finding[data-item=RES-01]");
        assertNotNull(row, doc.select("#findings").outerHtml());
        assertTrue(row.hasClass("low-confidence"), row.outerHtml());
        Element low = row.selectFirst(".confidence-low");
        assertTrue(low.text().startsWith("low confidence "), low.text());
        assertTrue(low.text().length() > "low confidence ".length() + 5, "the reason is shown: " + low.text());
    }

    @Test
    void a_go_finding_whose_function_the_hunk_does_not_show_stays_high_and_still_says_what_was_not_seen() {
        Document doc = page(created(submit(editor, Map.of("diff", ReviewDiffs.LEAK_IN_HUNK))));
        Element row = doc.selectFirst("tr.finding[data-item=RES-02]");
        assertNotNull(row, doc.select("#findings").outerHtml());
        assertFalse(row.hasClass("low-confidence"), row.outerHtml());
        Element note = row.selectFirst(".finding-note");
        assertNotNull(note, row.outerHtml());
        assertTrue(note.text().contains("only part of the enclosing function"), note.text());
    }

    @Test
    void a_malformed_diff_is_refused_naming_the_line_and_keeping_the_text_exactly() {
        HttpResponse<String> r = submit(editor, Map.of("diff", ReviewDiffs.MALFORMED, "title", "keep me"));
        assertEquals(400, r.statusCode());
        Document doc = Jsoup.parse(r.body());
        String error = doc.selectFirst("#review-error").text();
        assertTrue(error.contains("Line 5 of your diff: @@ -1,2 +1,3 @@"), error);
        assertEquals(ReviewDiffs.MALFORMED, textarea(doc));
        assertEquals("keep me", doc.selectFirst("input[name=title]").val());
    }

    @Test
    void commits_pasted_one_after_another_are_refused_at_the_second_header_and_the_text_is_kept() {
        String fix = "diff --git a/client/fetch.go b/client/fetch.go\n--- a/client/fetch.go\n+++ b/client/fetch.go\n"
                + "@@ -12,2 +12,2 @@\n-\n+// closed by the caller\n // done\n";
        String series = "From 1 Mon Sep 17 00:00:00 2001\nSubject: [PATCH 1/2] fetch\n\n" + ReviewDiffs.LEAK_NEW_FILE
                + "-- \n2.43.0\n\nFrom 2 Mon Sep 17 00:00:00 2001\nSubject: [PATCH 2/2] note\n\n" + fix;
        HttpResponse<String> r = submit(editor, Map.of("diff", series, "title", "two commits"));
        assertEquals(400, r.statusCode(), r.body());
        Document doc = Jsoup.parse(r.body());
        String error = doc.selectFirst("#review-error").text();
        assertTrue(error.contains("'client/fetch.go' is changed again here after line 4")
                && error.contains("Line 29 of your diff: diff --git a/client/fetch.go b/client/fetch.go"), error);
        assertEquals(series, textarea(doc));
        assertEquals("two commits", doc.selectFirst("input[name=title]").val());
    }

    @Test
    void an_empty_diff_is_refused_with_a_message_and_nothing_is_saved() {
        int before = new SavedReviews(app.services.db().jdbi(), TestApp.CONTENT).newest(1000).size();
        HttpResponse<String> r = submit(editor, Map.of("diff", "  \n", "repository", "acme/api"));
        assertEquals(400, r.statusCode());
        Document doc = Jsoup.parse(r.body());
        assertTrue(doc.selectFirst("#review-error").text().contains("The diff is empty"), r.body());
        assertEquals("acme/api", doc.selectFirst("input[name=repository]").val());
        assertEquals(before, new SavedReviews(app.services.db().jdbi(), TestApp.CONTENT).newest(1000).size());
    }

    @Test
    void a_diff_over_the_cap_is_refused_with_413_and_a_bad_pr_number_keeps_the_text() {
        String huge = ReviewDiffs.GO_MOD + "+" + "x".repeat(SavedReviews.MAX_DIFF_BYTES) + "\n";
        HttpResponse<String> r = submit(editor, Map.of("diff", huge));
        assertEquals(413, r.statusCode());
        assertTrue(Jsoup.parse(r.body()).selectFirst("#review-error").text().contains("at most 1000000"));

        HttpResponse<String> pr = submit(editor, Map.of("diff", ReviewDiffs.GO_MOD, "pr", "forty-two"));
        assertEquals(400, pr.statusCode());
        Document doc = Jsoup.parse(pr.body());
        assertTrue(doc.selectFirst("#review-error").text().contains("'forty-two'"), pr.body());
        assertEquals(ReviewDiffs.GO_MOD, textarea(doc));
    }

    @Test
    void viewers_may_read_reviews_but_not_create_them_and_keep_their_text() {
        String at = created(submit(editor, Map.of("diff", ReviewDiffs.GO_MOD)));
        Logins.Login viewer = Logins.sessionCookie(app, Role.VIEWER);
        HttpResponse<String> r = submit(viewer, Map.of("diff", ReviewDiffs.LEAK_NEW_FILE));
        assertEquals(403, r.statusCode());
        assertEquals(ReviewDiffs.LEAK_NEW_FILE, textarea(Jsoup.parse(r.body())));
        HttpResponse<String> page = Logins.get(app, viewer, at);
        assertEquals(200, page.statusCode());
        assertTrue(Jsoup.parse(page.body()).select("form.mark-form").isEmpty(), "viewers get no mark forms");
    }

    @Test
    void manual_marks_are_saved_with_who_and_when_and_move_the_verdict() {
        String at = created(submit(editor, Map.of("diff", ReviewDiffs.GO_MOD)));
        Document doc = page(at);
        assertEquals("0", doc.selectFirst("#count-blocker").text());
        Element item = doc.selectFirst("#manual-DEP-01");
        assertNotNull(item, doc.select("#manual").outerHtml());
        assertEquals("not marked", item.selectFirst(".mark .badge").text());
        assertEquals("changes requested", doc.selectFirst(".verdict-line .verdict").text(),
                "an unmarked blocker item blocks a pass");

        HttpResponse<String> marked = Logins.post(app, editor, at + "/marks/DEP-01",
                Map.of("state", "checked", "note", "x/text v0.15.0 has no advisories"));
        assertEquals(303, marked.statusCode(), marked.body());
        doc = page(at);
        item = doc.selectFirst("#manual-DEP-01");
        assertEquals("checked", item.selectFirst(".mark .badge").text());
        assertEquals(editor.user(), item.selectFirst(".marked-by").text());
        assertTrue(item.selectFirst(".marked-at").text().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d.*"));
        assertEquals("x/text v0.15.0 has no advisories", item.selectFirst(".note").text());
        assertEquals("pass", doc.selectFirst(".verdict-line .verdict").text());
        assertTrue(page("/reviews").selectFirst("tr.review-row a[href=" + at + "]").parent().parent()
                .selectFirst(".verdict").hasClass("verdict-pass"));

        Logins.post(app, editor, at + "/marks/DEP-01", Map.of("state", "failed", "note", "CVE pending"));
        doc = page(at);
        assertEquals("changes requested", doc.selectFirst(".verdict-line .verdict").text());
        assertTrue(doc.selectFirst("#verdict-reasons").text().contains("DEP-01 marked failed by " + editor.user()));

        assertEquals(400, Logins.post(app, editor, at + "/marks/DEP-01", Map.of("state", "maybe")).statusCode());
        assertEquals(400, Logins.post(app, editor, at + "/marks/RES-02", Map.of("state", "checked")).statusCode());
        assertEquals(403, Logins.post(app, Logins.sessionCookie(app, Role.VIEWER), at + "/marks/DEP-01",
                Map.of("state", "checked")).statusCode());
        assertEquals("failed", page(at).selectFirst("#manual-DEP-01 .mark .badge").text(), "refusals change nothing");
    }

    @Test
    void downloads_give_markdown_sarif_and_json_with_the_saved_verdict() throws Exception {
        String at = created(submit(editor, Map.of("diff", ReviewDiffs.LEAK_NEW_FILE)));
        HttpResponse<String> md = Logins.get(app, editor, at + ".md");
        assertEquals(200, md.statusCode());
        assertTrue(md.headers().firstValue("Content-Type").orElse("").startsWith("text/markdown"));
        assertTrue(md.body().startsWith(MarkdownReport.MARKER), md.body());
        assertTrue(md.body().contains("## Checklist review: changes requested"), md.body());
        assertTrue(md.body().contains("/incidents/http-body-leak-fd-exhaustion"), md.body());

        HttpResponse<String> sarif = Logins.get(app, editor, at + ".sarif");
        assertEquals(200, sarif.statusCode());
        var log = ReviewDiffs.JSON.readTree(sarif.body());
        assertEquals("2.1.0", log.path("version").asText());
        assertEquals("client/fetch.go", log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri")
                .asText(), sarif.body());

        HttpResponse<String> json = Logins.get(app, editor, at + ".json");
        assertEquals(200, json.statusCode());
        var tree = ReviewDiffs.JSON.readTree(json.body());
        assertEquals("changes_requested", tree.path("verdict").asText());
        assertEquals(java.util.List.of("RES-02", "TMO-01"), java.util.stream.StreamSupport.stream(
                tree.path("findings").spliterator(), false).map(f -> f.path("item").asText()).sorted().toList());

        Document doc = page(at);
        assertEquals(at + ".md", doc.selectFirst("#download-md").attr("href"));
        assertFalse(doc.select("#download-sarif").isEmpty());
    }

    @Test
    void the_nav_links_to_reviews_and_an_unknown_review_is_404() {
        assertNotNull(page("/reviews").selectFirst("header nav a[href=/reviews]"));
        assertEquals(404, Logins.get(app, editor, "/reviews/999999").statusCode());
        assertEquals(404, Logins.get(app, editor, "/reviews/abc").statusCode());
    }
}
