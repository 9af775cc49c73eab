package kb.ops;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An orderly stop on SIGTERM, Ctrl-C, or the launcher's death: the port stops accepting, requests in
 * flight finish (for at most the drain time), then the sandbox stops, then the pool and the database
 * close, and only then does the JVM exit. Nothing a request still needs is closed under it, so an
 * in-flight write is either done and answered or never started; a request that arrives on an open
 * connection during the drain gets 503.
 *
 * <p>Why a signal handler and not only a shutdown hook: JVM shutdown hooks run all at once, and the
 * embedded H2 database registers one of its own that closes the database while requests are still
 * being drained ("Database is already closed"). H2 cannot leave that hook out while it also serves
 * the CLI ({@code AUTO_SERVER}), so the stop runs before {@code System.exit}, and the hook finds the
 * database already closed. A shutdown hook still runs the same stop for any other exit.
 */
final class GracefulStop {

    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

    /** {@code KB_SHUTDOWN_SECONDS}: how long requests in flight may take to finish at stop. */
    static final Duration DEFAULT_DRAIN = Duration.ofSeconds(20);

    /** The registered stop, run at most once whichever way the process ends. */
    private static final AtomicReference<Runnable> STOP = new AtomicReference<>();

    private GracefulStop() {
    }

    /** Puts Jetty's request tracking in front of the app and bounds how long {@code stop()} waits for it. */
    static void configure(JavalinConfig config, Duration drain) {
        config.jetty.modifyServer(server -> {
            // Javalin attaches its handlers inside the innermost wrapper, so this one sees every request
            server.setHandler(new GracefulHandler());
            server.setStopTimeout(drain.toMillis());
        });
    }

    /** Stops {@code app}, then runs {@code closeServices}, on SIGTERM, SIGINT, {@link #exit} or any other exit. */
    static void onExit(Javalin app, Runnable closeServices, Duration drain) {
        Runnable once = new Runnable() {
            private boolean done;

            @Override
            public synchronized void run() {
                if (done) {
                    return;
                }
                done = true;
                long t0 = System.nanoTime();
                log.info("stopping: no new connections; waiting up to {} s for requests in flight", drain.toSeconds());
                try {
                    app.stop();
                } catch (RuntimeException e) {
                    log.warn("the web server did not stop cleanly: {}", e.toString());
                }
                closeServices.run();
                log.info("stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
            }
        };
        STOP.set(once);
        Runtime.getRuntime().addShutdownHook(new Thread(once, "kb-shutdown"));
        handle("TERM", 143);
        handle("INT", 130);
    }

    /** Runs the registered stop (if any), then exits with {@code status}. */
    static void exit(int status) {
        Runnable stop = STOP.get();
        if (stop != null) {
            stop.run();
        }
        System.exit(status);
    }

    @SuppressWarnings("removal")
    private static void handle(String signal, int status) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> {
                Thread t = new Thread(() -> exit(status), "kb-stop-" + signal.toLowerCase(java.util.Locale.ROOT));
                // not a daemon: once Jetty's threads end, the JVM would otherwise exit by itself with status 0
                t.setDaemon(false);
                t.setUncaughtExceptionHandler((thread, e) -> log.error("stopping on {} failed", signal, e));
                t.start();
            });
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // the signal is reserved here (e.g. -Xrs): the shutdown hook still stops in order, only less gently
            log.debug("cannot handle SIG{}: {}", signal, e.toString());
        }
    }

    static Duration drain(Map<String, String> env) {
        String raw = env.get("KB_SHUTDOWN_SECONDS");
        if (raw == null || raw.isBlank()) {
            return DEFAULT_DRAIN;
        }
        try {
            int s = Integer.parseInt(raw.strip());
            if (s < 0 || s > 3600) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("KB_SHUTDOWN_SECONDS must be a number of seconds from 0 to 3600, got '" + raw + "'");
        }
    }
}
