package kb.ops;

import kb.TestApp;
import kb.accounts.Logins;
import kb.accounts.Role;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Overload: when no database connection frees up in time the answer is 503 with Retry-After, never a 500. */
class PoolExhaustionTest {

    @Test
    void a_request_that_finds_every_connection_busy_gets_503_with_retry_after_and_is_counted() {
        try (TestApp app = TestApp.start(TestApp.FIXTURES)) {
            Logins.Login admin = Logins.sessionCookie(app, Role.ADMIN);
            List<Handle> held = new ArrayList<>();
            try {
                for (int i = 0; i < app.services.db().maxPoolSize(); i++) {
                    Handle h = app.services.db().jdbi().open();
                    h.getConnection(); // a live connection, taken from the pool and kept
                    held.add(h);
                }
                HttpResponse<String> page = app.get("/api/incidents/fixture-old-timeout");
                assertEquals(503, page.statusCode(), page.body());
                assertEquals("2", page.headers().firstValue("Retry-After").orElse(""));
                assertTrue(page.body().contains("busy"), page.body());
            } finally {
                held.forEach(Handle::close);
            }
            String metrics = app.get("/metrics", Map.of("Cookie", admin.cookieHeader())).body();
            assertTrue(metrics.contains("kb_db_pool_exhausted_total 1.0"), metrics);
        }
    }
}
