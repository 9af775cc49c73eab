package kb.sandbox;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per caller (user name or address): {@code perMinute} runs a minute with bursts of the
 * same size. In memory: each instance limits its own traffic.
 */
final class RateLimiter {

    private record Bucket(double tokens, long atMillis) {
    }

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes one token; returns 0 when allowed, otherwise the seconds until one is available. */
    int acquire(String caller) {
        long now = clock.millis();
        int[] wait = {0};
        buckets.compute(caller, (k, b) -> {
            double tokens = b == null ? perMinute : Math.min(perMinute, b.tokens + (now - b.atMillis) * perMinute / 60_000.0);
            if (tokens >= 1) {
                return new Bucket(tokens - 1, now);
            }
            wait[0] = (int) Math.ceil((1 - tokens) * 60.0 / perMinute);
            return new Bucket(tokens, now);
        });
        if (buckets.size() > 10_000) {
            buckets.clear();
        }
        return wait[0];
    }
}
