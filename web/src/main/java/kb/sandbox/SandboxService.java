package kb.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The app's one {@link Sandbox}, started on first use (or in the background by {@code serve}) so that
 * building an app, as every test does, does not start child JVMs it never uses.
 */
public final class SandboxService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxService.class);

    private final SandboxConfig config;
    private volatile Sandbox sandbox;

    public SandboxService(SandboxConfig config) {
        this.config = config;
    }

    /** The running sandbox, starting it (tier probe, warm pool) on the first call. */
    public Sandbox get() {
        Sandbox s = sandbox;
        if (s == null) {
            synchronized (this) {
                if (sandbox == null) {
                    sandbox = Sandbox.start(config);
                    log.info("sandbox ready: tier {} ({}), pool of {}", sandbox.tier(), sandbox.metrics().tierDetail(),
                            config.poolSize());
                }
                s = sandbox;
            }
        }
        return s;
    }

    /** Starts the sandbox on a background thread so the first Run does not wait for the warm pool. */
    public void warmInBackground() {
        Thread t = new Thread(() -> {
            try {
                get();
            } catch (RuntimeException e) {
                log.error("the sandbox could not start; Run buttons will report the error", e);
            }
        }, "kb-sandbox-start");
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((thread, e) -> log.error("the sandbox start-up thread failed", e));
        t.start();
    }

    /**
     * Starts the sandbox in the background, then runs every shipped reproduction that has no result
     * for this runner and JDK yet, so that incidents show their verified badge without a click.
     */
    public void warmAndVerifyInBackground(org.jdbi.v3.core.Jdbi jdbi) {
        warmInBackground();
        new BundledVerifier(this, jdbi).verifyInBackground();
    }

    public boolean started() {
        return sandbox != null;
    }

    /** What {@code /health} shows: tier, pool, runs, timeouts, denials, mean and p95 run time. */
    public Map<String, Object> health() {
        Map<String, Object> h = new LinkedHashMap<>();
        Sandbox s = sandbox;
        if (s == null) {
            h.put("status", "not started");
            return h;
        }
        SandboxMetrics m = s.metrics();
        h.put("status", "up");
        h.put("tier", m.tier().name().toLowerCase(java.util.Locale.ROOT));
        h.put("tierDetail", m.tierDetail());
        h.put("untrustedCode", s.untrustedRefusal().orElse("allowed"));
        h.put("poolSize", config.poolSize());
        h.put("poolReady", m.poolReady());
        h.put("running", m.running());
        h.put("queued", m.queued());
        h.put("runs", m.runs());
        h.put("timeouts", m.timeouts());
        h.put("denials", m.denials());
        h.put("rejectedBusy", m.rejectedBusy());
        h.put("meanMillis", m.meanMillis());
        h.put("p95Millis", m.p95Millis());
        h.put("sharedArchive", m.sharedArchive());
        h.put("engine", config.engine().name().toLowerCase(java.util.Locale.ROOT));
        h.put("compileServiceRestarts", s.compileServiceRestarts());
        return h;
    }

    @Override
    public void close() {
        Sandbox s = sandbox;
        if (s != null) {
            s.close();
        }
    }
}
