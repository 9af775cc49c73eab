package kb.ops;

import kb.TestApp;
import kb.accounts.Accounts;
import kb.accounts.Logins;
import kb.accounts.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /metrics}: Prometheus text for admins (session or token), with requests by route template. */
class MetricsTest {

    static TestApp app;
    static Logins.Login admin;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestApp.FIXTURES);
        admin = Logins.sessionCookie(app, Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String scrape() {
        HttpResponse<String> r = app.get("/metrics", Map.of("Cookie", admin.cookieHeader()));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        return r.body();
    }

    /**
     * The largest value among the samples of {@code metric} whose labels contain all of {@code labels};
     * NaN when there is none. (Label values may hold braces, as route templates do.)
     */
    private static double sample(String body, String metric, String... labels) {
        Matcher m = Pattern.compile("^" + Pattern.quote(metric) + "(\\{.*})? (\\S+)$", Pattern.MULTILINE).matcher(body);
        double max = Double.NaN;
        while (m.find()) {
            String l = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= l.contains(label);
            }
            if (all) {
                double v = Double.parseDouble(m.group(2));
                max = Double.isNaN(max) ? v : Math.max(max, v);
            }
        }
        return max;
    }

    @Test
    void anonymous_callers_and_non_admins_are_refused() {
        HttpResponse<String> anonymous = app.get("/metrics");
        assertEquals(401, anonymous.statusCode());
        assertFalse(anonymous.body().contains("jvm_memory"), "no figures for anonymous callers");
        Logins.Login viewer = Logins.sessionCookie(app, Role.VIEWER);
        assertEquals(403, app.get("/metrics", Map.of("Cookie", viewer.cookieHeader())).statusCode());
    }

    @Test
    void an_admins_api_token_may_scrape_and_other_tokens_may_not() {
        String owner = Logins.user(app, Role.ADMIN);
        String token = new Accounts(app.services.db().jdbi()).createToken(owner, "prometheus").token();
        HttpResponse<String> r = app.get("/metrics", Map.of("Authorization", "Bearer " + token));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("jvm_memory_used_bytes"), "a scrape, not an error page");
        String viewerToken = new Accounts(app.services.db().jdbi()).createToken(Logins.user(app, Role.VIEWER), "ci").token();
        assertEquals(403, app.get("/metrics", Map.of("Authorization", "Bearer " + viewerToken)).statusCode());
    }

    @Test
    void requests_are_counted_by_route_template_and_status_with_latency_buckets() {
        app.get("/incidents/fixture-old-timeout");
        app.get("/incidents/fixture-old-timeout");
        app.get("/incidents/no-such-incident");
        String body = scrape();
        String route = "route=\"/incidents/{id}\"";
        assertTrue(sample(body, "http_server_requests_seconds_count", "method=\"GET\"", route, "status=\"200\"") >= 2, body);
        assertTrue(sample(body, "http_server_requests_seconds_count", route, "status=\"404\"") >= 1, body);
        assertTrue(sample(body, "http_server_requests_seconds_bucket", route, "status=\"200\"", "le=\"0.05\"") >= 0, body);
        assertTrue(sample(body, "http_server_requests_seconds_bucket", route, "status=\"200\"", "le=\"+Inf\"") >= 2, body);
        assertFalse(body.contains("fixture-old-timeout"), "raw paths would make a series per incident");
    }

    @Test
    void pool_sandbox_reviews_and_jvm_figures_are_exposed() {
        String body = scrape();
        assertEquals(10, sample(body, "hikaricp_connections_max"));
        assertTrue(sample(body, "hikaricp_connections") >= 1);
        assertEquals(0, sample(body, "kb_sandbox_started"), "scraping does not start the sandbox");
        assertEquals(0, sample(body, "kb_sandbox_runs_total"));
        assertTrue(sample(body, "kb_sandbox_timeouts_total") == 0 && sample(body, "kb_sandbox_denials_total") == 0);
        assertEquals(0, sample(body, "kb_sandbox_queued"));
        assertTrue(sample(body, "kb_reviews_stored", "verdict=\"changes_requested\"") >= 0, "reviews by verdict");
        assertTrue(sample(body, "jvm_memory_max_bytes", "area=\"heap\"") > 0, "the heap budget");
        assertTrue(sample(body, "jvm_memory_used_bytes", "area=\"heap\"") > 0);
        assertTrue(body.contains("jvm_gc_"), "garbage collection figures");
        assertTrue(sample(body, "process_resident_memory_bytes") > 10e6, "resident memory");
    }

    @Test
    void a_review_is_counted_and_timed() {
        Logins.Login editor = Logins.sessionCookie(app, Role.EDITOR);
        String diff = "diff --git a/a.go b/a.go\n--- a/a.go\n+++ b/a.go\n@@ -1 +1,2 @@\n package a\n+var x = 1\n";
        HttpResponse<String> r = app.send(Logins.request(app, editor, "/api/reviews").header("Content-Type", "text/x-diff")
                .header("X-CSRF-Token", editor.csrf()).POST(java.net.http.HttpRequest.BodyPublishers.ofString(diff)).build());
        assertEquals(201, r.statusCode(), r.body());
        String body = scrape();
        assertTrue(sample(body, "kb_review_seconds_count", "outcome=\"created\"") >= 1, body);
        assertTrue(sample(body, "kb_reviews_stored", "verdict=\"pass\"") + sample(body, "kb_reviews_stored", "verdict=\"changes_requested\"") >= 1,
                "the saved review is counted");
    }
}
