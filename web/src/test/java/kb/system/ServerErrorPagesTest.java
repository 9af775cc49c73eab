package kb.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kb.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests Jetty refuses before routing still get the app's error page or JSON error, never Jetty's. */
class ServerErrorPagesTest {

    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestApp.FIXTURES);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static void assertAppPage(RawHttp.Response r) {
        assertTrue(r.status() >= 400 && r.status() < 500, r.status() + " " + r.body());
        assertFalse(r.body().contains("Powered by Jetty") || r.body().contains("HTTP ERROR"), r.body());
        Document d = Jsoup.parse(r.body());
        assertNotNull(d.selectFirst("link[href=/static/css/app.css]"), "the app's layout: " + r.body());
        assertNotNull(d.selectFirst(".request-id"), r.body());
        assertEquals(r.header("X-Request-Id"), d.selectFirst(".request-id").text());
        assertTrue(r.header("Content-Type").startsWith("text/html"), r.headers());
    }

    private static JsonNode assertJson(RawHttp.Response r) throws Exception {
        assertTrue(r.status() >= 400 && r.status() < 500, r.status() + " " + r.body());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.headers());
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertEquals(r.status(), body.path("status").asInt());
        assertFalse(body.path("message").asText().isBlank());
        assertEquals(r.header("X-Request-Id"), body.path("requestId").asText());
        return body;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../etc/passwd", "/static/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
            "/static/..%2f..%2fetc/passwd", "/incidents/%", "/a%zz", "/%00"})
    // a request line Jetty cannot read at all (bad percent-encoding) leaves neither path nor headers to go
    // by: it gets the HTML page, which a script can still show
    void traversal_and_malformed_paths_get_the_apps_error_page(String target) {
        RawHttp.Response r = RawHttp.get(app, target, "Accept: text/html");
        assertAppPage(r);
        assertFalse(r.body().contains("root:"), "no file outside the app is served");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/../etc/passwd", "/api/%2e%2e/x", "/api/incidents/%2e%2e%2f%2e%2e%2fx"})
    void malformed_api_paths_get_the_json_error(String target) throws Exception {
        assertJson(RawHttp.get(app, target, "Accept: application/json"));
    }

    @Test
    void a_100_kb_header_gets_the_apps_error_page_and_json_for_json_clients() throws Exception {
        String big = "X-Big: " + "a".repeat(100 * 1024);
        RawHttp.Response page = RawHttp.get(app, "/incidents", big, "Accept: text/html");
        assertEquals(431, page.status(), page.body());
        assertAppPage(page);
        JsonNode json = assertJson(RawHttp.get(app, "/api/incidents", big, "X-Request-Id: big-1"));
        assertEquals(431, json.path("status").asInt());
        assertFalse(json.path("requestId").asText().isBlank(), "headers that large are not read, but the answer has an id");
    }

    @Test
    void a_nul_in_a_header_gets_the_apps_format() throws Exception {
        assertAppPage(RawHttp.get(app, "/incidents", "Cookie: kb_session=a\0b", "Accept: text/html"));
        JsonNode json = assertJson(RawHttp.get(app, "/api/me", "Authorization: Bearer kbt_\0x"));
        assertTrue(json.path("message").asText().contains("header"), json.toString());
    }
}
