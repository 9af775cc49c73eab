package kb.sandbox;

import kb.ops.SharedRateLimit;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;

/**
 * Runs per caller (user name or address): {@code perMinute} runs in any minute. Kept in the database
 * ({@link SharedRateLimit}) so that instances behind one load balancer share the limit.
 */
final class RateLimiter {

    private final SharedRateLimit limit;

    RateLimiter(Jdbi jdbi, int perMinute, Clock clock) {
        this.limit = new SharedRateLimit(jdbi, perMinute, Duration.ofMinutes(1), clock);
    }

    /** Takes one run; returns 0 when allowed, otherwise the seconds until one is available. */
    int acquire(String caller) {
        return limit.acquire("sandbox-run:" + caller);
    }
}
