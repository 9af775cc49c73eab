package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * CONC-02's hand-off queue without a bound (session 35, conc35; rule java-unbounded-handoff-queue): a field made as a
 * concurrent queue with no capacity (in its declaration or in the constructor) that a one-argument method feeds with
 * what it is handed, no size check. Class diffs under {@code classes25/conc35-java-handoff-queue}; clean: a capacity
 * with drops reported, a queue of one, a drop of the oldest past a maximum, a size cap.
 */
class HandoffQueuesTest {

    @Test
    void an_unbounded_queue_fed_by_a_producer_method_is_reported_and_bounded_ones_are_not() {
        ClassDiffs25.check("conc35-java-handoff-queue", Set.of("CONC-02"));
    }
}
