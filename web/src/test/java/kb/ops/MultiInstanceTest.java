package kb.ops;

import kb.TestApp;
import kb.TestDatabases;
import kb.accounts.Logins;
import kb.system.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the app on one PostgreSQL database, as behind a load balancer: what one instance
 * records (a session, a write, a sign-in throttle, a rate limit, a review) the other
 * honours at once, because none of it lives in an instance's memory.
 */
class MultiInstanceTest {

    TestApp a;
    TestApp b;

    @BeforeEach
    void start() {
        Config config = TestDatabases.config("postgresql", TestApp.FIXTURES);
        a = TestApp.onDatabase(config);
        a.services.incidents().importContent(TestApp.FIXTURES);
        // each instance keeps its own data folder (search index, sandbox runner), as on separate machines
        b = TestApp.onDatabase(new Config(config.port(), config.dataDir().resolveSibling(config.dataDir().getFileName() + "-b"),
                config.dbUrl(), config.dbUser(), config.dbPassword(), config.contentDir(), config.env()));
    }

    @AfterEach
    void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void a_sign_in_on_one_instance_is_a_session_on_the_other() {
        Logins.Login editor = Logins.sessionCookie(a, kb.accounts.Role.EDITOR);
        HttpResponse<String> me = b.get("/api/me", Map.of("Cookie", editor.cookieHeader()));
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"" + editor.user() + "\""), me.body());
    }

    @Test
    void a_write_on_one_instance_is_read_and_edited_on_the_other() {
        Logins.Login editor = Logins.sessionCookie(a, kb.accounts.Role.EDITOR);
        HttpResponse<String> created = a.send(Logins.request(a, editor, "/api/incidents").header("Content-Type", "text/markdown")
                .header("X-CSRF-Token", editor.csrf())
                .POST(HttpRequest.BodyPublishers.ofString(WriteStream.markdown("two-instances", 1))).build());
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> read = b.get("/api/incidents/two-instances");
        assertEquals(200, read.statusCode());
        assertTrue(read.body().contains(WriteStream.marker("two-instances", 1)), read.body());

        HttpResponse<String> edited = b.send(Logins.request(b, editor, "/api/incidents/two-instances")
                .header("Content-Type", "text/markdown").header("X-CSRF-Token", editor.csrf()).header("If-Match", "1")
                .PUT(HttpRequest.BodyPublishers.ofString(WriteStream.markdown("two-instances", 2))).build());
        assertEquals(200, edited.statusCode(), edited.body());
        HttpResponse<String> stale = a.send(Logins.request(a, editor, "/api/incidents/two-instances")
                .header("Content-Type", "text/markdown").header("X-CSRF-Token", editor.csrf()).header("If-Match", "1")
                .PUT(HttpRequest.BodyPublishers.ofString(WriteStream.markdown("two-instances", 2))).build());
        assertEquals(409, stale.statusCode(), "the other instance knows revision 2 exists");
    }

    @Test
    void failed_sign_ins_on_one_instance_throttle_the_other() {
        String name = Logins.user(a, kb.accounts.Role.VIEWER);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, Logins.post(a, null, "/login", Map.of("name", name, "password", "wrong " + i)).statusCode());
        }
        HttpResponse<String> onB = Logins.post(b, null, "/login", Map.of("name", name, "password", "correct horse battery staple"));
        assertEquals(429, onB.statusCode(), "the lock recorded by instance a holds on instance b");
        assertTrue(onB.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void a_rate_limit_is_shared_by_both_instances() {
        SharedRateLimit onA = new SharedRateLimit(a.services.db().jdbi(), 3, Duration.ofMinutes(1), Clock.systemUTC());
        SharedRateLimit onB = new SharedRateLimit(b.services.db().jdbi(), 3, Duration.ofMinutes(1), Clock.systemUTC());
        assertEquals(0, onA.acquire("user:carol"));
        assertEquals(0, onB.acquire("user:carol"));
        assertEquals(0, onA.acquire("user:carol"));
        int wait = onB.acquire("user:carol");
        assertTrue(wait >= 1 && wait <= 61, "the fourth run in a minute is refused wherever it lands: " + wait);
        assertEquals(0, onB.acquire("user:dave"), "other callers have their own count");
    }

    @Test
    void a_review_made_on_one_instance_is_served_by_the_other() {
        Logins.Login editor = Logins.sessionCookie(a, kb.accounts.Role.EDITOR);
        String diff = "diff --git a/main.go b/main.go\n--- a/main.go\n+++ b/main.go\n@@ -1,2 +1,3 @@\n package main\n"
                + "+import \"net/http\"\n func main() {}\n";
        HttpResponse<String> created = a.send(Logins.request(a, editor, "/api/reviews").header("Content-Type", "text/x-diff")
                .header("X-CSRF-Token", editor.csrf()).POST(HttpRequest.BodyPublishers.ofString(diff)).build());
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> onB = b.get(location, Map.of("Cookie", editor.cookieHeader()));
        assertEquals(200, onB.statusCode(), onB.body());
        assertEquals(withoutLinks(a.get(location, Map.of("Cookie", editor.cookieHeader())).body()), withoutLinks(onB.body()),
                "both instances answer the same review (links aside, which name the instance's own port here)");
        assertTrue(URI.create(a.base + location).getPath().startsWith("/api/reviews/"));
    }

    private static com.fasterxml.jackson.databind.JsonNode withoutLinks(String json) {
        try {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            node.remove(java.util.List.of("url", "apiUrl"));
            return node;
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
