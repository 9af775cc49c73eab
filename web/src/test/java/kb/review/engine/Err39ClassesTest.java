package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 39 (branch err39); each directory under {@code review/classes25/} holds defects in different
 * libraries and shapes, modelled on real fixes in other repositories (its SOURCES.md), and clean look-alikes the same
 * rules must not report.
 * <ul>
 * <li>Go: a checked error named for its step ({@code convErr}, {@code decodeErr}, {@code readErr}) whose check the
 * change drops: the call made with {@code _} in that place, or the error branch left skipping (ERR-01,
 * {@code go-checked-error-now-dropped} and {@code go-error-branch-no-longer-returns}). Clean: the check moved into a
 * helper, a branch that warns with the error and keeps a cached value, a callee whose own error result goes.</li>
 * <li>Java: a catch the change edits to answer the failure as a success and say nothing: a 200 response (Spring, a
 * servlet status), a gRPC reply completed without an error, a queue delivery acknowledged; and a catch whose only log
 * line with the cause is deleted, leaving {@code return false} (ERR-01, {@code java-catch-failure-silenced}). Clean:
 * a catch that logs and counts, an answer whose body carries the failure, {@code onError} kept, an ack after a
 * dead-letter record, a commented ack of a duplicate, a reworded warning with the cause.</li>
 * </ul>
 */
class Err39ClassesTest {

    @Test
    void a_step_named_go_error_whose_check_goes_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err39-go-step-named-error", Set.of("ERR-01"));
    }

    @Test
    void a_java_catch_answering_success_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err39-java-catch-answers-success", Set.of("ERR-01"));
    }
}
