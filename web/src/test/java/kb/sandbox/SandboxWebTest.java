package kb.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kb.TestApp;
import kb.accounts.Accounts;
import kb.accounts.Logins;
import kb.accounts.Role;
import kb.incidents.Incidents;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Run buttons' API, the cache, the verified badge, rate limits and /health, on the real app. */
class SandboxWebTest {

    static TestApp app;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        app = TestApp.start(TestApp.FIXTURES, Map.of("KB_SANDBOX_POOL_SIZE", "1", "KB_SANDBOX_ALLOW_WEAK", "true",
                "KB_SANDBOX_RUNS_PER_MINUTE", "6"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void a_reader_runs_a_bundled_pair_the_second_run_is_cached_and_the_incident_becomes_verified() throws Exception {
        List<Incidents.RunnableBlock> blocks = app.services.incidents().runnableBlocks("fixture-pool-leak");
        assertFalse(app.page("/incidents/fixture-pool-leak").select(".badge.verified").hasText(), "not verified before any run");
        for (Incidents.RunnableBlock b : blocks) {
            JsonNode first = run("/api/snippets/" + b.id() + "/run");
            assertEquals("ok", first.get("status").asText(), first.toString());
            assertEquals("pass", first.get("verdict").asText());
            assertEquals(b.expectedOutput(), first.get("stdout").asText());
            assertFalse(first.get("cached").asBoolean());
            assertTrue(run("/api/snippets/" + b.id() + "/run").get("cached").asBoolean());
        }
        Document page = app.page("/incidents/fixture-pool-leak");
        assertTrue(page.selectFirst(".badge.verified").text().startsWith("verified on Java " + Runtime.version().feature()));
        assertNotNull(page.selectFirst(".run-slot[data-snippet-id=" + blocks.get(0).id() + "]"));
        assertNotNull(page.selectFirst("script[src=/static/js/run.js]"));
    }

    @Test
    void unknown_snippets_are_404_and_editors_alone_run_their_own_code() throws Exception {
        assertEquals(404, post("/api/snippets/999999/run", null, Map.of()).statusCode());
        assertEquals(401, post("/api/run", "{\"source\":\"System.out.println(1);\"}", Map.of()).statusCode());

        String user = Logins.user(app, Role.EDITOR);
        String token = new Accounts(app.services.db().jdbi()).createToken(user, "test").token();
        HttpResponse<String> r = post("/api/run", "{\"source\":\"int x = 6 * 7;\\nSystem.out.println(x);\"}",
                Map.of("Authorization", "Bearer " + token));
        JsonNode body = JSON.readTree(r.body());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("42\n", body.get("stdout").asText());

        HttpResponse<String> denied = post("/api/run", "{\"source\":\"new java.io.File(\\\"/etc/passwd\\\").exists();\"}",
                Map.of("Authorization", "Bearer " + token));
        JsonNode d = JSON.readTree(denied.body());
        assertEquals("denied", d.get("status").asText(), denied.body());
        assertTrue(d.get("message").asText().contains("java.io.File"), d.get("message").asText());

        HttpResponse<String> bad = post("/api/run", "{\"code\":1}", Map.of("Authorization", "Bearer " + token));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("'source'"));
    }

    @Test
    void too_many_runs_from_one_caller_get_429_with_retry_after() {
        String user = Logins.user(app, Role.EDITOR);
        String token = new Accounts(app.services.db().jdbi()).createToken(user, "burst").token();
        HttpResponse<String> last = null;
        for (int i = 0; i < 20; i++) {
            last = post("/api/run", "{\"source\":\"System.out.println(" + i + ");\"}", Map.of("Authorization", "Bearer " + token));
            if (last.statusCode() == 429) {
                break;
            }
        }
        assertEquals(429, last.statusCode());
        assertTrue(Integer.parseInt(last.headers().firstValue("Retry-After").orElse("0")) > 0);
    }

    @Test
    void health_reports_the_sandbox_tier_pool_and_run_metrics() throws Exception {
        run("/api/snippets/" + app.services.incidents().runnableBlocks("fixture-pool-leak").get(0).id() + "/run");
        JsonNode sandbox = JSON.readTree(app.get("/health").body()).get("sandbox");
        assertEquals("up", sandbox.get("status").asText());
        assertTrue(List.of("strong", "weak").contains(sandbox.get("tier").asText()), sandbox.toString());
        for (String field : List.of("poolSize", "runs", "timeouts", "denials", "meanMillis", "p95Millis")) {
            assertTrue(sandbox.has(field), field);
        }
    }

    @Test
    void the_scratch_page_is_for_editors() {
        kb.accounts.Logins.assertSentToSignIn(app.get("/sandbox"), "/sandbox");
        Logins.Login editor = Logins.sessionCookie(app, Role.EDITOR);
        HttpResponse<String> r = Logins.get(app, editor, "/sandbox");
        assertEquals(200, r.statusCode());
        assertTrue(org.jsoup.Jsoup.parse(r.body()).selectFirst("#scratch-run") != null);
    }

    private static JsonNode run(String path) throws Exception {
        HttpResponse<String> r = post(path, null, Map.of());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> post(String path, String json, Map<String, String> headers) {
        return app.postJson(path, json, headers);
    }
}
