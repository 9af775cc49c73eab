package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 41 (branch err41); each directory under {@code review/classes25/} holds defects in different
 * libraries and shapes, modelled on real fixes in other repositories (its SOURCES.md), and clean look-alikes the same
 * rules must not report.
 * <ul>
 * <li>Java: an existing catch whose throw, or whose call handing the exception to a failure handler or callback, the
 * change deletes, leaving the catch going on with nothing but a return, a skip, another answer or a counter. Clean: a
 * log line with the cause in its place, a retry, a failure mark, the hand-off through a renamed helper, a comment, an
 * end-of-stream exception.</li>
 * <li>Go: an error branch whose hand-on the change turns into a nil answer while the branch keeps only clean-up (a
 * field reset, a close, a flag cleared). Clean: a comment saying why, the reset added beside the kept return, an
 * error answered to the HTTP client, a retry loop.</li>
 * </ul>
 */
class Err41ClassesTest {

    @Test
    void a_java_catch_that_stops_handing_its_failure_on_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err41-java-catch-hand-off-deleted", Set.of("ERR-01"));
    }

    @Test
    void a_go_error_branch_answering_nil_after_clean_up_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err41-go-error-branch-answers-nil", Set.of("ERR-01"));
    }
}
