package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Session 32 (conc32): classes of shared state and of threads per task, each as defect diffs and clean look-alikes
 * modelled on real fixes of other repositories (SOURCES.md in each folder). Every defect diff must get exactly its
 * expected findings of the class's item (active, any confidence), every clean one none:
 * <ul>
 * <li>CONC-03, a Go lock the type embeds ({@code r.RLock()} on the receiver) deleted with its unlock around a read or
 * a walk of the receiver's fields, in an edit or in a renamed file ({@code engine/RemovedLocks});</li>
 * <li>CONC-02, a thread or goroutine started per task where the change deleted the task's hand-off to a pool (an
 * executor's execute/submit, a Go pool's Submit, a send on the workers' channel), or in the branch where a bounded
 * pool refused the task (a RejectedExecutionException catch or handler, an overload error, a select's default)
 * ({@code engine/PerTaskLaunches});</li>
 * <li>CONC-03, a memo cache in a static plain map or set filled on a miss by a method without a lock: one map per
 * process, filled by every instance on every thread ({@code engine/StaticCaches});</li>
 * <li>CONC-03, the per-call copy of a map the function was handed deleted and the original written instead (Go and
 * Java; {@code engine/DeletedCopies}).</li>
 * </ul>
 */
class Conc32ClassesTest {

    @ParameterizedTest
    @CsvSource({
            "conc32-go-embedded-lock-deleted, CONC-03",
            "conc32-thread-per-task, CONC-02",
            "conc32-java-static-cache, CONC-03",
            "conc32-deleted-map-copy, CONC-03"})
    void each_class_diff_gets_exactly_its_expected_findings(String folder, String item) {
        ClassDiffs25.check(folder, Set.of(item));
    }
}
