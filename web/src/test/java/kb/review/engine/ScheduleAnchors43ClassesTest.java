package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 43 (branch anchor43), each directory under {@code review/classes25/} with its SOURCES.md.
 * <ul>
 * <li>Which line names a periodic Java task that ends on its first failure ({@link ScheduledFailurePairs}): the
 * schedule call when the task has no guard at all, also when the change writes a throw in it out of a narrower catch
 * or an if (a new shipper wrapping I/O failures unchecked, a cache that throws when nothing is cached, a lambda's
 * guard moved into a helper with a narrower catch); the throw when a catch-all rethrows. Clean: the same tasks whose
 * catch logs every failure.</li>
 * </ul>
 */
class ScheduleAnchors43ClassesTest {

    @Test
    void a_task_without_a_guard_is_named_at_its_schedule_and_a_catch_all_rethrow_at_its_throw() {
        ClassDiffs25.check("anchor43-schedule-anchors", Set.of("CONC-07"));
    }
}
