package kb.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import kb.App;
import kb.TestApp;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The port opens before the import ends; what callers see until then, over real HTTP. */
class ReadinessTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private App.Services services;
    private Javalin app;

    /** The app with the fixtures imported but its readiness still pending, as {@code serve} has it. */
    private Readiness startPending(Duration wait) {
        App.Services opened = App.Services.open(kb.TestApp.config("ready" + System.nanoTime(), TestApp.FIXTURES, Map.of()));
        opened.incidents().importContent(TestApp.FIXTURES);
        Readiness readiness = Readiness.pending(wait);
        services = new App.Services(opened.config(), opened.db(), opened.incidents(), opened.sandbox(), readiness);
        app = App.create(services).start();
        return readiness;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
        if (services != null) {
            services.close();
        }
    }

    @Test
    void health_says_starting_and_pages_wait_until_the_import_is_done() throws Exception {
        Readiness readiness = startPending(Duration.ofSeconds(30));

        HttpResponse<String> health = get("/health");
        assertEquals(503, health.statusCode());
        assertEquals("starting", new ObjectMapper().readTree(health.body()).path("status").asText());
        assertEquals("1", health.headers().firstValue("Retry-After").orElse(""));

        CompletableFuture<HttpResponse<String>> page = client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/incidents")).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);
        assertFalse(page.isDone(), "the page is held while start-up is still running");

        readiness.markReady(new Readiness.Startup(1234, "/opt/kb/postmortem-kb-1a.jsa", 77L));
        HttpResponse<String> served = page.get(10, TimeUnit.SECONDS);
        assertEquals(200, served.statusCode());
        assertFalse(Jsoup.parse(served.body()).select("main a[href^=/incidents/]").isEmpty(), served.body());

        JsonNode ready = new ObjectMapper().readTree(get("/health").body());
        assertEquals("up", ready.path("status").asText());
        assertEquals(1234, ready.path("startup").path("readyMillis").asInt());
        assertEquals("/opt/kb/postmortem-kb-1a.jsa", ready.path("startup").path("classDataArchive").asText());
        assertEquals(77, ready.path("startup").path("launcherPid").asInt());
    }

    @Test
    void a_request_that_waits_too_long_gets_503_with_retry_after_as_a_page_or_json() throws Exception {
        startPending(Duration.ofMillis(200));

        HttpResponse<String> page = get("/incidents");
        assertEquals(503, page.statusCode());
        assertEquals("5", page.headers().firstValue("Retry-After").orElse(""));
        assertTrue(Jsoup.parse(page.body()).text().contains("still starting"), page.body());

        HttpResponse<String> api = get("/api/incidents");
        assertEquals(503, api.statusCode());
        assertTrue(new ObjectMapper().readTree(api.body()).path("message").asText().contains("still starting"), api.body());
    }

    @Test
    void assets_are_served_while_starting() throws Exception {
        startPending(Duration.ofSeconds(30));
        HttpResponse<String> css = get("/static/css/app.css");
        assertEquals(200, css.statusCode(), "static files need no database");
    }
}
