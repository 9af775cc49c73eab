package kb.accounts;

import kb.App;
import kb.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginControllerTest {

    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestApp.FIXTURES);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void signing_in_sets_a_hardened_session_cookie_and_shows_the_user_in_the_layout() {
        new Users(app.services.db().jdbi()).create("carol", Role.EDITOR, "carol's long password");
        HttpResponse<String> r = Logins.post(app, null, "/login", Map.of("name", "Carol", "password", "carol's long password",
                "next", "/incidents?tag=java"));
        assertEquals(303, r.statusCode());
        assertEquals("/incidents?tag=java", r.headers().firstValue("Location").orElseThrow());
        String cookie = Logins.setCookie(r).get(0);
        assertTrue(cookie.matches("kb_session=[A-Za-z0-9_-]{43}; Path=/; Max-Age=604800; HttpOnly; SameSite=Lax"), cookie);

        Logins.Login carol = new Logins.Login("carol", "", Logins.sessionCookieValue(r), "");
        Document d = Jsoup.parse(Logins.get(app, carol, "/").body());
        assertEquals("carol", d.selectFirst(".account .who").text());
        assertNotNull(d.selectFirst(".account form[action=/logout] input[name=_csrf]"));
        assertEquals(43, d.select("meta[name=csrf-token]").attr("content").length());
        assertNull(d.selectFirst(".account a[href=/login]"));
    }

    @Test
    void the_cookie_is_secure_when_the_request_came_over_https_through_a_proxy() {
        new Users(app.services.db().jdbi()).create("dave", Role.VIEWER, "dave's long password");
        HttpResponse<String> r = app.send(Logins.request(app, null, "/login")
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-Proto", "https")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        Logins.form(Map.of("name", "dave", "password", "dave's long password")))).build());
        assertEquals(303, r.statusCode());
        assertTrue(Logins.setCookie(r).get(0).endsWith("; HttpOnly; SameSite=Lax; Secure"), Logins.setCookie(r).get(0));
    }

    @Test
    void anonymous_pages_offer_sign_in_and_the_login_page_has_a_form() {
        Document home = app.page("/");
        assertNotNull(home.selectFirst(".account a[href=/login]"));
        assertTrue(home.select("meta[name=csrf-token]").isEmpty());
        Document login = app.page("/login?next=/checklist");
        assertEquals("/checklist", login.selectFirst("#login-form input[name=next]").attr("value"));
        assertNotNull(login.selectFirst("#login-form input[name=password][type=password]"));
    }

    @Test
    void signing_out_ends_the_session_in_the_database() {
        Logins.Login viewer = Logins.sessionCookie(app, Role.VIEWER);
        HttpResponse<String> out = Logins.post(app, viewer, "/logout", Map.of());
        assertEquals(303, out.statusCode());
        assertEquals("", Logins.sessionCookieValue(out), "the cookie is cleared");
        assertTrue(Logins.setCookie(out).get(0).contains("Max-Age=0"));
        Document after = Jsoup.parse(Logins.get(app, viewer, "/").body());
        assertNull(after.selectFirst(".account .who"), "the old cookie no longer signs anyone in");
        assertEquals(0, app.services.db().jdbi().onDemand(AccountDao.class)
                .sessionCount(new Users(app.services.db().jdbi()).get(viewer.user()).id()));
    }

    @Test
    void a_wrong_password_and_an_unknown_user_get_the_same_answer() {
        Logins.Login viewer = Logins.sessionCookie(app, Role.VIEWER);
        HttpResponse<String> wrong = Logins.post(app, null, "/login", Map.of("name", viewer.user(), "password", "not the password"));
        HttpResponse<String> unknown = Logins.post(app, null, "/login", Map.of("name", "nobody-here", "password", "not the password"));
        assertEquals(401, wrong.statusCode());
        assertEquals(401, unknown.statusCode());
        assertEquals(LoginController.WRONG, Jsoup.parse(wrong.body()).selectFirst("#login-error").text());
        assertEquals(LoginController.WRONG, Jsoup.parse(unknown.body()).selectFirst("#login-error").text());
        assertTrue(Logins.setCookie(wrong).isEmpty());
    }

    @Test
    void a_disabled_user_cannot_sign_in_and_loses_open_sessions() {
        Logins.Login editor = Logins.sessionCookie(app, Role.EDITOR);
        new Users(app.services.db().jdbi()).setDisabled(editor.user(), true);
        assertNull(Jsoup.parse(Logins.get(app, editor, "/").body()).selectFirst(".account .who"));
        HttpResponse<String> again = Logins.post(app, null, "/login", Map.of("name", editor.user(), "password", editor.password()));
        assertEquals(401, again.statusCode());
        assertEquals(LoginController.WRONG, Jsoup.parse(again.body()).selectFirst("#login-error").text());
    }

    @Test
    void after_sign_in_only_local_paths_are_followed() {
        new Users(app.services.db().jdbi()).create("erin", Role.VIEWER, "erin's long password");
        for (String evil : new String[] {"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)",
                " /incidents", "/login?next=//evil.example"}) {
            HttpResponse<String> r = Logins.post(app, null, "/login",
                    Map.of("name", "erin", "password", "erin's long password", "next", evil));
            assertEquals(303, r.statusCode());
            String location = r.headers().firstValue("Location").orElseThrow();
            assertEquals("/", location, evil);
        }
        assertEquals("/checklist/RES-01", LoginController.safeNext("/checklist/RES-01"));
    }

    @Test
    void a_session_started_on_one_instance_is_honoured_by_another_on_the_same_database() {
        Logins.Login editor = Logins.sessionCookie(app, Role.EDITOR);
        App.Services second = App.Services.open(app.services.config());
        var other = App.create(second).start();
        try {
            var r = app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + other.port() + "/api/me"))
                    .header("Cookie", editor.cookieHeader()).GET().build());
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"name\":\"" + editor.user() + "\""), r.body());
            assertTrue(r.body().contains("\"role\":\"editor\""), r.body());
        } finally {
            other.stop();
            second.db().close();
        }
    }

    @Test
    void pages_for_signed_in_users_are_not_cached_and_security_headers_are_set() {
        Logins.Login viewer = Logins.sessionCookie(app, Role.VIEWER);
        HttpResponse<String> signedIn = Logins.get(app, viewer, "/incidents");
        assertEquals("no-store", signedIn.headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<String> anonymous = app.get("/incidents");
        assertFalse(anonymous.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        for (HttpResponse<String> r : java.util.List.of(signedIn, anonymous, app.get("/login"))) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self';"), "no inline script: " + csp);
            assertTrue(csp.contains("frame-ancestors 'none'"), csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(""));
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""));
        }
        assertEquals("no-store", app.get("/login").headers().firstValue("Cache-Control").orElse(""));
    }
}
