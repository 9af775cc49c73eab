package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 47 (branch conc47), under {@code review/classes25/conc47-guarded-writes-off-lock/} with its
 * SOURCES.md: shared state written off the lock the code itself takes for it. Go: a method that takes its type's lock
 * for a map writes the map after the unlock or under the read lock only. Java: a write kept after the change deletes
 * the {@code synchronized} block that locked on that very collection, the method's head out of sight. Clean: the
 * double-checked store under the write lock, an early unlock in a branch that returns, a write in a callback a locking
 * helper runs, a deleted block on a list the method creates.
 */
class GuardedWrites47ClassesTest {

    @Test
    void a_write_off_the_lock_the_code_takes_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("conc47-guarded-writes-off-lock", Set.of("CONC-03"));
    }
}
