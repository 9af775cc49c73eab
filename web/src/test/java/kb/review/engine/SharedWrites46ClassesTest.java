package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 46 (branch conc46), under {@code review/classes25/conc46-shared-writes-in-view/} with its
 * SOURCES.md: shared state written where the diff shows the write. Java: a concurrent collection swapped for a plain
 * one whose values are locks or atomics (the type arguments are what the map holds, not a guard the change brings).
 * Go: a per-key count ({@code m[k]++}, a map of maps) written by a goroutine or an HTTP handler is a map write; a
 * struct declaring a mutex beside a map counts in a file shown in part when the writer's method is in view down to
 * the write. Clean: the write under synchronized or the mutex, a confined local, a writer whose comment says the
 * caller holds the lock, a method whose head is out of sight.
 */
class SharedWrites46ClassesTest {

    @Test
    void shared_writes_in_view_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("conc46-shared-writes-in-view", Set.of("CONC-03"));
    }

    /**
     * CONC-04 beside it: a value that installs itself as the thread's current one ({@code context.bindToThread()})
     * and is never taken off, under {@code review/classes25/conc46-self-installed-thread-state/}.
     */
    @Test
    void a_value_installed_on_the_thread_and_never_cleared_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("conc46-self-installed-thread-state", Set.of("CONC-04"));
    }
}
