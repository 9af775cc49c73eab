package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 37 (branch conc37); each directory under {@code review/classes25/} holds defects in different
 * libraries and shapes, modelled on real fixes in other repositories (its SOURCES.md), and clean look-alikes the same
 * rules must not report.
 * <ul>
 * <li>A scheduled task left without a catch-all (CONC-07, {@code java-scheduled-task-without-catch}, analysis
 * {@code task-catches-all}): an edit that deletes the catch around the body of a Timer's task, an executor's lambda or
 * the method a method reference runs, reported where the deleted guard stood even when the body's lines are kept
 * as they were; a {@code TimerTask} held in a local or a field and handed to a Timer's one-shot {@code schedule}; a
 * task that schedules its own method again (a hand-made periodic chain of one-shot schedules). Clean: the chain's
 * next schedule in a {@code finally}, a reconnect rescheduled from its catch, a one-shot delayed call of another
 * method, a held TimerTask that catches Throwable, a catch widened, a held Runnable on an executor's one-shot
 * schedule, a catch removed from a method no task runs.</li>
 * </ul>
 */
class Conc37ClassesTest {

    @Test
    void a_scheduled_task_left_without_a_catch_all_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("conc37-scheduled-task-unguarded", Set.of("CONC-07"));
    }
}
