package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 49 (branch guard49), the directory {@code review/classes25/guard49-lock-discipline/} with its
 * SOURCES.md: Go state used without the lock that the same function or the type's other methods take for it
 * ({@link kb.review.analysis.GuardedFields}). A map looked up before the lock the function inserts under (a receiver's
 * field or a package-level map), a slice grown without the mutex its type declares or its locked methods take.
 * Java: a plain collection that a member uses under a lock ({@code synchronized} or a {@code Lock}), written by
 * another method without it ({@link SharedCollections}). Clean: the lookup under the read lock and checked again
 * under the write lock; a map the function makes itself; an append in a constructor or under the lock; the Java
 * write moved inside the monitor; a map filled by the constructor.
 */
class Guard49ClassesTest {

    @Test
    void state_used_off_the_lock_its_function_or_type_takes_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("guard49-lock-discipline", Set.of("CONC-03"));
    }
}
