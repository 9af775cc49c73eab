package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 44 (branch conc44), directory {@code review/classes25/conc44-unguarded-shared-state} with its
 * SOURCES.md.
 * <ul>
 * <li>A Go type the file shows whole that declares a mutex beside a map and never takes it, with a method that writes
 * the map: {@link kb.review.analysis.GuardedFields}. Clean: the method takes the mutex; a type with no mutex.</li>
 * <li>A deleted lock around a map that a {@code time.AfterFunc} callback also deletes from (the callback runs on a
 * goroutine of its own): {@link RemovedLockScope}. Clean: the map made a {@code sync.Map}. A lookup followed by an
 * unconditional store keeps its finding at the store.</li>
 * <li>A local concurrent collection made plain while the block that declares it goes on to hand work to a pool:
 * {@link ReplacedConcurrentCollections}. Clean: a local filled by a plain loop.</li>
 * <li>A command built and sent in one chain whose completion handler the edit drops, and a send that loses its
 * completion callback argument: CONC-06 through {@link DroppedFutureObservers}. Clean: the future returned to the
 * caller.</li>
 * <li>A goroutine started per frame a serving loop reads ({@code ReadFrame}, {@code ReadFromUDP}): CONC-02's
 * {@code go-goroutine-per-read-message}. Clean: a semaphore slot taken before the launch.</li>
 * </ul>
 */
class UnguardedState44ClassesTest {

    @Test
    void unguarded_shared_state_dropped_futures_and_per_frame_goroutines_are_reported_and_look_alikes_are_not() {
        ClassDiffs25.check("conc44-unguarded-shared-state", Set.of("CONC-02", "CONC-03", "CONC-06"));
    }
}
