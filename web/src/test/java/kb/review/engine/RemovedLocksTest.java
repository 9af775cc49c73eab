package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * CONC-03's shared state whose lock the change takes away (session 36, conc36; rule shared-write-lock-removed): a Go
 * counter map whose Lock/defer Unlock lines are deleted, a registry's embedded RWMutex dropped from the writer while the
 * readers keep RLock, a locked helper deleted and its write inlined at the call, an error slice appended by worker
 * goroutines after its lock lines go; a Java method losing {@code synchronized}, a refresh losing its write lock while
 * readers keep the read lock, a {@code synchronized} block removed. Class diffs under
 * {@code classes25/conc36-lock-removed}; clean: a sync.Map, a renamed mutex still locked, the lock moved to the caller
 * of a ...Locked helper, a type made sequential and documented not safe for concurrent use, a ConcurrentHashMap with an
 * AtomicInteger, a synchronized block instead of the modifier, a block's body moved into a private helper called
 * under the lock.
 */
class RemovedLocksTest {

    @Test
    void a_write_whose_lock_the_change_removes_is_reported_and_moved_or_replaced_locks_are_not() {
        ClassDiffs25.check("conc36-lock-removed", Set.of("CONC-03"));
    }
}
