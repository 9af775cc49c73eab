package kb.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import kb.sandbox.SandboxMetrics;
import kb.sandbox.SandboxService;
import kb.system.Database;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Gauges read at scrape time from what the app already keeps: the connection pool, the sandbox's own
 * metrics snapshot (nothing starts the sandbox for it), stored reviews, and the process's resident memory.
 */
final class AppGauges {

    private AppGauges() {
    }

    static void pool(MeterRegistry r, Database db) {
        gauge(r, "hikaricp.connections.active", "connections in use", db, d -> d.pool() == null ? 0 : d.pool().getActiveConnections());
        gauge(r, "hikaricp.connections.idle", "idle connections", db, d -> d.pool() == null ? 0 : d.pool().getIdleConnections());
        gauge(r, "hikaricp.connections.pending", "threads waiting for a connection", db,
                d -> d.pool() == null ? 0 : d.pool().getThreadsAwaitingConnection());
        gauge(r, "hikaricp.connections", "open connections", db, d -> d.pool() == null ? 0 : d.pool().getTotalConnections());
        gauge(r, "hikaricp.connections.max", "pool size limit", db, Database::maxPoolSize);
    }

    static void sandbox(MeterRegistry r, SandboxService s) {
        Supplier<SandboxMetrics> m = () -> s.started() ? s.get().metrics() : null;
        gauge(r, "kb.sandbox.started", "1 once the sandbox has started", s, x -> x.started() ? 1 : 0);
        gauge(r, "kb.sandbox.pool.ready", "warm child JVMs waiting", m, x -> x.get() == null ? 0 : x.get().poolReady());
        gauge(r, "kb.sandbox.running", "runs executing now", m, x -> x.get() == null ? 0 : x.get().running());
        gauge(r, "kb.sandbox.queued", "runs waiting for a slot", m, x -> x.get() == null ? 0 : x.get().queued());
        counter(r, "kb.sandbox.runs", "runs finished", m, x -> x.get() == null ? 0 : x.get().runs());
        counter(r, "kb.sandbox.timeouts", "runs stopped at the wall-clock limit", m, x -> x.get() == null ? 0 : x.get().timeouts());
        counter(r, "kb.sandbox.denials", "runs refused by the bytecode policy or a limit", m, x -> x.get() == null ? 0 : x.get().denials());
        counter(r, "kb.sandbox.rejected.busy", "runs refused because the queue was full", m,
                x -> x.get() == null ? 0 : x.get().rejectedBusy());
        counter(r, "kb.sandbox.children.started", "child JVMs started", m, x -> x.get() == null ? 0 : x.get().childrenStarted());
        counter(r, "kb.sandbox.children.failed", "child JVMs that failed to start", m, x -> x.get() == null ? 0 : x.get().childFailures());
        gauge(r, "kb.sandbox.run.p95.seconds", "95th percentile run time over recent runs", m,
                x -> x.get() == null ? 0 : x.get().p95Millis() / 1000.0);
    }

    /** Stored reviews by verdict, counted at most every 10 s so a busy scraper costs one query per 10 s. */
    static void reviews(MeterRegistry r, Jdbi jdbi) {
        Supplier<Map<String, Long>> counts = memoize(() -> {
            Map<String, Long> byVerdict = new java.util.HashMap<>(Map.of("pass", 0L, "changes_requested", 0L));
            jdbi.useHandle(h -> h.createQuery("SELECT verdict, COUNT(*) AS n FROM reviews GROUP BY verdict")
                    .map((rs, ctx) -> Map.entry(rs.getString("verdict"), rs.getLong("n")))
                    .forEach(e -> byVerdict.put(e.getKey(), e.getValue())));
            return byVerdict;
        }, 10_000);
        for (String verdict : new String[] {"pass", "changes_requested"}) {
            Gauge.builder("kb.reviews.stored", counts, c -> safe(() -> c.get().getOrDefault(verdict, 0L)))
                    .description("saved reviews by verdict").tag("verdict", verdict).register(r);
        }
    }

    /** Resident set size from /proc (Linux); absent elsewhere. */
    static void residentMemory(MeterRegistry r) {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return;
        }
        Gauge.builder("process.resident.memory", status, AppGauges::rssBytes).baseUnit("bytes")
                .description("resident set size of the server process").register(r);
    }

    private static double rssBytes(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024.0;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    private static <T> void gauge(MeterRegistry r, String name, String help, T obj, ToDoubleFunction<T> f) {
        Gauge.builder(name, obj, x -> safe(() -> f.applyAsDouble(x))).description(help).register(r);
    }

    private static <T> void counter(MeterRegistry r, String name, String help, T obj, ToDoubleFunction<T> f) {
        FunctionCounter.builder(name, obj, x -> safe(() -> f.applyAsDouble(x))).description(help).register(r);
    }

    /** A scrape must not fail because one source (the database during an outage) cannot answer. */
    private static double safe(java.util.function.DoubleSupplier f) {
        try {
            return f.getAsDouble();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static <T> Supplier<T> memoize(Supplier<T> source, long millis) {
        return new Supplier<>() {
            private T value;
            private long at;

            @Override
            public synchronized T get() {
                long now = System.currentTimeMillis();
                if (value == null || now - at > millis) {
                    value = source.get();
                    at = now;
                }
                return value;
            }
        };
    }
}
