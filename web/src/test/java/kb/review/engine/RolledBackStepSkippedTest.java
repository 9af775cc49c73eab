package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ERR-01 class of session 34 (branch err34): inside a kept {@code if err != nil}, the change deletes the return of the
 * error and leaves a branch that rolls the step's transaction back, logs the failure (with its error, through any
 * logger: zap fields, the standard logger, a logrus chain, slog) and skips or answers nil
 * ({@code go-error-branch-no-longer-returns}, {@code engine/GoRemovedErrorHandling}). A log line with the error used
 * to read as a fall-back said out loud (FM); a rollback says the unit of work failed, and skipping it is the regression
 * (round 32's go-14). Clean: the fix, an independent item logged with its cause and no rollback (FM stays quiet), a
 * skip with a comment, a rolled-back failure collected for the end.
 */
class RolledBackStepSkippedTest {

    @Test
    void a_rolled_back_step_logged_and_skipped_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err34-go-rolled-back-step-skipped", Set.of("ERR-01"));
    }
}
