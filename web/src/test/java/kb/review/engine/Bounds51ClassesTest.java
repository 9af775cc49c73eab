package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 51 (branch tmo51): TMO-01 bounds a Go change takes off a blocking call it keeps
 * ({@code review/classes25/tmo51-bounds-taken-off/}, with its SOURCES.md): a derived deadline context deleted, made
 * bare, or its call rewritten into the form without a context ({@link DroppedDeadlineContexts}); a connection's
 * checked deadline setter deleted while only a test of the change names a timeout, and a bare {@code Timeout} field
 * deleted from settings that name their peer ({@link GoStrippedTimeouts}). Clean: the deadline moved into an added
 * helper, a cancel-only context made bare, a function deleted whole, a job's timeout, a deadline-clearing setter, a
 * test's own deadline.
 */
class Bounds51ClassesTest {

    @Test
    void bounds_taken_off_kept_calls_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("tmo51-bounds-taken-off", Set.of("TMO-01"));
    }
}
