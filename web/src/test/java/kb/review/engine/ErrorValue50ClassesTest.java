package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 50 (branch err50): ERR-01 Go edits that keep the failing call but take its error value out of
 * what the code does next ({@code review/classes25/err50-error-value-dropped/}, with its SOURCES.md): a binding
 * written over several lines whose error becomes {@code _} and whose log-and-return goes, a returned error that keeps
 * its message and loses its wrapped cause, a check reported through the project's own error reporter made a bare
 * call, a removal whose failure used to fail the step made a bare call. Clean: the cause mapped to a sentinel or
 * moved into a typed error, a reworded message that still wraps, a scratch-file removal that only logged, a
 * multi-line binding that only logged taken as {@code _}, the old message moved to a new presence check below a
 * reworded return that still wraps.
 */
class ErrorValue50ClassesTest {

    @Test
    void error_values_an_edit_drops_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("err50-error-value-dropped", Set.of("ERR-01"));
    }
}
