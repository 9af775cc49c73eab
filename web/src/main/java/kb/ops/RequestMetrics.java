package kb.ops;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.javalin.router.Endpoint;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every request by method, route template ({@code /incidents/{id}}, never the raw path, so the
 * number of series stays bounded) and status, into fixed latency buckets; reviews are also timed on
 * their own, as {@code kb_review_seconds}.
 */
final class RequestMetrics {

    private static final String START = "kb.ops.start";
    /** Bucket bounds: enough resolution around the 50 ms page target and up to the sandbox's 10 s limit. */
    static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void before(Context ctx) {
        ctx.attribute(START, System.nanoTime());
    }

    void after(Context ctx) {
        Long start = ctx.attribute(START);
        if (start == null) {
            return;
        }
        long nanos = System.nanoTime() - start;
        String method = ctx.method().name();
        String route = route(ctx);
        String status = Integer.toString(ctx.statusCode());
        timers.computeIfAbsent(method + ' ' + route + ' ' + status, k -> Timer.builder("http.server.requests")
                .description("HTTP requests by method, route template and status")
                .tags("method", method, "route", route, "status", status)
                .serviceLevelObjectives(BUCKETS)
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        if (method.equals("POST") && (route.equals("/api/reviews") || route.equals("/reviews/new"))) {
            String outcome = ctx.statusCode() < 400 ? "created" : ctx.statusCode() < 500 ? "rejected" : "failed";
            timers.computeIfAbsent("review " + outcome, k -> Timer.builder("kb.review")
                    .description("Checklist reviews of a diff, from request to response, by outcome")
                    .tag("outcome", outcome)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** The matched route's template, or {@code unmatched} (404s and requests refused before routing). */
    static String route(Context ctx) {
        String cached = ctx.attribute(kb.system.PageCache.ROUTE);
        if (cached != null) {
            return cached;
        }
        Endpoint e;
        try {
            e = ctx.endpoints().matchedHttpEndpoint();
        } catch (RuntimeException notRouted) {
            e = null;
        }
        if (e == null || e.path == null || e.path.isEmpty()) {
            return "unmatched";
        }
        return e.path;
    }
}
