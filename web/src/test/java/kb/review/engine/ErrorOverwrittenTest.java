package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ERR-01 class of session 36 (branch err36): a Go edit that turns a checked call into a plain assignment of its error
 * which the next lines overwrite before reading it ({@code _, err = tx.Exec(a)} then {@code if _, err := tx.Exec(b);
 * ...}): {@code go-checked-error-now-dropped} through {@link OverwrittenErrors}. Quiet: the error checked right below,
 * an error joined and returned after a loop.
 */
class ErrorOverwrittenTest {

    @Test
    void the_class_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err36-go-error-overwritten", Set.of("ERR-01"));
    }
}
