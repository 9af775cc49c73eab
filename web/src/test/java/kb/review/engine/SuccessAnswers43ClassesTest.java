package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 43 (branch log43), {@code review/classes25/log43-success-answers/} with its SOURCES.md: a catch
 * whose failure answer ({@code return FormValidation.error(...)}, {@code SaveOutcome.failure(...)}) or rethrow the
 * change replaces by the result type's own success answer ({@code FormValidation.ok()}, {@code SaveOutcome.success()},
 * {@code SyncResult.success()}), ERR-01 through {@code java-failure-handling-replaced-by-default} (an HTTP framework's
 * success response is {@code SilencedCatches}'). Clean: the error
 * reworded, an error relaxed on the success path, a warning answer, a more specific failure answer.
 */
class SuccessAnswers43ClassesTest {

    @Test
    void a_failure_answered_as_success_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("log43-success-answers", Set.of("ERR-01"));
    }
}
