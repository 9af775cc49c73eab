package kb.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kb.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthoringApiTest {

    static final String MD = "text/markdown; charset=utf-8";
    static final Map<String, String> ALICE = Map.of(Editors.EDITOR, "alice");
    static TestApp app;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        app = Editors.start(TestApp.FIXTURES);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void post_creates_an_incident_with_201_location_and_its_revision() throws Exception {
        String text = Editors.postmortem("api-created", "Made by a script", "");
        HttpResponse<String> r = post(text, MD, ALICE);
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("/api/incidents/api-created", r.headers().firstValue("Location").orElseThrow());
        JsonNode body = json.readTree(r.body());
        assertEquals("api-created", body.get("id").asText());
        assertEquals(1, body.get("revision").asInt());
        assertEquals("\"1\"", r.headers().firstValue("ETag").orElseThrow());
        assertEquals(text, app.get("/incidents/api-created.md").body());
        assertEquals(1, json.readTree(app.get("/api/incidents/api-created").body()).get("revision").asInt());
    }

    @Test
    void an_invalid_postmortem_is_a_400_listing_each_problem_with_its_line() throws Exception {
        String text = Editors.postmortem("api-invalid", "Bad", "").replace("severity: P2", "severity: P7")
                .replace("services: [billing]", "colour: blue");
        HttpResponse<String> r = post(text, MD, ALICE);
        assertEquals(400, r.statusCode());
        JsonNode problems = json.readTree(r.body()).get("problems");
        assertEquals(2, problems.size(), r.body());
        assertEquals(4, problems.get(0).get("line").asInt());
        assertTrue(problems.get(0).get("message").asText().contains("P7"));
        assertEquals(7, problems.get(1).get("line").asInt());
        assertTrue(problems.get(1).get("message").asText().contains("colour"));
        assertEquals(404, app.get("/incidents/api-invalid").statusCode());

        HttpResponse<String> taken = post(Editors.postmortem("fixture-old-timeout", "Again", ""), MD, ALICE);
        assertEquals(400, taken.statusCode());
        assertEquals(2, json.readTree(taken.body()).get("problems").get(0).get("line").asInt());
    }

    @Test
    void put_needs_if_match_and_refuses_a_stale_revision_with_409() throws Exception {
        String text = Editors.postmortem("api-put", "Put me", "");
        assertEquals(201, post(text, MD, ALICE).statusCode());
        String v2 = text.replace("Put me", "Put me again");

        assertEquals(428, put("api-put", v2, MD, ALICE).statusCode());
        HttpResponse<String> ok = put("api-put", v2, MD, with("If-Match", "\"1\""));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(2, json.readTree(ok.body()).get("revision").asInt());

        HttpResponse<String> stale = put("api-put", text.replace("Put me", "Lost?"), MD, with("If-Match", "1"));
        assertEquals(409, stale.statusCode());
        assertEquals(2, json.readTree(stale.body()).get("currentRevision").asInt());
        assertEquals(v2, app.get("/incidents/api-put.md").body(), "nothing was overwritten");

        HttpResponse<String> otherId = put("api-put", text.replace("id: api-put", "id: api-other"), MD, with("If-Match", "2"));
        assertEquals(400, otherId.statusCode());
        assertEquals(2, json.readTree(otherId.body()).get("problems").get(0).get("line").asInt());
        assertEquals(404, put("no-such-incident", text, MD, with("If-Match", "1")).statusCode());
    }

    @Test
    void bodies_over_one_mebibyte_are_413_and_other_content_types_415() {
        String big = Editors.postmortem("api-big", "Big", "y".repeat(Authoring.MAX_BYTES));
        assertEquals(413, post(big, MD, ALICE).statusCode());
        assertEquals(415, post(Editors.postmortem("api-json", "J", ""), "application/json", ALICE).statusCode());
        assertEquals(415, put("fixture-pool-leak", "x", "text/plain", with("If-Match", "1")).statusCode());
        assertEquals(404, app.get("/incidents/api-big").statusCode());
    }

    @Test
    void writing_needs_an_editor() throws Exception {
        String text = Editors.postmortem("api-anon", "Anonymous", "");
        HttpResponse<String> anonymous = post(text, MD, Map.of());
        assertEquals(401, anonymous.statusCode());
        assertFalse(json.readTree(anonymous.body()).get("message").asText().isEmpty());
        assertEquals(403, post(text, MD, Map.of(Editors.READER, "bob")).statusCode());
        assertEquals(401, put("fixture-pool-leak", text, MD, Map.of("If-Match", "1")).statusCode());
    }

    private static Map<String, String> with(String header, String value) {
        return Map.of(Editors.EDITOR, "alice", header, value);
    }

    private static HttpResponse<String> post(String text, String type, Map<String, String> headers) {
        return Editors.api(app, "POST", "/api/incidents", type, text.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static HttpResponse<String> put(String id, String text, String type, Map<String, String> headers) {
        return Editors.api(app, "PUT", "/api/incidents/" + id, type, text.getBytes(StandardCharsets.UTF_8), headers);
    }
}
