package kb.accounts;

import kb.TestApp;
import kb.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A password reset or a disable ends the user's sessions and revokes every API token, for good. */
class RevocationTest {

    static Stream<String> databases() {
        return TestDatabases.kinds();
    }

    private static HttpResponse<String> me(TestApp app, String token) {
        return app.send(Logins.request(app, null, "/api/me").header("Authorization", "Bearer " + token).GET().build());
    }

    private static boolean signedIn(TestApp app, Logins.Login login) {
        return Logins.get(app, login, "/api/me").statusCode() == 200;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void an_admin_password_reset_revokes_the_users_tokens_and_sessions(String db) {
        try (TestApp app = TestApp.start(TestDatabases.config(db, TestApp.FIXTURES))) {
            Logins.Login admin = Logins.sessionCookie(app, Role.ADMIN);
            Logins.Login editor = Logins.sessionCookie(app, Role.EDITOR);
            ApiTokens tokens = new ApiTokens(app.services.db().jdbi());
            String ci = tokens.create(editor.user(), "ci").token();
            String laptop = tokens.create(editor.user(), "laptop").token();
            String otherUsers = tokens.create(Logins.user(app, Role.EDITOR), "ci").token();
            assertEquals(200, me(app, ci).statusCode());
            assertTrue(signedIn(app, editor));

            assertEquals(303, Logins.post(app, admin, "/admin/users/" + editor.user() + "/password",
                    Map.of("password", "a brand new password")).statusCode());

            assertEquals(401, me(app, ci).statusCode(), "the token stopped working at once");
            assertEquals(401, me(app, laptop).statusCode());
            assertTrue(!signedIn(app, editor), "the old session ended");
            assertTrue(new Accounts(app.services.db().jdbi()).tokens(editor.user()).stream().allMatch(Accounts.Token::revoked),
                    "listed as revoked");
            assertEquals(200, me(app, otherUsers).statusCode(), "other users' tokens are untouched");
            Logins.signIn(app, editor.user(), "a brand new password");
            String fresh = tokens.create(editor.user(), "new").token();
            assertEquals(200, me(app, fresh).statusCode(), "new tokens work after the reset");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void disabling_revokes_tokens_so_enabling_again_does_not_revive_them(String db) {
        try (TestApp app = TestApp.start(TestDatabases.config(db, TestApp.FIXTURES))) {
            Logins.Login admin = Logins.sessionCookie(app, Role.ADMIN);
            Logins.Login editor = Logins.sessionCookie(app, Role.EDITOR);
            String token = new ApiTokens(app.services.db().jdbi()).create(editor.user(), "ci").token();
            assertEquals(200, me(app, token).statusCode());

            assertEquals(303, Logins.post(app, admin, "/admin/users/" + editor.user() + "/disable", Map.of()).statusCode());
            assertEquals(401, me(app, token).statusCode());
            assertTrue(!signedIn(app, editor));
            assertEquals(303, Logins.post(app, admin, "/admin/users/" + editor.user() + "/enable", Map.of()).statusCode());

            assertEquals(401, me(app, token).statusCode(), "a token from before the disable stays revoked");
            Logins.signIn(app, editor.user(), editor.password());
        }
    }
}
