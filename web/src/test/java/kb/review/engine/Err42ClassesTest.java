package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 42 (branch err42); each directory under {@code review/classes25/} holds defects in different
 * libraries and shapes, modelled on real fixes in other repositories (its SOURCES.md), and clean look-alikes the same
 * rules must not report.
 * <ul>
 * <li>Go: an edit that turns {@code err =} into {@code err :=} in a nested scope while the code after the scope reads
 * the outer error. Clean: the inner error returned from its block, the outer one written again first, nothing reading
 * it, a declaration in the function's own block.</li>
 * <li>Go: a call's error that was returned (directly, or kept in one name and returned next) made a bare call. Clean:
 * the call checked, the error still returned, a function that answers no error.</li>
 * <li>Go: the hand-on of an error deleted from a kept error branch that then only leaves a result-less function or
 * skips the item. Clean: a named result, an error log with the error, a renamed handler, a comment.</li>
 * </ul>
 */
class Err42ClassesTest {

    @Test
    void an_error_shadowed_by_an_edit_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err42-go-error-shadowed-by-edit", Set.of("ERR-01"));
    }

    @Test
    void a_returned_error_made_a_bare_call_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err42-go-returned-error-made-bare", Set.of("ERR-01"));
    }

    @Test
    void a_loop_error_whose_hand_on_is_deleted_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err42-go-loop-error-hand-on-deleted", Set.of("ERR-01"));
    }
}
