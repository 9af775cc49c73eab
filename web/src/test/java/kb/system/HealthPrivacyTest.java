package kb.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kb.TestApp;
import kb.accounts.Accounts;
import kb.accounts.Logins;
import kb.accounts.Role;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In private mode an anonymous health check learns up or down and nothing else. */
class HealthPrivacyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> keys(JsonNode node) {
        List<String> keys = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void anonymous_health_in_private_mode_says_up_only_and_details_need_an_admin_or_a_token() throws Exception {
        try (TestApp app = TestApp.start(TestApp.FIXTURES, Map.of("KB_PUBLIC_READ", "false"))) {
            HttpResponse<String> anonymous = app.get("/health");
            assertEquals(200, anonymous.statusCode());
            assertEquals(List.of("status"), keys(JSON.readTree(anonymous.body())), anonymous.body());
            assertEquals("up", JSON.readTree(anonymous.body()).path("status").asText());

            Logins.Login viewer = Logins.sessionCookie(app, Role.VIEWER);
            assertEquals(List.of("status"), keys(JSON.readTree(Logins.get(app, viewer, "/health").body())),
                    "a signed-in viewer is not an admin");

            Logins.Login admin = Logins.sessionCookie(app, Role.ADMIN);
            JsonNode forAdmin = JSON.readTree(Logins.get(app, admin, "/health").body());
            assertEquals(2, forAdmin.path("counts").path("incidents").asInt(), forAdmin.toString());
            assertTrue(forAdmin.has("sandbox"), forAdmin.toString());

            String token = new Accounts(app.services.db().jdbi()).createToken(viewer.user(), "monitoring").token();
            JsonNode forToken = JSON.readTree(app.get("/health", Map.of("Authorization", "Bearer " + token)).body());
            assertEquals(2, forToken.path("counts").path("incidents").asInt(), forToken.toString());
        }
    }

    @Test
    void anonymous_health_in_private_mode_still_answers_503_when_the_database_is_down() throws Exception {
        TestApp app = TestApp.start(TestApp.FIXTURES, Map.of("KB_PUBLIC_READ", "false"));
        try {
            app.services.db().close();
            HttpResponse<String> r = app.get("/health");
            assertEquals(503, r.statusCode());
            assertEquals("{\"status\":\"down\"}", r.body());
        } finally {
            app.app.stop();
        }
    }

    @Test
    void public_mode_keeps_the_details_anyone_can_read_anyway() throws Exception {
        try (TestApp app = TestApp.start(TestApp.FIXTURES)) {
            JsonNode body = JSON.readTree(app.get("/health").body());
            assertEquals(2, body.path("counts").path("incidents").asInt(), body.toString());
        }
    }
}
