package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Session 33 (conc33): shared state written from code that runs concurrently where the file does not start the
 * concurrency, and per-task context left behind on pooled threads; each class as defect diffs and clean look-alikes
 * modelled on real fixes of other repositories (SOURCES.md in each folder). Every defect diff must get exactly its
 * expected findings of the class's item (active, any confidence), every clean one none:
 * <ul>
 * <li>CONC-03, a Go plain counter write ({@code n++}, {@code +=}) where the change replaced an atomic or an
 * increment helper, or where the code's role runs it concurrently: a goroutine literal or a callback handed to a
 * runner with a parallelism argument, a worker given a WaitGroup, an HTTP handler ({@code engine/SharedCounterWrites},
 * {@code engine/ConcurrentRoles});</li>
 * <li>CONC-03, a Java atomic update ({@code incrementAndGet}, a LongAdder's {@code add}) replaced by a plain one on
 * the same field ({@code engine/SharedCounterWrites});</li>
 * <li>CONC-04, a per-thread context's reset deleted on a pooled thread: one MDC or ThreadContext key removed, a
 * Spring context holder cleared or reset, including across two hunks ({@code engine/RemovedReleases}).</li>
 * </ul>
 */
class Conc33ClassesTest {

    @ParameterizedTest
    @CsvSource({
            "conc33-go-shared-counter, CONC-03",
            "conc33-java-atomic-replaced, CONC-03",
            "conc33-java-context-removed, CONC-04"})
    void each_class_diff_gets_exactly_its_expected_findings(String folder, String item) {
        ClassDiffs25.check(folder, Set.of(item));
    }
}
