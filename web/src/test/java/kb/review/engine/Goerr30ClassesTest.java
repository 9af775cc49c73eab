package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Go ERR-01 as general passes (session 30, branch goerr30), each class from real fixes in several repositories (the
 * SOURCES.md of each {@code classes25/goerr30-*} directory), defects beside clean look-alikes the same rule must not
 * report.
 * <ul>
 * <li>An error value nobody reads ({@code go-error-value-never-read}, ineffassign for errors): overwritten by a
 * redeclaration, shadowed by the next check's own {@code err}, dead at a return, a named result replaced at the
 * return. Clean: the fixes, a named result read by a deferred rollback, an error read in a loop condition.</li>
 * <li>A call whose last result is an error made as a bare statement ({@code go-error-result-unchecked}, errcheck with
 * the library models of {@code go-errcheck-30.yaml} and the file's own functions): {@code rows.Err()}, a clientset's
 * {@code UpdateStatus}, controller-runtime's status writer, {@code os.MkdirAll}, {@code json.Unmarshal}, an own
 * persist helper, an own method on its receiver. Clean: the fixes, prints and in-memory writes, own close/remove
 * helpers on the way out, a same-name method of another type.</li>
 * <li>A failure swallowed in its error branch ({@code go-error-branch-swallows-failure}) of a function with an error
 * result: a status update logged at {@code klog.V(4)}, a read error turned into a nil payload, a save logged with
 * logrus before {@code return nil}. Clean: the fix, a branch whose comment says why, a clean-up's failure, a loop's
 * per-item skip, a parse fall-back, an {@code os.IsNotExist} check.</li>
 * </ul>
 */
class Goerr30ClassesTest {

    @Test
    void an_error_value_nobody_reads_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("goerr30-unread-error", Set.of("ERR-01"));
    }

    @Test
    void a_bare_call_dropping_an_error_result_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("goerr30-unchecked-call", Set.of("ERR-01"));
    }

    @Test
    void a_failure_swallowed_in_its_error_branch_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("goerr30-swallowed-branch", Set.of("ERR-01"));
    }
}
