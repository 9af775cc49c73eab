package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ERR-01 class of session 36 (branch err36): a Go edit that blanks a call's error ({@code v, _ := f(...)}) and
 * deletes its check a few lines below, past statements it keeps that do not touch the error (a deferred close, a
 * cancel, an unlock): {@code go-checked-error-now-dropped}, which before looked only at the line right after the call.
 * Quiet: an old check that only logged, a deleted check of another error assigned in between.
 */
class CheckPastStatementTest {

    @Test
    void the_class_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err36-go-check-past-statement", Set.of("ERR-01"));
    }
}
