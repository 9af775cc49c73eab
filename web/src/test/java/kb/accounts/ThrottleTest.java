package kb.accounts;

import kb.TestApp;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each test has its own app: every request comes from 127.0.0.1, and address counters would leak between tests. */
class ThrottleTest {

    TestApp app;

    @BeforeEach
    void start() {
        app = TestApp.start(TestApp.FIXTURES);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> signIn(String name, String password) {
        return Logins.post(app, null, "/login", Map.of("name", name, "password", password));
    }

    private static String message(HttpResponse<String> r) {
        return Jsoup.parse(r.body()).selectFirst("#login-error").text();
    }

    @Test
    void five_failures_lock_the_name_from_that_address_only() {
        new Users(app.services.db().jdbi()).create("grace", Role.EDITOR, "grace's long password");
        for (int i = 1; i < LoginThrottle.PAIR_LIMIT; i++) {
            assertEquals(401, signIn("grace", "guess " + i).statusCode());
        }
        assertEquals(401, signIn("grace", "last guess").statusCode(), "the failure that reaches the limit still says 'incorrect'");
        HttpResponse<String> locked = signIn("grace", "grace's long password");
        assertEquals(429, locked.statusCode());
        assertTrue(message(locked).startsWith("Too many failed sign-ins"), message(locked));
        int retryAfter = Integer.parseInt(locked.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter > 50 && retryAfter <= 60, "the first lock is one minute: " + retryAfter);
        assertTrue(Logins.setCookie(locked).isEmpty());
        LoginThrottle throttle = new LoginThrottle(app.services.db().jdbi());
        assertTrue(throttle.locked("grace", "198.51.100.7").isEmpty(), "the right user elsewhere is not locked out");
        assertEquals(303, Logins.post(app, null, "/login", Map.of("name", Logins.user(app, Role.VIEWER),
                "password", "correct horse battery staple")).statusCode(), "other accounts are not locked");
    }

    @Test
    void a_stranger_guessing_at_admin_backs_off_longer_and_longer_but_never_locks_the_admin_out() {
        LoginThrottle throttle = new LoginThrottle(app.services.db().jdbi());
        java.time.Duration last = java.time.Duration.ZERO;
        for (int i = 1; i <= LoginThrottle.PAIR_LIMIT + 6; i++) {
            throttle.failed("admin", "203.0.113.66");
            if (i >= LoginThrottle.PAIR_LIMIT) {
                java.time.Duration lock = throttle.locked("admin", "203.0.113.66").orElseThrow();
                java.time.Duration promised = LoginThrottle.pairLock(i); // 1, 2, 4, 8, then 15 minutes
                assertTrue(lock.compareTo(promised) <= 0 && lock.compareTo(promised.minusSeconds(10)) > 0,
                        "after " + i + " failures: " + lock + ", promised " + promised);
                assertTrue(promised.compareTo(last) >= 0 && promised.compareTo(LoginThrottle.MAX_LOCK) <= 0, promised + " after " + last);
                last = promised;
            }
        }
        assertTrue(last.toMinutes() >= 14, "the backoff reaches the 15-minute cap: " + last);
        assertEquals(java.time.Duration.ofMinutes(2), LoginThrottle.pairLock(LoginThrottle.PAIR_LIMIT + 1));
        assertTrue(throttle.locked("admin", "127.0.0.1").isEmpty());
        assertTrue(throttle.locked("ADMIN", "127.0.0.1").isEmpty(), "names are compared as the sign-in compares them");
    }

    @Test
    void an_unknown_user_is_locked_and_answered_exactly_like_a_known_one() {
        new Users(app.services.db().jdbi()).create("heidi", Role.VIEWER, "heidi's long password");
        for (int i = 0; i < LoginThrottle.PAIR_LIMIT; i++) {
            HttpResponse<String> known = signIn("heidi", "wrong " + i);
            HttpResponse<String> unknown = signIn("ivan-does-not-exist", "wrong " + i);
            assertEquals(known.statusCode(), unknown.statusCode());
            assertEquals(message(known), message(unknown));
        }
        HttpResponse<String> known = signIn("heidi", "wrong");
        HttpResponse<String> unknown = signIn("ivan-does-not-exist", "wrong");
        assertEquals(429, known.statusCode());
        assertEquals(429, unknown.statusCode());
        assertEquals(message(known), message(unknown));
    }

    @Test
    void a_success_before_the_limit_clears_the_count() {
        new Users(app.services.db().jdbi()).create("judy", Role.VIEWER, "judy's long password");
        for (int round = 0; round < 2; round++) {
            for (int i = 1; i < LoginThrottle.PAIR_LIMIT; i++) {
                assertEquals(401, signIn("judy", "wrong").statusCode());
            }
            assertEquals(303, signIn("judy", "judy's long password").statusCode());
        }
    }

    @Test
    void many_failures_from_one_address_lock_that_address() {
        LoginThrottle throttle = new LoginThrottle(app.services.db().jdbi());
        for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT; i++) {
            throttle.failed("spray-" + i, "127.0.0.1");
        }
        String fresh = Logins.user(app, Role.VIEWER);
        HttpResponse<String> r = Logins.post(app, null, "/login", Map.of("name", fresh, "password", "correct horse battery staple"));
        assertEquals(429, r.statusCode());
        assertTrue(throttle.locked(fresh, "10.0.0.9").isEmpty(), "another address may still sign in as that user");
    }
}
