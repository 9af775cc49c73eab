package kb.sandbox;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Children started and warmed ahead of demand. The caller of {@link #take} calls {@link #replenish}
 * when its run is over, which starts a replacement in the background: starting a JVM takes the
 * CPU a run in progress needs, so it waits for the run unless a caller is already left waiting or
 * fewer than half of the pool is left ready. In a burst (a CI job, "Run before and after" for a
 * whole meeting) the pool drains faster than replacements started after each run refill it, and
 * runs that wait on a child leave the CPU idle while they wait; from half empty on, replacements
 * start at once, alongside the runs in progress. A lone click leaves the pool more than half full.
 *
 * @param <C> the kind of child: a {@link ChildProcess} in the sandbox
 */
final class WarmPool<C extends WarmPool.Child> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WarmPool.class);
    private static final long RETRY_PAUSE_MILLIS = 2000;

    /** What the pool needs of a child. */
    interface Child {
        boolean alive();

        void kill();
    }

    /** Starts one child and returns it once it is ready. */
    interface Starter<C> {
        C start() throws Exception;
    }

    private final int size;
    /** A take that leaves fewer children than this ready starts their replacements at once. */
    private final int lowWater;
    private final Starter<C> starter;
    private final LinkedBlockingQueue<C> ready = new LinkedBlockingQueue<>();
    private final ExecutorService starters;
    private final AtomicInteger starting = new AtomicInteger();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile String lastFailure = "";
    private volatile boolean closed;

    WarmPool(int size, Starter<C> starter) {
        this.size = size;
        this.lowWater = (size + 1) / 2;
        this.starter = starter;
        // fill() never has more than `size` starts pending, so a queue of that size always has room
        this.starters = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(size),
                r -> BackgroundThreads.daemon(r, "kb-sandbox-starter"));
        fill();
    }

    /**
     * Takes a ready child, waiting for one to finish starting if none is ready.
     *
     * @return the child, or {@code null} when none became ready within {@code wait}
     */
    C take(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            C child = ready.poll();
            if (child == null) {
                fill();
                long left = deadline - System.nanoTime();
                child = left > 0 ? ready.poll(left, TimeUnit.NANOSECONDS) : null;
                fill();
            }
            if (child == null) {
                return null;
            }
            if (child.alive()) {
                if (ready.size() < lowWater) {
                    fill();
                }
                return child;
            }
            child.kill();
        }
    }

    /** Starts replacements for the children taken, in the background. */
    void replenish() {
        fill();
    }

    int readyCount() {
        return ready.size();
    }

    long startedCount() {
        return started.get();
    }

    long failureCount() {
        return failures.get();
    }

    String lastFailure() {
        return lastFailure;
    }

    /** Tops the pool up to its size, counting the children still starting. */
    private synchronized void fill() {
        while (!closed && ready.size() + starting.get() < size) {
            starting.incrementAndGet();
            starters.execute(this::startOne);
        }
    }

    private void startOne() {
        C child = null;
        boolean failed = false;
        try {
            child = starter.start();
            started.incrementAndGet();
        } catch (Exception e) {
            // Shutting down kills children that are still starting: not a failure.
            if (!closed && !BackgroundThreads.shuttingDown()) {
                failed = true;
                failures.incrementAndGet();
                lastFailure = e.getMessage() == null ? e.toString() : e.getMessage();
                log.warn("sandbox: a child failed to start: {}", lastFailure);
                // Do not spin when children cannot start at all; the slot stays taken meanwhile.
                pause();
            }
        } finally {
            settle(child);
        }
        if (failed) {
            fill(); // try again for the slot this start held
        }
    }

    /**
     * Frees a start's slot and hands its child to the ready queue (or kills it once closed) in one step, under the
     * lock {@link #fill()} counts with: a count taken between the two would see the child twice, and then neither
     * that fill nor any later one (a started child does not top the pool up after itself, which would refill takes
     * that the policy leaves to the run's end) would start its replacement.
     */
    private synchronized void settle(C child) {
        starting.decrementAndGet();
        if (child != null) {
            if (closed) {
                child.kill();
            } else {
                ready.add(child);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        starters.shutdownNow();
        C child;
        while ((child = ready.poll()) != null) {
            child.kill();
        }
    }
}
