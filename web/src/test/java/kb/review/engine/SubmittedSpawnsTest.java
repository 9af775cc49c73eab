package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * CONC-02's goroutine or thread started for every submitted item (session 36, conc36; rules
 * go-goroutine-per-submitted-item and java-thread-per-submitted-task): a pool's Submit sending from a goroutine per
 * job, a bus forwarding each published event on a goroutine, an Enqueue waiting in a goroutine per record, a message
 * callback broadcasting on a goroutine, a listener's thread per message, a runner's thread per submitted report. Class
 * diffs under {@code classes25/conc36-spawn-per-submit}; clean: a select that fails or drops when full, a semaphore slot
 * taken before the launch, the work done inline, one worker started once, a bounded executor.
 */
class SubmittedSpawnsTest {

    @Test
    void a_spawn_per_submitted_item_is_reported_and_bounded_hand_offs_are_not() {
        ClassDiffs25.check("conc36-spawn-per-submit", Set.of("CONC-02"));
    }
}
