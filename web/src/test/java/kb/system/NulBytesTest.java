package kb.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kb.TestApp;
import kb.TestDatabases;
import kb.accounts.Accounts;
import kb.accounts.Logins;
import kb.accounts.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A NUL character anywhere in a request gets the same clear 400 on H2 and PostgreSQL, naming the field,
 * and nothing is stored; the editor and the review form report it at its line and keep the text.
 */
class NulBytesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> databases() {
        return TestDatabases.kinds();
    }

    private static void assertJsonError(HttpResponse<String> r, String fragment) throws Exception {
        assertEquals(400, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(400, body.path("status").asInt());
        assertTrue(body.path("message").asText().contains(fragment), r.body());
        assertTrue(body.path("message").asText().contains("NUL"), r.body());
        assertTrue(body.hasNonNull("requestId"), r.body());
    }

    private static void assertPageError(HttpResponse<String> r, String fragment) {
        assertEquals(400, r.statusCode(), r.body());
        Document d = Jsoup.parse(r.body());
        assertTrue(d.text().contains(fragment) && d.text().contains("NUL"), d.text());
        assertNotNull(d.selectFirst(".request-id"), "the app's error page, not the server's");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anonymous_sign_in_and_list_filters_with_a_nul_get_400_naming_the_field(String db) throws Exception {
        try (TestApp app = TestApp.start(TestDatabases.config(db, TestApp.FIXTURES))) {
            HttpResponse<String> login = app.send(HttpRequest.newBuilder(URI.create(app.base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("name=ad%00min&password=x")).build());
            assertPageError(login, "form field 'name'");

            assertPageError(app.get("/incidents?tag=a%00b"), "query parameter 'tag'");
            assertJsonError(app.get("/api/incidents?tag=a%00b"), "query parameter 'tag'");
            assertJsonError(app.get("/api/incidents?a%00b=1"), "query parameter 'a\\0b'");
            assertEquals(200, app.get("/incidents?tag=ab").statusCode(), "an ordinary filter still works");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void markdown_and_json_bodies_with_a_nul_are_refused_and_nothing_is_stored(String db) throws Exception {
        try (TestApp app = TestApp.start(TestDatabases.config(db, TestApp.FIXTURES))) {
            String token = new Accounts(app.services.db().jdbi()).createToken(Logins.user(app, Role.EDITOR), "ci").token();
            String before = app.get("/api/incidents").body();
            String markdown = "---\nid: nul-incident\ntitle: Has a NUL\nseverity: P2\nstarted: 2024-03-15T02:00:00Z\n"
                    + "---\n\n## Summary\n\nA\0B\n\n## Timeline\n\n- 02:00 Deploy\n\n## Root cause\n\nLeak.\n";
            HttpResponse<String> md = app.send(HttpRequest.newBuilder(URI.create(app.base + "/api/incidents"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/markdown")
                    .POST(HttpRequest.BodyPublishers.ofString(markdown)).build());
            assertJsonError(md, "Line 10 of the request body");

            String json = "{\"diff\": \"diff --git a/x b/x\\n\", \"title\": \"bad\\u0000title\"}";
            HttpResponse<String> review = app.send(HttpRequest.newBuilder(URI.create(app.base + "/api/reviews"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
            assertJsonError(review, "JSON field 'title'");

            String nested = "{\"source\": \"ok\", \"meta\": {\"tags\": [\"a\", \"b\\u0000\"]}}";
            HttpResponse<String> run = app.send(HttpRequest.newBuilder(URI.create(app.base + "/api/run"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(nested)).build());
            assertJsonError(run, "JSON field 'meta.tags[1]'");

            assertEquals(404, app.get("/api/incidents/nul-incident").statusCode());
            assertEquals(before, app.get("/api/incidents").body(), "nothing was stored");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void headers_and_cookies_with_a_nul_get_400_before_sign_in_reads_them(String db) throws Exception {
        try (TestApp app = TestApp.start(TestDatabases.config(db, TestApp.FIXTURES))) {
            RawHttp.Response cookie = RawHttp.get(app, "/incidents", "Cookie: kb_session=ab\0cd");
            assertEquals(400, cookie.status(), cookie.body());
            // Jetty refuses control characters in headers itself; the answer is still the app's page
            assertTrue(cookie.body().contains("request-id") && !cookie.body().contains("HTTP ERROR"), cookie.body());
            RawHttp.Response bearer = RawHttp.get(app, "/api/me", "Authorization: Bearer kbt_\0x");
            assertEquals(400, bearer.status(), bearer.body());
            assertEquals(200, app.get("/incidents").statusCode(), "the server is fine afterwards");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void the_editor_and_the_review_form_report_a_nul_at_its_line_and_keep_the_text(String db) {
        try (TestApp app = TestApp.start(TestDatabases.config(db, TestApp.FIXTURES))) {
            Logins.Login editor = Logins.sessionCookie(app, Role.EDITOR);
            String markdown = "---\nid: nul-editor\ntitle: Has a NUL\nseverity: P2\nstarted: 2024-03-15T02:00:00Z\n"
                    + "---\n\n## Summary\n\nA\0B\n\n## Timeline\n\n- 02:00 Deploy\n\n## Root cause\n\nLeak.\n";
            HttpResponse<String> saved = Logins.post(app, editor, "/incidents/new", Map.of("markdown", markdown));
            assertTrue(saved.statusCode() >= 400 && saved.statusCode() < 500, saved.statusCode() + saved.body());
            Document page = Jsoup.parse(saved.body());
            assertTrue(page.text().contains("NUL"), page.text());
            assertTrue(page.selectFirst("textarea").wholeText().contains("## Root cause\n\nLeak."), "the text is kept");
            assertEquals(404, app.get("/incidents/nul-editor").statusCode());

            String diff = "diff --git a/a.go b/a.go\n--- a/a.go\n+++ b/a.go\n@@ -1,1 +1,2 @@\n x\n+y\0z\n";
            HttpResponse<String> review = Logins.post(app, editor, "/reviews/new", Map.of("diff", diff));
            assertEquals(400, review.statusCode(), review.body());
            Document form = Jsoup.parse(review.body());
            assertTrue(form.text().contains("Line 6 of the diff contains a NUL"), form.text());
            assertTrue(form.selectFirst("textarea").wholeText().contains("+++ b/a.go"), "the diff is kept");
        }
    }
}
