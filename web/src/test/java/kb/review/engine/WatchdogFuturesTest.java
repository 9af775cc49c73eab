package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Java deadlines, the class of watchdogs. TMO-03's text names the Java analogue of a lost cancel: "a scheduled
 * timeout or watchdog task that is never cancelled once the work has finished". A watchdog scheduled to cancel a
 * piece of work whose {@code ScheduledFuture} is dropped, or kept and never cancelled, stays queued for its whole
 * delay after every call that finishes in time; the checklist's Good shape cancels it in a finally. And on TMO-02's
 * side: a {@code get()} with no timeout on a future that such a watchdog cancels is bounded by the watchdog (a
 * cancelled future's wait returns at once), so it is not a wait without a bound. Look-alikes: a watchdog cancelled in
 * finally, a scheduled task that cancels nothing, and an unbounded get with no watchdog (still TMO-02).
 */
class WatchdogFuturesTest {

    private static final String RUNNER = """
            package com.example.exec;

            import java.util.concurrent.*;

            public class Bounded {
                private final ExecutorService workers;
                private final ScheduledExecutorService timer;

                public Bounded(ExecutorService workers, ScheduledExecutorService timer) {
                    this.workers = workers;
                    this.timer = timer;
                }

                public <T> T call(Callable<T> work, long timeoutMs) throws Exception {
                    Future<T> job = workers.submit(work);
            BODY
                }
            }
            """;

    private static List<String> item(String body, String item) {
        return GoRound8ClassesTest.item(MetamorphicClassesTest.javaFile("src/main/java/com/example/exec/Bounded.java",
                RUNNER.replace("BODY", body)), item);
    }

    @Test
    void a_dropped_watchdog_is_found_and_the_wait_it_bounds_is_not() {
        String body = """
                        timer.schedule(() -> job.cancel(true), timeoutMs, TimeUnit.MILLISECONDS);
                        return job.get();""";
        assertEquals(List.of("16:java-watchdog-future-dropped"), item(body, "TMO-03"));
        assertEquals(List.of(), item(body, "TMO-02"));
    }

    @Test
    void a_watchdog_kept_but_never_cancelled_is_found() {
        String body = """
                        ScheduledFuture<?> watchdog = timer.schedule(() -> job.cancel(true), timeoutMs, TimeUnit.MILLISECONDS);
                        return job.get();""";
        assertEquals(List.of("16:java-watchdog-future-not-cancelled"), item(body, "TMO-03"));
    }

    @Test
    void a_watchdog_cancelled_in_finally_is_clean() {
        String body = """
                        ScheduledFuture<?> watchdog = timer.schedule(() -> job.cancel(true), timeoutMs, TimeUnit.MILLISECONDS);
                        try {
                            return job.get();
                        } finally {
                            watchdog.cancel(false);
                        }""";
        assertEquals(List.of(), item(body, "TMO-03"));
        assertEquals(List.of(), item(body, "TMO-02"));
    }

    @Test
    void a_scheduled_task_that_cancels_nothing_is_not_a_watchdog() {
        String body = """
                        timer.schedule(() -> System.gc(), timeoutMs, TimeUnit.MILLISECONDS);
                        return job.get(timeoutMs, TimeUnit.MILLISECONDS);""";
        assertEquals(List.of(), item(body, "TMO-03"));
    }

    @Test
    void futures_cancelled_in_place_are_not_a_watchdog() {
        String body = """
                        List.of(job).forEach(f -> f.cancel(true));
                        return null;""";
        assertEquals(List.of(), item(body, "TMO-03"));
    }

    @Test
    void an_unbounded_get_without_a_watchdog_is_still_found() {
        assertEquals(List.of("16:java-deadline-not-propagated"), item("        return job.get();", "TMO-02"));
    }
}
