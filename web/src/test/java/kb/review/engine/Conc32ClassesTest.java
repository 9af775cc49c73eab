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
 * </ul>
 */
class Conc32ClassesTest {

    @ParameterizedTest
    @CsvSource({
            "conc32-go-embedded-lock-deleted, CONC-03",
            "conc32-thread-per-task, CONC-02"})
    void each_class_diff_gets_exactly_its_expected_findings(String folder, String item) {
        ClassDiffs25.check(folder, Set.of(item));
    }
}
