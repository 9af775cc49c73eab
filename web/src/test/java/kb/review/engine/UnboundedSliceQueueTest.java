package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * CONC-02's unbounded queue written as a Go slice (session 33, queue33; rule go-unbounded-slice-queue): every value a
 * loop receives from a channel is appended to a slice (a local or a field) that is drained from its head elsewhere,
 * and nothing compares its length with a bound, so the sender never waits and a slow consumer becomes memory. Class
 * diffs under {@code classes25/queue33-unbounded-slice-queue}: a logger's worker moving messages into a field, an
 * "infinite channel" relay goroutine, a fetch loop's pending items; clean: the same relay dropping when full, the
 * fetch loop bounded by {@code len(pending) < maxPending}, results gathered and returned (not a queue), a window
 * trimmed to its size.
 */
class UnboundedSliceQueueTest {

    @Test
    void a_slice_queue_grown_per_received_value_without_a_bound_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("queue33-unbounded-slice-queue", Set.of("CONC-02"));
    }
}
