package kb.authoring;

import kb.TestApp;
import kb.accounts.Accounts;
import kb.accounts.Logins;
import kb.accounts.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The editor and the API behind real sign-in: sessions, CSRF tokens, roles and API tokens. */
class AuthoringWithAccountsTest {

    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestApp.FIXTURES);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String typed(String id) {
        return Editors.postmortem(id, "Kept — 保存  ", "trailing  ").replace("\n", "\r\n");
    }

    @Test
    void a_signed_in_editor_saves_with_the_session_and_its_csrf_token() {
        Logins.Login editor = Logins.sessionCookie(app, Role.EDITOR);
        HttpResponse<String> r = Logins.post(app, editor, "/incidents/new", Map.of("markdown", typed("acct-saved"), "action", "save"));
        assertEquals(303, r.statusCode(), r.body());
        assertEquals(editor.user(), app.services.incidents()
                .revision("acct-saved", 1).orElseThrow().author());
    }

    @Test
    void an_expired_session_gets_the_form_back_with_the_text_and_a_sign_in_notice() {
        Logins.Login editor = Logins.sessionCookie(app, Role.EDITOR);
        assertEquals(303, Logins.post(app, editor, "/logout", Map.of()).statusCode());
        String text = typed("acct-expired");
        HttpResponse<String> r = Logins.post(app, editor, "/incidents/new", Map.of("markdown", text, "action", "save"));
        assertEquals(401, r.statusCode());
        Document d = Jsoup.parse(r.body());
        assertEquals(text, Editors.textarea(d));
        assertTrue(d.getElementById("notice").text().contains("Your session expired — sign in in another tab, then save again"));
        assertEquals(404, app.get("/incidents/acct-expired").statusCode());
    }

    @Test
    void with_private_read_an_expired_session_still_gets_the_text_back() {
        try (TestApp closed = TestApp.start(TestApp.FIXTURES, Map.of("KB_PUBLIC_READ", "false"))) {
            Logins.Login editor = Logins.sessionCookie(closed, Role.EDITOR);
            assertEquals(303, Logins.post(closed, editor, "/logout", Map.of()).statusCode());
            String text = typed("acct-private");
            HttpResponse<String> r = Logins.post(closed, editor, "/incidents/new", Map.of("markdown", text, "action", "save"));
            assertEquals(401, r.statusCode());
            assertEquals(text, Editors.textarea(Jsoup.parse(r.body())));
            assertEquals(302, closed.get("/incidents").statusCode(), "reads still need a sign-in");
        }
    }

    @Test
    void a_viewer_cannot_save_but_keeps_the_text() {
        Logins.Login viewer = Logins.sessionCookie(app, Role.VIEWER);
        String text = typed("acct-viewer");
        HttpResponse<String> r = Logins.post(app, viewer, "/incidents/new", Map.of("markdown", text, "action", "save"));
        assertEquals(403, r.statusCode());
        assertEquals(text, Editors.textarea(Jsoup.parse(r.body())));
    }

    @Test
    void a_form_with_an_old_csrf_token_is_refused_by_accounts_with_the_text_kept() {
        Logins.Login editor = Logins.sessionCookie(app, Role.EDITOR);
        String text = typed("acct-csrf");
        HttpResponse<String> r = Logins.post(app, editor, "/incidents/new",
                Map.of("markdown", text, "action", "save", "_csrf", "token-of-an-older-session"));
        assertEquals(403, r.statusCode());
        assertTrue(Jsoup.parse(r.body()).getElementById("kept-markdown").wholeText().contains(text.strip()));
        assertEquals(404, app.get("/incidents/acct-csrf").statusCode());
    }

    @Test
    void the_api_accepts_an_editors_bearer_token_and_refuses_a_viewers() {
        String editor = Logins.user(app, Role.EDITOR);
        String viewer = Logins.user(app, Role.VIEWER);
        Accounts tokens = new Accounts(app.services.db().jdbi());
        byte[] body = Editors.postmortem("acct-api", "By token", "").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = Editors.api(app, "POST", "/api/incidents", "text/markdown", body,
                Map.of("Authorization", "Bearer " + tokens.createToken(viewer, "ci").token()));
        assertEquals(403, refused.statusCode());
        HttpResponse<String> created = Editors.api(app, "POST", "/api/incidents", "text/markdown", body,
                Map.of("Authorization", "Bearer " + tokens.createToken(editor, "ci").token()));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(401, Editors.api(app, "POST", "/api/incidents", "text/markdown", body, Map.of()).statusCode());
    }
}
