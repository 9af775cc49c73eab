package kb.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kb.TestApp;
import kb.accounts.Accounts;
import kb.accounts.Logins;
import kb.accounts.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The run API's verdict, output as it happens, the Stop button's API, and the scratch page without JavaScript. */
class RunStreamWebTest {

    static TestApp app;
    static String token;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        app = TestApp.start(TestApp.FIXTURES, Map.of("KB_SANDBOX_POOL_SIZE", "1", "KB_SANDBOX_ALLOW_WEAK", "true"));
        token = new Accounts(app.services.db().jdbi()).createToken(Logins.user(app, Role.EDITOR), "stream").token();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void the_run_api_compares_the_output_block_of_the_source() throws Exception {
        JsonNode wrong = run("{\"source\":\"System.out.println(1);\\n// Output:\\n// 2\\n\"}");
        assertEquals("ok", wrong.get("status").asText(), wrong.toString());
        assertEquals("fail", wrong.get("verdict").asText(), wrong.toString());
        assertFalse(wrong.get("passed").asBoolean());
        assertTrue(wrong.get("diff").asText().contains("-2\n+1"), wrong.get("diff").asText());

        JsonNode right = run("{\"source\":\"System.out.println(1);\\n// Output:\\n// 1\\n\"}");
        assertEquals("pass", right.get("verdict").asText(), right.toString());
        assertTrue(right.get("passed").asBoolean());
    }

    @Test
    void a_one_line_source_with_its_output_comment_after_the_statement_is_compared_too() throws Exception {
        JsonNode wrong = run("{\"source\":\"System.out.println(1); // Output: // 2\"}");
        assertEquals("fail", wrong.get("verdict").asText(), wrong.toString());
        assertFalse(wrong.get("passed").asBoolean());
        JsonNode right = run("{\"source\":\"System.out.println(1); // Output: // 1\"}");
        assertEquals("pass", right.get("verdict").asText(), right.toString());
    }

    @Test
    void an_output_comment_followed_by_code_is_refused_with_its_lines_instead_of_passing_unchecked() {
        HttpResponse<String> r = app.postJson("/api/run",
                "{\"source\":\"// Output:\\n// 1\\nSystem.out.println(1);\"}", auth());
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("'source', line 1: the '// Output:' comment must end the code: line 3"), r.body());

        Logins.Login editor = Logins.sessionCookie(app, Role.EDITOR);
        String source = "// Output:\n// 1\nSystem.out.println(1);\n";
        HttpResponse<String> form = Logins.post(app, editor, "/sandbox", Map.of("source", source));
        assertEquals(400, form.statusCode(), form.body());
        Document page = Jsoup.parse(form.body());
        assertEquals("not run", page.selectFirst(".run-status").text());
        assertTrue(page.selectFirst(".run-message").text().contains("line 3 after it"), page.selectFirst(".run-message").text());
        assertEquals(source, page.selectFirst("#scratch-source").wholeText(), "the typed code stays in the box");
    }

    @Test
    void an_expected_output_past_the_cap_is_refused_with_the_field_named() {
        String big = "x\\n".repeat(SandboxConfig.EXPECTED_OUTPUT_CAP_BYTES);
        HttpResponse<String> r = app.postJson("/api/run", "{\"source\":\"1\",\"expectedOutput\":\"" + big + "\"}", auth());
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("'expectedOutput'"), r.body());
    }

    @Test
    void a_streamed_run_sends_output_with_its_time_before_the_result() throws Exception {
        List<JsonNode> events = new ArrayList<>();
        try (Stream<String> lines = stream("{\"source\":\"System.out.println(\\\"first\\\");\\nThread.sleep(300);\\n"
                + "System.err.println(\\\"second\\\");\\n// Output:\\n// first\\n\"}")) {
            for (String line : (Iterable<String>) lines::iterator) {
                events.add(JSON.readTree(line));
            }
        }
        assertEquals("started", events.get(0).get("event").asText(), events.toString());
        assertFalse(events.get(0).get("runId").asText().isEmpty());
        JsonNode result = events.get(events.size() - 1);
        assertEquals("result", result.get("event").asText());
        assertEquals("ok", result.get("status").asText(), result.toString());
        assertEquals("pass", result.get("verdict").asText(), result.toString());
        var output = events.stream().filter(e -> e.get("event").asText().equals("output")).toList();
        assertEquals("first\n", output.stream().filter(e -> e.get("stream").asText().equals("stdout"))
                .map(e -> e.get("text").asText()).reduce("", String::concat));
        assertEquals("second\n", output.stream().filter(e -> e.get("stream").asText().equals("stderr"))
                .map(e -> e.get("text").asText()).reduce("", String::concat));
        assertTrue(output.stream().allMatch(e -> e.get("elapsedMillis").asLong() >= 0));
    }

    @Test
    void stop_kills_a_streamed_run_long_before_its_time_limit() throws Exception {
        long start = System.nanoTime();
        JsonNode result = null;
        try (Stream<String> lines = stream("{\"source\":\"for (int i = 0; ; i++) { System.out.println(i); Thread.sleep(50); }\"}")) {
            Iterator<String> it = lines.iterator();
            JsonNode started = JSON.readTree(it.next());
            String id = started.get("runId").asText();
            JsonNode first = JSON.readTree(it.next());
            assertEquals("output", first.get("event").asText(), first.toString());
            assertEquals(404, app.postJson("/api/runs/not-a-run/stop", null, auth()).statusCode());
            assertEquals(204, app.postJson("/api/runs/" + id + "/stop", null, auth()).statusCode());
            while (it.hasNext()) {
                result = JSON.readTree(it.next());
            }
        }
        assertNotNull(result);
        assertEquals("result", result.get("event").asText());
        assertEquals("killed", result.get("status").asText(), result.toString());
        assertEquals("stopped by the user", result.get("message").asText());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 9_000, "stopped before the 10 s limit");
    }

    @Test
    void an_output_flood_through_the_stream_stops_at_the_cap() throws Exception {
        long text = 0;
        JsonNode result = null;
        try (Stream<String> lines = stream("{\"source\":\"while (true) System.out.print(\\\"x\\\".repeat(1000));\"}")) {
            for (String line : (Iterable<String>) lines::iterator) {
                JsonNode e = JSON.readTree(line);
                if (e.get("event").asText().equals("output")) {
                    text += e.get("text").asText().length();
                }
                result = e;
            }
        }
        assertEquals("result", result.get("event").asText());
        assertEquals("killed", result.get("status").asText(), result.toString());
        assertTrue(result.get("truncated").asBoolean());
        assertTrue(text <= 64 * 1024, "streamed " + text + " characters");
    }

    @Test
    void the_scratch_form_runs_without_javascript_and_keeps_the_source() {
        Logins.Login editor = Logins.sessionCookie(app, Role.EDITOR);
        String source = "System.out.println(\"<b>6 * 7</b> = \" + 6 * 7);\n// Output:\n// <b>6 * 7</b> = 42\n";
        HttpResponse<String> r = Logins.post(app, editor, "/sandbox", Map.of("source", source));
        assertEquals(200, r.statusCode(), r.body());
        Document page = Jsoup.parse(r.body());
        assertEquals("ok", page.selectFirst(".run-status").text());
        assertEquals("<b>6 * 7</b> = 42", page.selectFirst(".run-stdout").text());
        assertNotNull(page.selectFirst(".verdict.pass"));
        assertEquals(source, page.selectFirst("#scratch-source").wholeText());
        assertNotNull(page.selectFirst("form#scratch-form[method=post][action=/sandbox]"));
    }

    private static Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static JsonNode run(String json) throws Exception {
        HttpResponse<String> r = app.postJson("/api/run", json, auth());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static Stream<String> stream(String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.base + "/api/run/stream"))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).build();
        HttpResponse<Stream<String>> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));
        return r.body();
    }
}
