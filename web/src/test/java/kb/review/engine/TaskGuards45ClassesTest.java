package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 45 (branch conc45), under {@code review/classes25/conc45-task-guards-dropped/} with its SOURCES.md:
 * a task handed to another thread loses the guard around its body. Java: the catch-all that wrapped the body of the
 * lambda given to {@code new Thread}, {@code execute} (CONC-01) or a {@code schedule} call (CONC-07) is deleted, or
 * the guarding lambda is replaced by the bare task it ran ({@code task.run()} → {@code task}). Go: the recovering
 * wrapper is deleted and the goroutine now starts the call it wrapped. Clean: the guard moved into a helper the
 * change adds, a catch that only rethrew, the thread deleted with its guard, a submitted task whose future is read,
 * the recover moved into the started method.
 */
class TaskGuards45ClassesTest {

    @Test
    void a_task_that_lost_its_guard_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("conc45-task-guards-dropped", Set.of("CONC-01", "CONC-07"));
    }
}
