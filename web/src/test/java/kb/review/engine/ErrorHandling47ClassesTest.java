package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 47 (branch err47), the directories {@code review/classes25/err47-emptied-catches/} and
 * {@code review/classes25/err47-receiver-typed-blanks/} with their SOURCES.md. Java: a catch the change empties of
 * its warning, leaving a comment under a parameter renamed {@code ignored}, or under a header whose brace stands on
 * its own line; clean: a debug line dropped, a close-only try, a new fall-back. Go: a call's error put in {@code _},
 * judged by the method of the receiver's own type; clean: a receiver of a type whose methods the diff does not show,
 * a plain call of a function named like another type's method.
 */
class ErrorHandling47ClassesTest {

    @Test
    void catches_emptied_of_their_warning_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("err47-emptied-catches", Set.of("ERR-01"));
    }

    @Test
    void blank_errors_are_judged_by_the_receivers_own_method() {
        ClassDiffs25.check("err47-receiver-typed-blanks", Set.of("ERR-01"));
    }
}
