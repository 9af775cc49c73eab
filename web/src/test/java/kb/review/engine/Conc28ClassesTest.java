package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session 28's concurrency classes, from round 24's five misses (go-09, go-10, go-15, java-04, java-05) and the
 * breadth pass: each class has five or more defects across libraries and shapes and three or more clean look-alikes
 * (review/classes25/conc28-*).
 */
class Conc28ClassesTest {

    /**
     * CONC-02: the bound of a pool's queue deleted while the pool stays (Spring's setQueueCapacity and builder step,
     * its factory bean, Dropwizard's bounded workQueue, the Boot property in properties and YAML): each library then
     * queues without bound. Left alone: an Integer.MAX_VALUE bound deleted, a capacity rewritten, a setter of a class
     * that is no pool, the whole bean deleted.
     */
    @Test
    void a_deleted_queue_bound_of_a_kept_pool_is_found() {
        ClassDiffs25.check("conc28-queue-bound-deleted", Set.of("CONC-02"));
    }

    /**
     * CONC-04: an MDC, Log4j ThreadContext or ThreadLocal clean-up taken out of its finally and put after the call,
     * reported once at the unchanged set even when the old finally had a weaker leak of its own (a log line before
     * the remove). Left alone: the finally kept, the clean-up moved into a helper's new finally, a closeable entry.
     */
    @Test
    void a_clean_up_taken_out_of_its_finally_is_found_once() {
        ClassDiffs25.check("conc28-cleanup-unwrapped", Set.of("CONC-04"));
    }

    /**
     * CONC-03: a field of any type (a slice, a pointer, an interface, a string) swapped whole by a method that runs on
     * another goroutine (its comment says so, a caller starts it with go, or it is a select loop) while the type's
     * other methods read it under the lock. Left alone: the swap under the lock, an exported setter with no word of
     * goroutines, a helper whose caller holds the lock, a constructor.
     */
    @Test
    void a_field_swapped_unlocked_on_another_goroutine_is_found() {
        ClassDiffs25.check("conc28-field-swapped", Set.of("CONC-03"));
    }

    /**
     * CONC-07: a `for {` job loop whose error branch returns (or breaks) above the select it pauses in (a stop, done
     * or closing channel, a context, a ticker, time.After), also when the hunk cuts the select off. Left alone: the
     * failure only logged, the context's own error, a read whose stream is gone.
     */
    @Test
    void a_job_loop_that_returns_above_its_pausing_select_is_found() {
        ClassDiffs25.check("conc28-job-loop-select-pause", Set.of("CONC-07"));
    }

    /**
     * CONC-05: a loop that polls its stop channel with a non-blocking select and then sleeps: the stop waits out the
     * sleep. Left alone: the select waiting on stop and a timer, a short settle pause, a non-blocking send.
     */
    @Test
    void a_sleep_after_a_non_blocking_stop_poll_is_found() {
        ClassDiffs25.check("conc28-sleep-after-stop-poll", Set.of("CONC-05"));
    }

    /**
     * The breadth pass: shapes from real concurrency fixes in repositories no round or set used (the README's conc28
     * section names them): a session swapped by a reconnect loop, ping settings rewritten by a started loop, a map
     * replaced whole on a disconnect, a sync and sleep in a stop poll's default, a done-flag loop that sleeps, a ticker
     * that sleeps before selecting on stop, an executor bean without a queue capacity, a ThreadLocal cleared after a
     * step that can throw. Each with clean look-alikes. CONC-01's goroutine findings on the same diffs are not this
     * test's.
     */
    @Test
    void the_breadth_pass_shapes_are_found_and_their_look_alikes_are_not() {
        ClassDiffs25.check("conc28-breadth", Set.of("CONC-02", "CONC-03", "CONC-04", "CONC-05", "CONC-06", "CONC-07"));
    }
}
