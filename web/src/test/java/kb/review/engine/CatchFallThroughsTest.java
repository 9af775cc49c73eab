package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ERR-01 class of session 33 (branch err33), the Java side of {@link LoggedFailureUsesTest}: a catch whose throw the
 * change deletes, left logging the exception (a warning or a SEVERE line with its cause, which alone reads as a
 * fall-back said out loud), after which the code reads what the try should have assigned ({@link CatchFallThroughs},
 * through {@code java-catch-handling-replaced-by-log}). Clean: the value tested for null after the warning, a fall-back
 * that never reads the failed value.
 */
class CatchFallThroughsTest {

    @Test
    void a_catch_left_logging_whose_try_value_is_read_below_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err33-java-catch-logged-value-used", Set.of("ERR-01"));
    }
}
