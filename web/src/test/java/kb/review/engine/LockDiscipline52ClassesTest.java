package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 52 (branch guard52): CONC-03 shared state touched outside the discipline the rest of the code in
 * view keeps ({@code review/classes25/guard52-lock-discipline/}, with its SOURCES.md): one element of a striped lock
 * deleted around its segment's fields ({@link RemovedLocks}); a block on a lock object unwrapped around
 * writes or a call of the object's own method, and a lock taken away from the call of a {@code ...Locked} helper
 * ({@code kb.review.analysis.DroppedMonitors}); a {@code sync.Once} or a compare-and-set replaced by a plain flag test
 * ({@link DroppedOnceGuards}). Clean: the flag tested under an added mutex, an atomic flag, a lazy flag added with no
 * once deleted, the segment lock moved into a helper, a block on a local lock object, a
 * {@code ...Locked} method calling another, a redundant inner block in a synchronized method.
 */
class LockDiscipline52ClassesTest {

    @Test
    void shared_state_touched_outside_its_discipline_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("guard52-lock-discipline", Set.of("CONC-03"));
    }
}
