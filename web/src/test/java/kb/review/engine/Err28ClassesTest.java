package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ERR-01 classes of session 28 (branch err28), from round 24's misses; each directory holds five or more defects in
 * different libraries and shapes and clean look-alikes the same rule must not report.
 * <ul>
 * <li>A Go check that only logged the failure of a call that delivers something (an encode, a write, a send, a
 * publish, a flush, a render, an ack), deleted with the call kept bare (round 24's go-08;
 * {@code dropped-logged-output-error}). Clean: a logged check of a call that delivers nothing, a sweep of three
 * checks at once, a best-effort deadline setter, the check kept around a helper.</li>
 * <li>A Go function with an error result whose loop only logs each failure and then returns nil (go-27;
 * {@code go-loop-failures-only-logged}). Clean: the failures joined or counted and returned, a clean-up loop, a loop
 * of a function without an error result, a comment that says why.</li>
 * <li>A Java catch of a failure of the work whose whole body returns an empty result (java-12;
 * {@code java-work-failure-answered-empty}). Clean: a failure of the input, a method named for its fall-back, a
 * result built from the exception, a comment that says why.</li>
 * <li>A Go discard that an edit keeps, only changing the call's arguments (set 20's incus revert loop;
 * {@code go-error-assigned-to-blank}'s reject): the drop is the old code's. A discard that replaces a checked call or
 * another callee's discard stays reported.</li>
 * <li>Breadth: fix shapes of public repositories (the README's err28 section names them): a bare encode or write
 * before {@code return nil} in a function with an error result ({@code go-delivery-error-dropped-before-nil}), a
 * cataloger that logs each parse failure, a csv writer flushed in a defer, a directory listing answered empty, a
 * Reactor step resumed empty; each beside its fix.</li>
 * </ul>
 */
class Err28ClassesTest {

    @Test
    void a_logged_check_of_a_delivering_call_made_bare_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err28-go-logged-output-check-removed", Set.of("ERR-01"));
    }

    @Test
    void a_loop_that_only_logs_failures_before_returning_nil_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err28-go-loop-failures-only-logged", Set.of("ERR-01"));
    }

    @Test
    void a_work_failure_answered_with_an_empty_result_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err28-java-failure-answered-empty", Set.of("ERR-01"));
    }

    @Test
    void a_discard_whose_arguments_the_edit_changes_is_the_old_codes_and_a_new_discard_is_reported() {
        ClassDiffs25.check("err28-go-discard-kept-by-edit", Set.of("ERR-01"));
    }

    @Test
    void go_error_fix_shapes_of_the_breadth_pass_are_reported_and_their_fixes_are_not() {
        ClassDiffs25.check("err28-breadth-go", Set.of("ERR-01"));
    }

    @Test
    void java_error_fix_shapes_of_the_breadth_pass_are_reported_and_their_fixes_are_not() {
        ClassDiffs25.check("err28-breadth-java", Set.of("ERR-01"));
    }
}
