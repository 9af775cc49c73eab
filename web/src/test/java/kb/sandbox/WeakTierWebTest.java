package kb.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import kb.TestApp;
import kb.accounts.Accounts;
import kb.accounts.Logins;
import kb.accounts.Role;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Without bubblewrap and without {@code KB_SANDBOX_ALLOW_WEAK}, reproductions shipped in content/ run,
 * while code someone wrote in the app is refused with the reason, and the page says why.
 */
class WeakTierWebTest {
    static TestApp app;
    static String editorToken;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestApp.FIXTURES, Map.of("KB_SANDBOX_ISOLATION", "none", "KB_SANDBOX_POOL_SIZE", "1"));
        editorToken = new Accounts(app.services.db().jdbi()).createToken(Logins.user(app, Role.EDITOR), "weak").token();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void shipped_reproductions_run_but_code_written_in_the_app_is_refused_with_the_reason() throws Exception {
        long shipped = app.services.incidents().runnableBlocks("fixture-pool-leak").get(0).id();
        HttpResponse<String> ok = post("/api/snippets/" + shipped + "/run", null, Map.of());
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("ok", new ObjectMapper().readTree(ok.body()).get("status").asText());

        String copy = Files.readString(TestApp.FIXTURES.resolve("incidents/pool-leak.md"))
                .replace("id: fixture-pool-leak", "id: written-in-the-app")
                .replace("i < 3", "i < 4").replace("// leaked=3", "// leaked=4");
        HttpResponse<String> created = app.send(HttpRequest.newBuilder(URI.create(app.base + "/api/incidents"))
                .POST(HttpRequest.BodyPublishers.ofString(copy)).header("Content-Type", "text/markdown")
                .header("Authorization", "Bearer " + editorToken).build());
        assertEquals(201, created.statusCode(), created.body());
        long written = app.services.incidents().runnableBlocks("written-in-the-app").get(0).id();

        HttpResponse<String> refused = post("/api/snippets/" + written + "/run", null, Map.of());
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("KB_SANDBOX_ALLOW_WEAK=true"), refused.body());

        HttpResponse<String> scratch = post("/api/run", "{\"source\":\"System.out.println(1);\"}",
                Map.of("Authorization", "Bearer " + editorToken));
        assertEquals(403, scratch.statusCode(), scratch.body());
    }

    @Test
    void an_editor_sees_why_edit_and_run_is_off() {
        app.services.sandbox().get();
        Logins.Login editor = Logins.sessionCookie(app, Role.EDITOR);
        var body = Jsoup.parse(Logins.get(app, editor, "/incidents/fixture-pool-leak").body()).body();
        assertEquals("false", body.attr("data-run-editable"));
        assertTrue(body.attr("data-run-refusal").contains("bubblewrap"), body.attr("data-run-refusal"));
    }

    private static HttpResponse<String> post(String path, String json, Map<String, String> headers) {
        return app.postJson(path, json, headers);
    }
}
