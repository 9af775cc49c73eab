package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 38 (branch err38); each directory under {@code review/classes25/} holds defects in different
 * libraries and shapes, modelled on real fixes in other repositories (its SOURCES.md), and clean look-alikes the same
 * rules must not report.
 * <ul>
 * <li>A Go edit that deletes the check of a call's error and keeps the call (ERR-01; TX-02 when the call begins a
 * transaction): the check in an else-if, a check whose branch collected the error for the caller, a Begin's error
 * blanked, gorm's {@code tx.Error} or a go-redis command's {@code Err()} check deleted under its kept assignment, a
 * logged check of a service registration. Clean: a logged Close or temporary-file removal, a gorm check moved, a
 * callee whose own error result the change removes, a check folded into a multierr append.</li>
 * <li>A failure callback on a wait for all parts of a fan-out ({@code allOf(parts).exceptionally(e -> null).join()},
 * ERR-01's java-failure-callback-drops-error): reported when nobody reads the parts' failures, left alone when each part
 * reports its own failure before the wait or the parts are sorted into done and failed after it.</li>
 * </ul>
 */
class Err38ClassesTest {

    @Test
    void a_deleted_check_of_a_kept_call_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err38-dropped-check", Set.of("ERR-01", "TX-02"));
    }

    @Test
    void a_wait_on_parts_nobody_observes_is_reported_and_observed_parts_are_not() {
        ClassDiffs25.check("err38-observed-futures", Set.of("ERR-01"));
    }
}
