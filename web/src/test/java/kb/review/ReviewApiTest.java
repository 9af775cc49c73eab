package kb.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import kb.TestApp;
import kb.accounts.Accounts;
import kb.accounts.Logins;
import kb.accounts.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /api/reviews} with API tokens and sessions, on the bundled content. */
class ReviewApiTest {

    static TestApp app;
    static String editorToken;
    static String viewerToken;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestApp.CONTENT);
        Accounts tokens = new Accounts(app.services.db().jdbi());
        editorToken = tokens.createToken(Logins.user(app, Role.EDITOR), "ci").token();
        viewerToken = tokens.createToken(Logins.user(app, Role.VIEWER), "ci").token();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static HttpResponse<String> post(String token, String type, String body) {
        return app.send(HttpRequest.newBuilder(URI.create(app.base + "/api/reviews"))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return ReviewDiffs.JSON.readTree(r.body());
    }

    @Test
    void a_raw_diff_posted_with_a_token_is_saved_and_can_be_read_back() throws Exception {
        HttpResponse<String> r = post(editorToken, "text/x-diff", ReviewDiffs.LEAK_NEW_FILE);
        assertEquals(201, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        JsonNode created = json(r);
        assertEquals("/api/reviews/" + created.path("id").asLong(), location);
        assertEquals("changes_requested", created.path("verdict").asText());
        JsonNode res02 = null;
        for (JsonNode f : created.path("findings")) {
            if (f.path("item").asText().equals("RES-02")) {
                res02 = f;
            }
        }
        assertTrue(res02 != null, r.body());
        assertEquals("go-response-body-not-closed", res02.path("rule").asText());
        assertEquals("client/fetch.go", res02.path("path").asText());
        assertEquals(6, res02.path("line").asInt());
        assertTrue(res02.path("itemTitle").asText().length() > 3);
        assertEquals("http-body-leak-fd-exhaustion", res02.at("/incidents/0/id").asText(), r.body());
        assertTrue(res02.at("/incidents/0/title").asText().startsWith("Recurring 502s"));
        assertTrue(res02.has("confidence"));

        HttpResponse<String> got = app.get(location, Map.of("Authorization", "Bearer " + viewerToken));
        assertEquals(200, got.statusCode());
        assertEquals(created, json(got));
    }

    @Test
    void json_with_pr_fields_is_saved_and_manual_items_carry_their_marks() throws Exception {
        String body = ReviewDiffs.JSON.writeValueAsString(Map.of("diff", ReviewDiffs.GO_MOD,
                "repository", "acme/api", "pr", 7, "title", "Bump x/text", "url", "https://example.com/pr/7"));
        HttpResponse<String> r = post(editorToken, "application/json", body);
        assertEquals(201, r.statusCode(), r.body());
        JsonNode created = json(r);
        assertEquals("acme/api", created.path("repository").asText());
        assertEquals(7, created.path("pr").asInt());
        assertEquals("DEP-01", created.at("/manual/0/item").asText(), r.body());
        assertTrue(created.at("/manual/0/mark").isNull());
        assertEquals("pass", created.path("engineVerdict").asText());
        assertEquals("changes_requested", created.path("verdict").asText(), "DEP-01 is a blocker item, unmarked");

        String marks = created.path("apiUrl").asText().replaceFirst("^https?://[^/]+", "") + "/marks";
        HttpResponse<String> mark = app.send(HttpRequest.newBuilder(URI.create(app.base + marks))
                .header("Authorization", "Bearer " + editorToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"DEP-01\",\"state\":\"not_applicable\"}")).build());
        assertEquals(200, mark.statusCode(), mark.body());
        assertEquals("pass", json(mark).path("verdict").asText());
        JsonNode again = json(app.get("/api/reviews/" + created.path("id").asLong()));
        assertEquals("not_applicable", again.at("/manual/0/mark/state").asText());
    }

    @Test
    void a_malformed_diff_answers_400_with_the_line() throws Exception {
        HttpResponse<String> r = post(editorToken, "text/plain", ReviewDiffs.MALFORMED);
        assertEquals(400, r.statusCode());
        assertEquals(5, json(r).path("line").asInt(), r.body());
        assertTrue(json(r).path("message").asText().startsWith("diff line 5:"), r.body());

        HttpResponse<String> empty = post(editorToken, "text/x-diff", "");
        assertEquals(400, empty.statusCode());
        assertTrue(json(empty).path("message").asText().contains("empty"));
        assertEquals(400, post(editorToken, "application/json", "{\"pr\": 3}").statusCode());
        assertEquals(415, post(editorToken, "application/xml", "<diff/>").statusCode());
    }

    @Test
    void a_bad_pr_number_answers_400_naming_the_field_in_json_and_in_forms() throws Exception {
        for (String pr : List.of("\"abc\"", "-4", "0", "1.5", "\"#x\"")) {
            HttpResponse<String> r = post(editorToken, "application/json",
                    "{\"diff\": " + ReviewDiffs.JSON.writeValueAsString(ReviewDiffs.LEAK_NEW_FILE) + ", \"pr\": " + pr + "}");
            assertEquals(400, r.statusCode(), pr + ": " + r.body());
            assertTrue(json(r).path("message").asText().startsWith("Field 'pr': "), r.body());
        }
        HttpResponse<String> form = post(editorToken, "application/x-www-form-urlencoded",
                "diff=" + java.net.URLEncoder.encode(ReviewDiffs.LEAK_NEW_FILE, java.nio.charset.StandardCharsets.UTF_8)
                        + "&pr=seven");
        assertEquals(400, form.statusCode(), form.body());
        assertTrue(json(form).path("message").asText().contains("got 'seven'"), form.body());
    }

    @Test
    void viewers_and_anonymous_callers_may_not_create_and_cookie_posts_need_the_csrf_token() throws Exception {
        assertEquals(403, post(viewerToken, "text/x-diff", ReviewDiffs.GO_MOD).statusCode());
        assertEquals(401, app.send(HttpRequest.newBuilder(URI.create(app.base + "/api/reviews"))
                .header("Content-Type", "text/x-diff").POST(HttpRequest.BodyPublishers.ofString(ReviewDiffs.GO_MOD))
                .build()).statusCode());

        Logins.Login editor = Logins.sessionCookie(app, Role.EDITOR);
        HttpResponse<String> forged = app.send(Logins.request(app, editor, "/api/reviews")
                .header("Content-Type", "text/x-diff").POST(HttpRequest.BodyPublishers.ofString(ReviewDiffs.GO_MOD))
                .build());
        assertEquals(403, forged.statusCode(), forged.body());
        HttpResponse<String> ok = app.send(Logins.request(app, editor, "/api/reviews")
                .header("Content-Type", "text/x-diff").header(Accounts.CSRF_HEADER, editor.csrf())
                .POST(HttpRequest.BodyPublishers.ofString(ReviewDiffs.GO_MOD)).build());
        assertEquals(201, ok.statusCode(), ok.body());
        assertEquals(editor.user(), json(ok).path("createdBy").asText());
    }

    @Test
    void an_unknown_review_is_404_json() throws Exception {
        HttpResponse<String> r = app.get("/api/reviews/424242");
        assertEquals(404, r.statusCode());
        assertEquals(404, json(r).path("status").asInt());
    }

    @Test
    void a_diff_of_a_latin_1_file_is_reviewed_with_its_letters_and_a_trailing_blank_line_is_not_a_hunk_line()
            throws Exception {
        // git diffs bytes: a source file kept in Latin-1 gives lines that are not UTF-8
        String diff = ReviewDiffs.LEAK_NEW_FILE.replace("+// done", "+// r\u00e9sum\u00e9 done") + "\n";
        HttpResponse<String> r = app.send(HttpRequest.newBuilder(URI.create(app.base + "/api/reviews"))
                .header("Authorization", "Bearer " + editorToken).header("Content-Type", "text/x-diff")
                .POST(HttpRequest.BodyPublishers.ofByteArray(diff.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                .build());
        assertEquals(201, r.statusCode(), r.body());
        JsonNode created = json(r);
        assertTrue(created.path("findings").findValuesAsText("item").contains("RES-02"), r.body());
        HttpResponse<String> md = app.send(HttpRequest.newBuilder(URI.create(app.base + "/reviews/"
                + created.path("id").asLong())).GET().build());
        assertTrue(md.body().contains("résumé done"), "the saved diff keeps the file's letters");
    }
}
