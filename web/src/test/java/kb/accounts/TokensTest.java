package kb.accounts;

import kb.TestApp;
import kb.cli.TokenCommand;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokensTest {

    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestApp.FIXTURES, Map.of("KB_PUBLIC_READ", "false"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> withToken(String path, String token) {
        return app.send(Logins.request(app, null, path).header("Authorization", "Bearer " + token).GET().build());
    }

    @Test
    void a_token_made_in_the_ui_is_shown_once_works_as_its_user_and_stops_when_revoked() {
        Logins.Login editor = Logins.sessionCookie(app, Role.EDITOR);
        HttpResponse<String> created = Logins.post(app, editor, "/account/tokens", Map.of("label", "ci pipeline"));
        assertEquals(201, created.statusCode());
        String token = Jsoup.parse(created.body()).selectFirst("#token-value").text();
        assertTrue(token.startsWith(ApiTokens.PREFIX) && token.length() == 47, token);

        HttpResponse<String> me = withToken("/api/me", token);
        assertEquals(200, me.statusCode());
        assertTrue(me.body().contains("\"name\":\"" + editor.user() + "\"") && me.body().contains("\"canEdit\":true"), me.body());
        assertEquals(200, withToken("/api/incidents", token).statusCode(), "reads work although anonymous reading is off");

        Document list = Jsoup.parse(Logins.get(app, editor, "/account/tokens").body());
        assertTrue(list.selectFirst("#token-value") == null, "the secret is not shown again");
        var row = list.selectFirst("tr.token-row");
        assertNotNull(row);
        assertEquals("ci pipeline", row.selectFirst("td").text());
        assertTrue(!row.select("td").get(2).text().equals("never"), "last use is recorded");
        assertTrue(!list.html().contains(token));

        assertEquals(303, Logins.post(app, editor, "/account/tokens/" + row.attr("data-id") + "/revoke", Map.of()).statusCode());
        HttpResponse<String> after = withToken("/api/me", token);
        assertEquals(401, after.statusCode());
        assertEquals("Bearer", after.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals("revoked", Jsoup.parse(Logins.get(app, editor, "/account/tokens").body()).selectFirst("tr.token-row .state").text());
    }

    @Test
    void nobody_can_revoke_another_users_token() {
        Logins.Login viewer = Logins.sessionCookie(app, Role.VIEWER);
        String other = Logins.user(app, Role.EDITOR);
        Accounts.NewToken theirs = new Accounts(app.services.db().jdbi()).createToken(other, "theirs");
        assertEquals(404, Logins.post(app, viewer, "/account/tokens/" + theirs.id() + "/revoke", Map.of()).statusCode());
        assertEquals(200, withToken("/api/me", theirs.token()).statusCode());
    }

    @Test
    void an_unknown_token_is_a_401_not_anonymous_access() {
        HttpResponse<String> r = withToken("/api/incidents", ApiTokens.PREFIX + "x".repeat(43));
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("not valid"), r.body());
    }

    @Test
    void the_token_command_creates_lists_and_revokes_tokens() {
        String user = Logins.user(app, Role.VIEWER);
        Run create = run("create", "--user", user, "--name", "nightly");
        assertEquals(0, create.code, create.err);
        String[] lines = create.out.strip().split("\n");
        String token = lines[lines.length - 1].strip();
        assertTrue(token.startsWith(ApiTokens.PREFIX), create.out);
        assertEquals(200, withToken("/api/me", token).statusCode());

        Run list = run("list", "--user", user);
        assertEquals(0, list.code);
        assertTrue(list.out.contains("nightly") && list.out.contains("active"), list.out);
        assertTrue(!list.out.contains(token), "list never prints the secret");
        String id = list.out.strip().split("\n")[1].trim().split("\\s+")[0];

        Run revoke = run("revoke", id);
        assertEquals(0, revoke.code, revoke.err);
        assertEquals(401, withToken("/api/me", token).statusCode());
        assertTrue(run("list", "--user", user).out.contains("revoked"));
    }

    @Test
    void the_token_command_names_what_is_wrong() {
        Run noUser = run("create", "--user", "ghost", "--name", "x");
        assertEquals(1, noUser.code);
        assertTrue(noUser.err.contains("there is no user 'ghost'"), noUser.err);
        Run noToken = run("revoke", "99999");
        assertEquals(1, noToken.code);
        assertTrue(noToken.err.contains("no API token with id 99999"), noToken.err);
        Run missing = run("create", "--name", "x");
        assertEquals(2, missing.code);
        assertTrue(missing.err.contains("--user"), missing.err);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new TokenCommand(app.services.config()));
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
