package kb.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import kb.sandbox.SandboxService;
import kb.system.Database;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Files;
import java.nio.file.Path;
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
        // the service itself is the state object: meters hold it weakly, and the app holds the service
        SandboxService m = s;
        gauge(r, "kb.sandbox.started", "1 once the sandbox has started", s, x -> x.started() ? 1 : 0);
        gauge(r, "kb.sandbox.pool.ready", "warm child JVMs waiting", m, x -> read(x, "poolReady"));
        gauge(r, "kb.sandbox.running", "runs executing now", m, x -> read(x, "running"));
        gauge(r, "kb.sandbox.queued", "runs waiting for a slot", m, x -> read(x, "queued"));
        counter(r, "kb.sandbox.runs", "runs finished", m, x -> read(x, "runs"));
        counter(r, "kb.sandbox.timeouts", "runs stopped at the wall-clock limit", m, x -> read(x, "timeouts"));
        counter(r, "kb.sandbox.denials", "runs refused by the bytecode policy or a limit", m, x -> read(x, "denials"));
        counter(r, "kb.sandbox.rejected.busy", "runs refused because the queue was full", m,
                x -> read(x, "rejectedBusy"));
        gauge(r, "kb.sandbox.run.p95.seconds", "95th percentile run time over recent runs", m,
                x -> read(x, "p95Millis") / 1000.0);
    }

    /**
     * A figure of the sandbox's own health snapshot (the same one {@code /health} shows); 0 while it has
     * not started (reading never starts it) or when it does not report that figure.
     */
    private static double read(SandboxService s, String figure) {
        return s.started() && s.health().get(figure) instanceof Number n ? n.doubleValue() : 0;
    }

    /** Stored reviews by verdict, counted at scrape time (one small query per verdict per scrape). */
    static void reviews(MeterRegistry r, Jdbi jdbi) {
        for (String verdict : new String[] {"pass", "changes_requested"}) {
            Gauge.builder("kb.reviews.stored", jdbi, j -> safe(() -> j.withHandle(h -> h.createQuery(
                            "SELECT COUNT(*) FROM reviews WHERE verdict = :v").bind("v", verdict).mapTo(Long.class).one())))
                    .description("saved reviews by verdict").tag("verdict", verdict).register(r);
        }
    }

    /** Resident set size from /proc (Linux); absent elsewhere. */
    static void residentMemory(MeterRegistry r) {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return;
        }
        Gauge.builder("process.resident.memory", status, AppGauges::rssBytes).strongReference(true).baseUnit("bytes")
                .description("resident set size of the server process").register(r);
    }

    private static double rssBytes(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024.0;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) { // kb:ignore ERR-01 -- NaN is Micrometer's "no sample", not a value
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
}
