package kb.ops;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import kb.sandbox.SandboxService;
import kb.system.Database;
import kb.system.Templates;
import kb.system.Web;
import org.jdbi.v3.core.ConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLTransientConnectionException;

import java.time.Duration;
import java.util.Map;

/**
 * The operations feature's door: {@code GET /metrics} (Prometheus text format: requests by route and
 * status with latency buckets, the connection pool, the sandbox, reviews, JVM memory and GC, resident
 * memory) and the orderly stop. One instance per app; its registry is its own, so two apps in one JVM
 * (tests) never mix their figures.
 */
public final class Operations implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Operations.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RequestMetrics requests = new RequestMetrics(registry);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Duration drain;
    private final Map<String, String> env;
    private final io.micrometer.core.instrument.Counter overloaded;

    public Operations(Database db, SandboxService sandbox, Map<String, String> env) {
        this.drain = GracefulStop.drain(env);
        this.env = env;
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        AppGauges.residentMemory(registry);
        AppGauges.pool(registry, db);
        AppGauges.sandbox(registry, sandbox);
        AppGauges.reviews(registry, db.jdbi());
        this.overloaded = io.micrometer.core.instrument.Counter.builder("kb.db.pool.exhausted")
                .description("requests answered 503 because no database connection was free in time").register(registry);
    }

    /**
     * Request timing around every handler, the drain-on-stop, the client address behind a proxy, and
     * 503 with Retry-After (not 500) when no database connection frees up in time under overload.
     * Call before other before-handlers; error pages are rendered with {@code templates}.
     */
    public void install(JavalinConfig config, Templates templates) {
        config.routes.before(requests::before);
        // a request logger, not an after-handler: answers from the page cache skip every handler after theirs
        config.requestLogger.http((ctx, ms) -> requests.after(ctx));
        GracefulStop.configure(config, drain);
        ClientAddress.configure(config, env);
        config.routes.exception(ConnectionException.class, (e, ctx) -> {
            if (!poolExhausted(e)) {
                // the database itself failed (down, pool closed): the same answer as any other failure
                log.error("request {} {} failed", ctx.method(), ctx.path(), e);
                Web.error(ctx, templates, 500, "Something went wrong on our side.");
                return;
            }
            // every pooled connection stayed busy for the pool's whole timeout: overload, worth a retry
            overloaded.increment();
            ctx.header("Retry-After", "2");
            Web.error(ctx, templates, 503, "The server is busy; try again in a few seconds.");
        });
        config.events.serverStopped(this::close);
    }

    /**
     * Hikari's timeout while every connection was in use: a transient exception with no underlying
     * connection failure (when the database is down, the last failure to connect is its cause).
     */
    static boolean poolExhausted(ConnectionException e) {
        return e.getCause() instanceof SQLTransientConnectionException t && t.getCause() == null;
    }

    /** {@code GET /metrics}: the Prometheus text exposition; the route is declared for admins (session or an admin's token). */
    public void metrics(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    /**
     * On SIGTERM, Ctrl-C or {@code System.exit}: stop accepting, let requests in flight finish (at most
     * {@code KB_SHUTDOWN_SECONDS}, default 20), then run {@code closeServices} (sandbox, pool, database).
     */
    public static void stopOnExit(Javalin app, Runnable closeServices, Map<String, String> env) {
        GracefulStop.onExit(app, closeServices, GracefulStop.drain(env));
    }

    /**
     * Ends the process in order: the stop registered by {@link #stopOnExit} runs first (drain, sandbox,
     * pool, database), then the JVM exits with {@code status}.
     */
    public static void exit(int status) {
        GracefulStop.exit(status);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
