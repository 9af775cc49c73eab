package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 40 (branch conc40); each directory under {@code review/classes25/} holds defects in different
 * libraries and shapes, modelled on real fixes in other repositories (its SOURCES.md), and clean look-alikes the same
 * rules must not report.
 * <ul>
 * <li>A Go job's recover deleted from the named function that runs one turn of scheduled work (CONC-07,
 * {@code job-recover-deleted}): a cron entry's {@code Run}, an interval runner's turn, a queue scheduler's per-job
 * handler. Clean: the recover moved into the scheduler, replaced by a deferred helper, deleted with its function, in a
 * decoder nothing schedules, in a test.</li>
 * </ul>
 */
class Conc40ClassesTest {

    @Test
    void a_deleted_recover_of_a_named_job_function_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("conc40-go-job-recover-deleted", Set.of("CONC-07"));
    }
}
