package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session 31 (prec31): separators of large false classes on real commits, each with defect variants and clean
 * look-alikes under {@code review/classes25/prec31-*}.
 */
class Prec31ClassesTest {

    /**
     * RES-01, RES-02, TMO-03 (Go lifecycles): a changed or unchanged acquisition whose hunk stops right after it or
     * right after its error check, in a function that goes on below: the release slot is unchanged code the diff
     * leaves out ({@link HiddenReleaseSlots}). Defects: a fresh acquisition under a new name, a changed open whose next
     * statements are shown and do not close, a changed timeout context whose next statement is shown and no cancel.
     */
    @Test
    void releaseSlotLeftOutOfTheDiff() {
        ClassDiffs25.check("prec31-hidden-release-slot", Set.of("RES-01", "RES-02", "TMO-03"));
    }

    /**
     * TMO-01 (Go): an http.Client without Timeout, or http.DefaultClient, used in one function only to send requests
     * that each carry a context made there by context.WithTimeout or WithDeadline
     * ({@link kb.review.analysis.GoRequestDeadlines}). Defects: the caller's context, a WithCancel context, a
     * context-free Get beside the bounded request, the client kept in a field, a DefaultClient request built without a
     * context.
     */
    @Test
    void requestsCarryTheirOwnDeadline() {
        ClassDiffs25.check("prec31-request-deadline-client", Set.of("TMO-01"));
    }

    /**
     * RES-01 (Java): a ResultSet taken from a statement that an enclosing try-with-resources declares, in the try's
     * block with no loop between, is closed with the statement ({@link kb.review.analysis.StatementScopedResults}).
     * Defects: a result set per loop pass closed once after the loop, a statement left to its connection.
     */
    @Test
    void resultSetClosedWithItsStatement() {
        ClassDiffs25.check("prec31-result-set-closed-with-statement", Set.of("RES-01"));
    }
}
