package kb.review.analysis;

import java.util.NavigableMap;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.analysis.Lifecycle.Acquisition;

/**
 * Go resources acquired on a line the change only rewrote, in a function a pasted hunk cuts: the deleted lines the
 * added ones replace already acquired into the same variable by the same call or by a call of the same model
 * ({@code -db, err := bolt.Open(path, 0666, opts)} becomes {@code +db, err := bolt.Open(path, 0600, opts)}), and the
 * function goes on below the hunk in code the change left alone. That code held the old value and is where RES-01's
 * own idiom sits ({@code defer db.Close()} on the line after the error check), out of sight. Judged false on the
 * twelfth held-out precision set (W: bbolt's commands, whose deferred close is the line below the hunk).
 *
 * <p>A path that only reaches where the diff stops has not left the function, so it is not followed; returns shown
 * before the cut still are. Not covered, and still followed off the cut: a value the change brings in fresh, one
 * whose old line got it from a call no model acquires with (a cache's accessor: the code below was written for a
 * borrowed value and has no close), and one whose release the change deletes inside the function. This is what
 * {@link CutTransactions} does for transactions, with the old line read instead of the variable's name alone.
 */
final class RewrittenAcquisitions {

    private static final Pattern ASSIGN = Pattern.compile(
            "(?m)^\\s*(?:var\\s+)?([\\p{L}_][\\w]*(?:\\s*,\\s*[\\p{L}_][\\w]*)*)\\s*:?=\\s*&?([\\p{L}_][\\w.]*)\\s*\\(");

    private RewrittenAcquisitions() {
    }

    /**
     * True when paths of {@code a} that fall off its cut function's end are not followed: a resource, its function's
     * closing brace not shown ({@code cut}), acquired on an added line that replaces deleted lines acquiring into
     * the same variable, and whose release no deleted line of its function ({@code removedInside}) made.
     *
     * @param removed   the change's deleted lines keyed by the new line they stood before
     * @param addedLine which lines of the new side the change added
     */
    static boolean endedBelowCut(Acquisition a, boolean cut, NavigableMap<Integer, String> removed,
                                 IntPredicate addedLine, String removedInside) {
        if (!cut || !a.model().kind().equals("resource") || a.var().isEmpty() || a.var().contains(".")) {
            return false;
        }
        String old = replaced(a.at().line, removed, addedLine);
        return old != null && acquiredBefore(a, old) && !CutTransactions.endRemoved(a, removedInside);
    }

    /** The deleted lines that the run of added lines holding {@code line} replaces, or null when it replaces none. */
    static String replaced(int line, NavigableMap<Integer, String> removed, IntPredicate addedLine) {
        if (!addedLine.test(line)) {
            return null;
        }
        int first = line;
        while (addedLine.test(first - 1)) {
            first--;
        }
        NavigableMap<Integer, String> run = removed.subMap(first, true, line, true);
        return run.isEmpty() ? null : String.join("", run.values());
    }

    /** True when a deleted line assigned the variable from the same callee or from a call of the same model. */
    private static boolean acquiredBefore(Acquisition a, String old) {
        Matcher now = ASSIGN.matcher(a.at().text());
        String callee = now.find() ? now.group(2) : null;
        Matcher m = ASSIGN.matcher(old);
        while (m.find()) {
            boolean same = false;
            for (String name : m.group(1).split("\\s*,\\s*")) {
                same |= name.strip().equals(a.var());
            }
            if (!same) {
                continue;
            }
            if (m.group(2).equals(callee)) {
                return true;
            }
            for (Model.Acquire q : a.model().acquires()) {
                if (q.call() != null && !q.tracksReceiver() && q.call().matcher(m.group(2)).find()) {
                    return true;
                }
            }
        }
        return false;
    }
}
