package kb.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kb.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthAndErrorsTest {

    @Test
    void health_reports_the_database_and_counts() throws Exception {
        try (TestApp app = TestApp.start(TestApp.FIXTURES)) {
            var r = app.get("/health");
            assertEquals(200, r.statusCode());
            JsonNode body = new ObjectMapper().readTree(r.body());
            assertEquals("up", body.get("database").get("status").asText());
            assertEquals(2, body.get("counts").get("incidents").asInt());
            assertEquals(2, body.get("counts").get("checklistItems").asInt());
        }
    }

    @Test
    void an_unreachable_database_gives_503_on_health_and_a_500_page_without_a_stack_trace() throws Exception {
        TestApp app = TestApp.start(TestApp.FIXTURES);
        try {
            app.services.db().close();
            var health = app.get("/health");
            assertEquals(503, health.statusCode());
            assertEquals("down", new ObjectMapper().readTree(health.body()).get("database").get("status").asText());

            var page = app.get("/incidents", java.util.Map.of("X-Request-Id", "req-500-test"));
            assertEquals(500, page.statusCode());
            Document d = Jsoup.parse(page.body());
            assertEquals("req-500-test", d.selectFirst(".request-id").text());
            assertFalse(page.body().contains("Exception"), "no exception class names on the page");
            assertFalse(page.body().contains("at kb."), "no stack frames on the page");

            var api = app.get("/api/incidents");
            assertEquals(500, api.statusCode());
            assertTrue(new ObjectMapper().readTree(api.body()).has("requestId"));
        } finally {
            app.app.stop();
        }
    }
}
