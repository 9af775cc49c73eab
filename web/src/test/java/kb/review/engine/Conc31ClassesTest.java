package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Session 31 (conc31): four classes of shared state without locks and of unbounded queues, each as defect diffs and
 * clean look-alikes modelled on real fixes of other repositories (SOURCES.md in each folder). Every defect diff must
 * get exactly its expected findings of the class's item (active, any confidence), every clean one none:
 * <ul>
 * <li>CONC-03, a Go lock deleted around a write of shared state: a package-level value's map field, a name declared
 * outside the goroutine the write runs in, a lock and unlock deleted in a hunk below the function's signature
 * ({@code engine/RemovedLockScope});</li>
 * <li>CONC-03, a slice that goroutines started in a loop (or errgroup tasks) append to with no lock
 * ({@code go-slice-appended-by-goroutines});</li>
 * <li>CONC-03, a Java concurrent collection built by a factory ({@code ConcurrentHashMap.newKeySet()},
 * {@code Collections.newSetFromMap}, Guava's concurrent sets and maps) swapped for a plain one
 * ({@code engine/ReplacedConcurrentCollections});</li>
 * <li>CONC-02, a Java blocking queue that loses its capacity ({@code engine/DroppedQueueBounds});</li>
 * <li>CONC-03, precision: a plain collection field of a command-line program that starts no thread, or written only
 * in the container's lifecycle callbacks ({@code @PreDestroy}, {@code afterSingletonsInstantiated}), is confined to
 * one thread; the same class with a pool or a request method writing the field is still reported
 * ({@code engine/ConfinedTypes}).</li>
 * </ul>
 */
class Conc31ClassesTest {

    @ParameterizedTest
    @CsvSource({
            "conc31-go-lock-deleted-shared, CONC-03",
            "conc31-go-append-by-goroutines, CONC-03",
            "conc31-java-collection-downgraded, CONC-03",
            "conc31-java-queue-bound-dropped, CONC-02",
            "conc31-java-confined-collections, CONC-03"})
    void each_class_diff_gets_exactly_its_expected_findings(String folder, String item) {
        ClassDiffs25.check(folder, Set.of(item));
    }
}
