package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A periodic task whose catch rethrows is one defect with two lines, the schedule call and the {@code throw}; the
 * review names the line the change wrote ({@link ScheduledFailurePairs}): the {@code throw} when it is new (also in a
 * new file, where the schedule call is new too), the schedule call when it makes an old rethrowing method periodic.
 * Clean: a catch that logs.
 */
class ScheduledFailurePairsTest {

    @Test
    void a_rethrow_in_a_periodic_task_is_named_on_the_line_the_change_wrote() {
        ClassDiffs25.check("lead33-rethrow-schedule-pairs", Set.of("CONC-07"));
    }
}
