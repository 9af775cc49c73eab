package kb.accounts;

import kb.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsrfTest {

    static TestApp app;
    static Logins.Login admin;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestApp.FIXTURES);
        admin = Logins.sessionCookie(app, Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> addUser(Map<String, String> headers, String name, String csrf) {
        HttpRequest.Builder b = Logins.request(app, admin, "/admin/users")
                .header("Content-Type", "application/x-www-form-urlencoded");
        headers.forEach(b::header);
        String body = Logins.form(csrf == null ? Map.of("name", name, "role", "viewer", "password", "a long password!")
                : Map.of("name", name, "role", "viewer", "password", "a long password!", "_csrf", csrf));
        return app.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static boolean exists(String name) {
        return new Users(app.services.db().jdbi()).find(name).isPresent();
    }

    @Test
    void a_cookie_write_without_the_token_is_refused_and_changes_nothing() {
        HttpResponse<String> r = addUser(Map.of(), "forged-1", null);
        assertEquals(403, r.statusCode());
        assertTrue(Jsoup.parse(r.body()).selectFirst("#csrf-rejected") != null, r.body());
        assertTrue(!exists("forged-1"));
        assertEquals(403, addUser(Map.of(), "forged-2", "not-the-token").statusCode());
        assertTrue(!exists("forged-2"));
    }

    @Test
    void a_cross_site_post_is_refused_even_with_the_token() {
        assertEquals(403, addUser(Map.of("Origin", "https://evil.example"), "forged-3", admin.csrf()).statusCode());
        assertEquals(403, addUser(Map.of("Sec-Fetch-Site", "cross-site"), "forged-4", admin.csrf()).statusCode());
        assertEquals(403, addUser(Map.of("Sec-Fetch-Site", "same-site"), "forged-5", admin.csrf()).statusCode());
        assertTrue(!exists("forged-3") && !exists("forged-4") && !exists("forged-5"));
    }

    @Test
    void a_same_origin_post_with_the_token_in_the_form_or_the_header_is_accepted() {
        String origin = app.base;
        assertEquals(303, addUser(Map.of("Origin", origin, "Sec-Fetch-Site", "same-origin"), "fine-1", admin.csrf()).statusCode());
        assertEquals(303, addUser(Map.of(Csrf.HEADER, admin.csrf()), "fine-2", null).statusCode());
        assertTrue(exists("fine-1") && exists("fine-2"));
    }

    @Test
    void a_refused_form_gives_the_author_their_text_back() {
        HttpResponse<String> r = Logins.post(app, admin, "/logout", Map.of("_csrf", "stale", "markdown", "# My long draft\n<b>x</b>"));
        assertEquals(403, r.statusCode());
        Document d = Jsoup.parse(r.body());
        assertEquals("# My long draft\n<b>x</b>", d.selectFirst("textarea#kept-markdown").wholeText().replaceFirst("^\n", ""));
        assertTrue(d.select("textarea b").isEmpty(), "the text is escaped, not markup");
        assertEquals(200, Logins.get(app, admin, "/api/me").statusCode(), "the refused logout did not end the session");
    }

    @Test
    void api_writes_with_a_session_but_no_token_get_a_json_403() {
        HttpResponse<String> r = app.send(Logins.request(app, admin, "/api/me").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(403, r.statusCode());
        assertTrue(r.body().startsWith("{") && r.body().contains("\"status\":403"), r.body());
    }

    @Test
    void requests_with_an_api_token_need_no_csrf_token() {
        String token = new ApiTokens(app.services.db().jdbi()).create(admin.user(), "script").token();
        HttpResponse<String> r = app.send(Logins.request(app, null, "/admin/users")
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        Logins.form(Map.of("name", "by-script", "role", "viewer", "password", "a long password!")))).build());
        assertEquals(303, r.statusCode(), r.body());
        assertTrue(exists("by-script"));
    }

    @Test
    void a_cross_site_sign_in_is_refused() {
        new Users(app.services.db().jdbi()).create("frank", Role.VIEWER, "frank's long password");
        HttpResponse<String> r = app.send(Logins.request(app, null, "/login").header("Origin", "https://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Logins.form(Map.of("name", "frank", "password", "frank's long password"))))
                .build());
        assertEquals(403, r.statusCode());
        assertTrue(Logins.setCookie(r).isEmpty());
    }
}
