package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Task and thread failure classes of session 35 (branch task35). Each directory under {@code classes25/task35-*} holds
 * defects in several shapes and clean look-alikes the same rules must not report (its SOURCES.md names the real fixes
 * each was modelled on).
 * <ul>
 * <li>A periodic task's call left with nothing catching around it, no {@code throw} in sight: a deleted catch-all
 * around a kept call in a scheduler's tick, a heartbeat or a repeating plugin task, and a new task method's element
 * call ({@link UnguardedTaskCalls}, CONC-07). Clean: the guard moved into a helper, a one-time close, a dropped catch
 * that only rethrew, a sweep that hands each element to a same-file catch-all helper (DelegatedGuards).</li>
 * <li>A kept thread whose uncaught-exception handler the change deletes: a worker thread, a thread factory's thread,
 * a factory builder's chain ({@link RemovedThreadHandlers}, CONC-01). Clean: the thread goes with its handler, the
 * handler moves to a builder or under a check.</li>
 * <li>A future kept in a map or a list whose outcome nothing reads, at most cancelled at shutdown (rule
 * {@code java-future-kept-never-read}, CONC-06). Clean: a completion callback, the futures read with get() elsewhere,
 * a task that catches and logs, a future returned to the caller.</li>
 * </ul>
 */
class Task35ClassesTest {

    @Test
    void a_periodic_task_call_left_unguarded_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("task35-periodic-task-call-unguarded", Set.of("CONC-07"));
    }

    @Test
    void a_deleted_thread_handler_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("task35-thread-handler-removed", Set.of("CONC-01"));
    }

    @Test
    void a_future_kept_but_never_read_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("task35-future-kept-never-read", Set.of("CONC-06"));
    }
}
