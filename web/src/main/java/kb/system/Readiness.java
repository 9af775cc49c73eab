package kb.system;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Whether the database is migrated and the content imported. {@code serve} opens the port while that
 * work is still running, so the web server's own start-up overlaps it; until then a request waits here
 * (up to 30 s) instead of reaching a handler that would find an empty or half-built schema.
 * {@code /health} does not wait: it answers 503 "starting", as a readiness probe expects.
 */
public final class Readiness {

    /** How long a request waits for start-up before it gets a 503 with Retry-After. */
    static final Duration WAIT = Duration.ofSeconds(30);

    private final CountDownLatch done;
    private final Duration wait;
    private volatile Startup startup;

    /** How the process started, for {@code /health} and the log: time to ready and the class-data archive. */
    public record Startup(long readyMillis, String classDataArchive, Long launcherPid) {
    }

    private Readiness(boolean ready, Duration wait) {
        this.done = new CountDownLatch(ready ? 0 : 1);
        this.wait = wait;
    }

    /** Start-up work still to come; call {@link #markReady} when it is finished. */
    public static Readiness pending() {
        return pending(WAIT);
    }

    /** As {@link #pending()}, holding requests at most {@code wait}. */
    public static Readiness pending(Duration wait) {
        return new Readiness(false, wait);
    }

    /** Nothing to wait for: the services were opened and loaded before the app was built. */
    public static Readiness ready() {
        return new Readiness(true, WAIT);
    }

    /** Releases the waiting requests; {@code startup} (may be null) is reported by {@code /health}. */
    public void markReady(Startup startup) {
        this.startup = startup;
        done.countDown();
    }

    /** How this process started, when {@code serve} started it. */
    public java.util.Optional<Startup> startup() {
        return java.util.Optional.ofNullable(startup);
    }

    public boolean isReady() {
        return done.getCount() == 0;
    }

    /** A before-handler: holds the request until start-up is done; {@code /health} and assets pass at once. */
    public void hold(Context ctx) throws InterruptedException {
        if (isReady() || ctx.path().equals("/health") || Assets.isAsset(ctx.path())) {
            return;
        }
        if (!done.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            ctx.header("Retry-After", "5");
            throw new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                    "Postmortem KB is still starting. Try again in a few seconds.");
        }
    }
}
