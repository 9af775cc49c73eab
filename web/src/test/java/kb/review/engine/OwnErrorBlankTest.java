package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ERR-01 class of session 35 (branch err35): the error of a function the change declares, assigned to {@code _} while
 * the value beside it is kept ({@code go-own-error-assigned-to-blank}). Quiet: a comment of why, a second result that
 * is not an error, a checked error.
 */
class OwnErrorBlankTest {

    @Test
    void the_class_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err35-go-own-error-blank", Set.of("ERR-01"));
    }
}
