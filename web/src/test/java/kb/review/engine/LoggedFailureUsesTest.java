package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ERR-01 class of session 33 (branch err33): a Go failure that is only logged, after which the code reads the value
 * the failed call produced ({@code go-failed-value-used-after-log}, {@code analysis/GoLoggedFailureUses}). Defects: a
 * transaction whose Begin failed used below the log, a failed GET's response read, a decode into an empty struct
 * answered as the result, a loop's failed lookup dereferenced in the same turn. Clean: the fix that returns, a value
 * filled with defaults before the decode, a value tested for nil, a fatal log, a fall-back assigned before any read.
 */
class LoggedFailureUsesTest {

    @Test
    void a_failure_only_logged_whose_value_is_then_read_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err33-go-logged-value-used", Set.of("ERR-01"));
    }
}
