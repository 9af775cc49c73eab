package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 53 (branch conc53): shared state that loses the discipline that made it safe to share (CONC-03),
 * and a queue, buffer or cache that loses its bound (CONC-02), read from the change
 * ({@code review/classes25/conc53-shared-state-and-growth/}, with its SOURCES.md). Defects: a write under a read lock
 * and a write lock made a read lock ({@link ReadLockWrites}), a write moved past the unlock, a pointer receiver made
 * a value receiver that locks its copy, a synchronized wrapper walked outside its monitor
 * ({@code kb.review.analysis.DroppedMonitors}), a per-call digest hoisted into a service field
 * ({@link HoistedUnsafeLocals}), a size guard deleted before a kept append or offer, a channel field made a slice, a
 * bounded cache made a plain map, a cache's maximum cut from its builder, a bounded back-pressure buffer made unbounded
 * ({@link DroppedGrowthBounds}). Clean: a write under the entry's own mutex, a local copy under a read lock, a write
 * moved under a second lock, a copy-on-write list walked, a format hoisted into a ThreadLocal or a prototype bean, a
 * size guard moved into a helper, a maximum size made a maximum weight, a size check that only logs, a local
 * channel made a local slice, a value receiver with no lock.
 */
class SharedStateGrowth53ClassesTest {

    @Test
    void shared_state_and_growth_bounds_taken_off_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("conc53-shared-state-and-growth", Set.of("CONC-02", "CONC-03"));
    }
}
