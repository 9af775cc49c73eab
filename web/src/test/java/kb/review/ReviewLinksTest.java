package kb.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import kb.TestApp;
import kb.accounts.Accounts;
import kb.accounts.Logins;
import kb.accounts.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A review's pull-request URL is checked like a postmortem's source, and report links never follow Host. */
class ReviewLinksTest {

    static TestApp app;
    static String token;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestApp.CONTENT);
        token = new Accounts(app.services.db().jdbi()).createToken(Logins.user(app, Role.EDITOR), "ci").token();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static HttpResponse<String> create(String url) throws Exception {
        String body = ReviewDiffs.JSON.writeValueAsString(Map.of("diff", ReviewDiffs.LEAK_NEW_FILE, "url", url));
        return app.send(HttpRequest.newBuilder(URI.create(app.base + "/api/reviews"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void a_javascript_or_relative_url_is_refused_with_the_field_named_and_nothing_is_stored() throws Exception {
        int before = ReviewDiffs.JSON.readTree(app.get("/api/reviews").body()).size();
        for (String bad : new String[] {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "//evil.example/x",
                "/reviews/1", "http://", "https://exa mple.com", "ftp://example.com/x"}) {
            HttpResponse<String> r = create(bad);
            assertEquals(400, r.statusCode(), bad + " -> " + r.body());
            assertTrue(ReviewDiffs.JSON.readTree(r.body()).path("message").asText().contains("url '"), r.body());
        }
        assertEquals(before, ReviewDiffs.JSON.readTree(app.get("/api/reviews").body()).size(), "nothing was stored");
        assertEquals(201, create("https://github.com/acme/api/pull/7").statusCode());
    }

    @Test
    void the_review_form_refuses_a_javascript_url_and_keeps_the_diff() {
        Logins.Login editor = Logins.sessionCookie(app, Role.EDITOR);
        HttpResponse<String> r = Logins.post(app, editor, "/reviews/new",
                Map.of("diff", ReviewDiffs.LEAK_NEW_FILE, "url", "javascript:alert(1)"));
        assertEquals(400, r.statusCode(), r.body());
        Document form = Jsoup.parse(r.body());
        assertTrue(form.text().contains("must be an http:// or https:// URL"), form.text());
        assertTrue(form.selectFirst("textarea").wholeText().contains("client/fetch.go"), "the diff is kept");
    }

    @Test
    void a_stored_unsafe_url_from_before_the_check_is_shown_as_text_not_a_link() throws Exception {
        long id = ReviewDiffs.JSON.readTree(create("https://github.com/acme/api/pull/8").body()).path("id").asLong();
        app.services.db().jdbi().useHandle(h -> h.createUpdate("UPDATE reviews SET url = 'javascript:alert(1)' WHERE id = :id")
                .bind("id", id).execute());
        Document page = Jsoup.parse(app.get("/reviews/" + id).body());
        assertNull(page.selectFirst("a[href^=javascript]"), page.html());
        assertTrue(page.text().contains("javascript:alert(1)"), "still shown, as text");
    }

    @Test
    void report_links_use_the_default_site_url_whatever_host_the_request_names() throws Exception {
        long id = ReviewDiffs.JSON.readTree(create("https://github.com/acme/api/pull/9").body()).path("id").asLong();
        for (String path : new String[] {"/api/reviews/" + id, "/reviews/" + id + ".json", "/reviews/" + id + ".md",
                "/reviews/" + id + ".sarif"}) {
            String body = rawGet(path, "evil.example");
            assertFalse(body.contains("evil.example"), path + " built a link from Host:\n" + body);
        }
        JsonNode json = ReviewDiffs.JSON.readTree(app.get("/api/reviews/" + id).body());
        assertEquals("http://localhost:7070/reviews/" + id, json.path("url").asText());
    }

    @Test
    void an_unusable_site_url_stops_the_app_at_start_with_a_clear_message() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestApp.start(TestApp.FIXTURES, Map.of("KB_SITE_URL", "javascript:alert(1)")).close());
        assertTrue(e.getMessage().contains("KB_SITE_URL"), e.getMessage());
    }

    /** The body of {@code GET path} sent with a forged Host header, which java.net.http refuses to set. */
    private static String rawGet(String path, String host) throws Exception {
        try (Socket s = new Socket("127.0.0.1", app.app.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
