package kb.authoring;

import kb.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditorControllerTest {

    static TestApp app;

    @BeforeAll
    static void start() {
        app = Editors.start(TestApp.FIXTURES);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** The text as the author typed it: CRLF line ends, non-ASCII text and trailing spaces. */
    static String typed(String text) {
        return text.replace("\n", "\r\n");
    }

    static Stream<Arguments> invalidTexts() {
        String ok = Editors.postmortem("bad-text", "Duplicate invoices — 重复发票  ", "Ünïcödé ✓ and trailing spaces   ");
        return Stream.of(
                Arguments.of("bad severity", ok.replace("severity: P2", "severity: P9"), 4, "severity 'P9'"),
                Arguments.of("unknown key", ok.replace("services: [billing]", "servcies: [billing]"), 7, "servcies"),
                Arguments.of("missing root cause", ok.replace("## Root cause\n\nA retry without an idempotency key.\n", ""),
                        0, "Root cause"),
                Arguments.of("timeline out of order", ok.replace("- 11:30 [resolve]", "- 09:30 [resolve]"), 17, "earlier"),
                Arguments.of("text before the first section", ok.replace("---\n\n## Summary", "---\nStray words\n## Summary"),
                        9, "before the first"),
                Arguments.of("id already taken", ok.replace("id: bad-text", "id: fixture-pool-leak"), 2, "already exists"),
                Arguments.of("front matter never closed", ok.replace("services: [billing]\n---", "services: [billing]\n--"),
                        1, "---"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTexts")
    void an_invalid_text_is_shown_again_exactly_with_the_problem_at_its_line(String name, String lf, int line, String words) {
        String text = typed(lf);
        for (String action : List.of("save", "preview")) {
            HttpResponse<String> r = Editors.submit(app, "/incidents/new", text, action, null);
            assertEquals(400, r.statusCode(), name + " / " + action);
            Document d = Jsoup.parse(r.body());
            assertEquals(text, Editors.textarea(d), "the textarea holds the text byte for byte");
            List<Element> problems = d.select("#problems li.problem");
            assertTrue(problems.stream().anyMatch(p -> p.text().contains(words)
                            && (line == 0 || p.attr("data-line").equals(String.valueOf(line)))),
                    name + ": expected a problem mentioning '" + words + "' at line " + line + " in " + problems);
            problems.forEach(p -> assertEquals("Line " + p.attr("data-line"), p.selectFirst("a.problem-line").text()
                    .replaceFirst(":\\d+$", "")));
            assertNull(d.getElementById("preview"), "nothing is previewed while the text is invalid");
        }
        assertEquals(404, app.get("/incidents/bad-text").statusCode(), "nothing was saved");
    }

    @Test
    void an_edit_that_changes_the_id_is_refused_at_the_id_line() {
        String source = Editors.get(app, "/incidents/fixture-old-timeout.md").body();
        String text = typed(source.replace("id: fixture-old-timeout", "id: another-id"));
        HttpResponse<String> r = Editors.submit(app, "/incidents/fixture-old-timeout/edit", text, "save", 1);
        assertEquals(400, r.statusCode());
        Document d = Jsoup.parse(r.body());
        assertEquals(text, Editors.textarea(d));
        Element problem = d.selectFirst("#problems li.problem");
        assertEquals("2", problem.attr("data-line"));
        assertTrue(problem.text().contains("must stay 'fixture-old-timeout'"), problem.text());
    }

    @Test
    void a_text_over_one_mebibyte_is_refused_and_kept() {
        String text = typed(Editors.postmortem("too-big", "Big", "x".repeat(1024 * 1024)));
        HttpResponse<String> r = Editors.submit(app, "/incidents/new", text, "save", null);
        assertEquals(400, r.statusCode());
        Document d = Jsoup.parse(r.body());
        assertEquals(text, Editors.textarea(d));
        assertTrue(d.selectFirst("#problems li.problem[data-line=1]").text().contains("1 MiB"));
    }

    @Test
    void a_save_without_a_session_keeps_the_text_and_says_to_sign_in_again() {
        String text = typed(Editors.postmortem("no-session", "Session gone ✓  ", "typed for an hour  "));
        HttpResponse<String> r = Editors.postForm(app, "/incidents/new", Map.of("markdown", text, "action", "save", "_csrf", "stale"), null);
        assertEquals(401, r.statusCode());
        Document d = Jsoup.parse(r.body());
        assertEquals(text, Editors.textarea(d));
        assertTrue(d.getElementById("notice").text().contains("session expired"), d.getElementById("notice").text());
        assertEquals(404, app.get("/incidents/no-session").statusCode());
    }

    @Test
    void a_failure_on_our_side_keeps_the_text_and_names_the_request() {
        TestApp broken = Editors.start(TestApp.FIXTURES);
        try {
            broken.services.db().close();
            String text = typed(Editors.postmortem("db-down", "Database gone", "still here  "));
            HttpResponse<String> r = Editors.submit(broken, "/incidents/new", text, "save", null);
            assertEquals(500, r.statusCode());
            Document d = Jsoup.parse(r.body());
            assertEquals(text, Editors.textarea(d));
            String requestId = d.selectFirst("footer .request-id").text();
            assertTrue(d.getElementById("notice").text().contains(requestId), "the notice names request " + requestId);
        } finally {
            broken.app.stop();
        }
    }

    @Test
    void the_new_form_starts_from_a_skeleton_that_previews_cleanly() {
        Document d = Editors.page(app, "/incidents/new", 200);
        String skeleton = Editors.textarea(d);
        assertTrue(skeleton.startsWith("---\nid: "), skeleton);
        assertNotNull(d.selectFirst("form#editor-form input[type=hidden][name=_csrf]"));
        assertNotNull(d.selectFirst("script[src=/static/js/editor.js]"));
        HttpResponse<String> js = app.get("/static/js/editor.js");
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElseThrow().contains("javascript"));
        assertEquals(200, app.get("/static/css/editor.css").statusCode());
        HttpResponse<String> r = Editors.submit(app, "/incidents/new", skeleton, "preview", null);
        assertEquals(200, r.statusCode(), r.body());
        assertNotNull(Jsoup.parse(r.body()).selectFirst("#preview article.incident"));
    }

    @Test
    void the_editor_is_for_editors_only_and_sends_anonymous_readers_to_sign_in() {
        kb.accounts.Logins.assertSentToSignIn(app.get("/incidents/new"), "/incidents/new");
        assertEquals(403, app.get("/incidents/new", Map.of(Editors.READER, "bob")).statusCode());
        kb.accounts.Logins.assertSentToSignIn(app.get("/incidents/fixture-pool-leak/edit"), "/incidents/fixture-pool-leak/edit");
    }

    @Test
    void preview_shows_the_page_exactly_as_saving_it_does() {
        String text = typed(Editors.postmortem("preview-same", "Preview equals page", "With **bold**, `code` and a "
                + "[link](https://example.com).\n\n```go\nfmt.Println(1)\n```\n\n## Action items\n\n"
                + "- [ ] Add keys (owner: alice, type: prevent)\n"));
        HttpResponse<String> preview = Editors.submit(app, "/incidents/new", text, "preview", null);
        assertEquals(200, preview.statusCode());
        Document p = Jsoup.parse(preview.body());
        assertEquals(text, Editors.textarea(p), "the text stays in the editor under the preview");
        assertEquals(404, app.get("/incidents/preview-same").statusCode(), "preview saves nothing");

        HttpResponse<String> saved = Editors.submit(app, "/incidents/new", text, "save", null);
        assertEquals(303, saved.statusCode());
        assertEquals("/incidents/preview-same", saved.headers().firstValue("Location").orElseThrow());
        Document page = Jsoup.parse(app.get("/incidents/preview-same").body());
        // related incidents are found in the index of saved postmortems, so only a saved page can list them;
        // everything the author wrote must look the same
        page.select("section.related-incidents").remove();
        assertEquals(page.selectFirst("article.incident").outerHtml(), p.selectFirst("#preview article.incident").outerHtml());
    }

    @Test
    void saving_a_new_postmortem_stores_it_as_revision_one_and_lists_it() {
        String text = typed(Editors.postmortem("new-and-listed", "Listed after saving", ""));
        assertEquals(303, Editors.submit(app, "/incidents/new", text, "save", null).statusCode());
        var rev = app.services.incidents().revision("new-and-listed", 1).orElseThrow();
        assertEquals("create", rev.origin());
        assertEquals("alice", rev.author());
        assertEquals(Authoring.normalize(text), rev.source(), "stored with LF line ends, otherwise as typed");
        assertTrue(app.page("/incidents").select("tr.incident-row a").eachText().contains("Listed after saving"));
    }

    @Test
    void a_draft_is_seen_by_editors_only() {
        String text = Editors.postmortem("only-a-draft", "Draft", "").replace("severity: P2", "severity: P2\nstatus: draft");
        assertEquals(303, Editors.submit(app, "/incidents/new", text, "save", null).statusCode());
        assertEquals(404, app.get("/incidents/only-a-draft").statusCode());
        assertEquals(404, app.get("/incidents/only-a-draft.md").statusCode());
        assertEquals(200, Editors.get(app, "/incidents/only-a-draft").statusCode());
        assertTrue(Editors.page(app, "/incidents", 200).select("tr.incident-row").eachAttr("data-id").contains("only-a-draft"));
        assertTrue(!app.page("/incidents").select("tr.incident-row").eachAttr("data-id").contains("only-a-draft"));
    }

    @Test
    void an_uploaded_file_is_saved_and_an_invalid_one_is_shown_with_its_problems() {
        String file = Editors.postmortem("from-upload", "Uploaded ✓", "");
        HttpResponse<String> ok = Editors.upload(app, "/incidents/new", "", "from-upload.md", file.getBytes(StandardCharsets.UTF_8));
        assertEquals(303, ok.statusCode(), ok.body());
        assertEquals(file, Editors.get(app, "/incidents/from-upload.md").body());

        String bad = file.replace("id: from-upload", "id: bad-upload").replace("severity: P2", "severity: high");
        HttpResponse<String> r = Editors.upload(app, "/incidents/new", "", "bad.md", bad.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, r.statusCode());
        Document d = Jsoup.parse(r.body());
        assertEquals(bad, Editors.textarea(d), "the uploaded text is in the editor to be fixed");
        assertEquals("4", d.selectFirst("#problems li.problem").attr("data-line"));

        String typedText = "my own text\r\nkept  ";
        HttpResponse<String> notUtf8 = Editors.upload(app, "/incidents/new", typedText, "latin1.md",
                new byte[]{'-', '-', '-', '\n', (byte) 0xE9, '\n'});
        assertEquals(400, notUtf8.statusCode());
        Document n = Jsoup.parse(notUtf8.body());
        assertEquals(typedText, Editors.textarea(n));
        assertTrue(n.selectFirst("#problems li.problem").text().contains("not UTF-8"));
    }

    @Test
    void editors_see_edit_history_and_export_links_and_readers_do_not() {
        Document editor = Editors.page(app, "/incidents/fixture-pool-leak", 200);
        assertEquals(List.of("/incidents/fixture-pool-leak/edit", "/incidents/fixture-pool-leak/history",
                "/incidents/fixture-pool-leak.md"), editor.select("article .incident-head a.button").eachAttr("href"));
        assertNotNull(editor.selectFirst("header.top nav a[href=/incidents/new]"));
        Document reader = app.page("/incidents/fixture-pool-leak");
        assertTrue(reader.select("article .incident-head a.button").isEmpty());
        assertNull(reader.selectFirst("a[href=/incidents/new]"));
    }
}
