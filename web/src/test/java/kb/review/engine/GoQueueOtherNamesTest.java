package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * CONC-02's unbounded Go queue by other names (session 34, conc34; rules go-unbounded-list-queue and
 * go-overflow-queue-behind-full-channel): a {@code container/list} fed by every value a loop receives and drained from
 * its front, and an overflow slice or list filled in the {@code default:} of a select whose send found the channel
 * full. Class diffs under {@code classes25/conc34-go-queue-other-names}; clean: a relay that drops the oldest past a
 * maximum, an overflow capped by its length, an LRU evicting from the back, results gathered and returned.
 */
class GoQueueOtherNamesTest {

    @Test
    void a_list_or_overflow_queue_without_a_bound_is_reported_and_its_bounded_look_alikes_are_not() {
        ClassDiffs25.check("conc34-go-queue-other-names", Set.of("CONC-02"));
    }
}
