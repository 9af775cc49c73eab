package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 46 (branch err46), the directory {@code review/classes25/err46-blank-errors/} with its SOURCES.md:
 * a call's error, its last result, put in {@code _} while a value beside it is kept, known by the callee's declaration
 * in the change (in any of its files) or by Go's convention that the last of two or more results is the error.
 * Clean: standard calls whose last result is a flag or a second value, the change's own lookup declared with a flag,
 * a kept value tested for nil, a body read only for an error's message, a comment of why and flag getters.
 */
class BlankErrors46ClassesTest {

    @Test
    void errors_put_in_blank_beside_a_kept_value_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("err46-blank-errors", Set.of("ERR-01"));
    }
}
