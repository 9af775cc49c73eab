package kb.review.analysis;

import java.util.function.BiPredicate;
import kb.review.analysis.Lifecycle.Acquisition;

/**
 * Go transactions begun in a function that a pasted hunk cuts, on a line the change only rewrote: the old side of the
 * diff already began a transaction into the same variable ({@code -tx, err := s.db.Begin()} becomes
 * {@code +tx, err := s.master.Begin()}), and the function goes on below the hunk in code the change left alone. That
 * code is where TX-01's own idiom sits ({@code defer tx.Rollback()} right after the error check, then the commit, or
 * the wrapper the transaction is returned in), and the review cannot see it. Judged false on the eleventh held-out
 * precision set (FH: five polaris store functions whose deferred rollback is the line below the hunk; T: two factories
 * that return the transaction wrapped, below the hunk).
 *
 * <p>TX-01 asks that the transaction be ended on every path; a path that only reaches where the diff stops has not
 * left the function, so it is not followed. Returns and panics shown before the cut are still followed, and so is a
 * transaction the change began anew (nothing below the hunk knew of it), as the resource rule does for values the
 * change brought in ({@link LifecycleFacts#endUnseen(Cfg, Acquisition)}), and one whose rollback or commit the change
 * deletes (held-out rounds 7 and 10: a deferred rollback removed from a Save whose Begin stays in context): the code
 * below then no longer holds the end the function had.
 */
final class CutTransactions {

    private CutTransactions() {
    }

    /**
     * True when paths of {@code a} that fall off its function's end are not followed: a transaction, its function's
     * closing brace not shown ({@code cut}), begun on a line the change did not add fresh ({@code added} false), and
     * whose end no line of {@code removed} (the change's deleted lines inside its function) makes.
     */
    static boolean endedBelowCut(Acquisition a, boolean cut, BiPredicate<Integer, String> added, String removed) {
        return cut && a.model().kind().equals("transaction") && !a.var().isEmpty()
                && !added.test(a.at().line, a.var()) && !endRemoved(a, removed);
    }

    /** True when a deleted line of the change ends {@code a}'s variable by one of its model's releases. */
    static boolean endRemoved(Acquisition a, String removed) {
        for (String release : a.model().releases()) {
            String call = release.replace("{v}", a.var());
            int open = call.indexOf('(');
            if (open > 0 && removed.contains(call.substring(0, open + 1))) {
                return true;
            }
        }
        return false;
    }
}
