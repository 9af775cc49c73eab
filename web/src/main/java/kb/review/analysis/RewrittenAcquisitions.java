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
 * {@link CutTransactions} does for transactions, with the old line read instead of the variable's name alone. Nor is
 * a rewrite that renames what the statement assigns (the eighth set's telegraf socket writer: {@code c, err =} became
 * {@code c, sockErr =} with the error checks moved, and a return below the hunk leaks the connection).
 */
final class RewrittenAcquisitions {

    private static final Pattern ASSIGN = Pattern.compile(
            "(?m)^\\s*(?:var\\s+)?([\\p{L}_][\\w]*(?:\\s*,\\s*[\\p{L}_][\\w]*)*)\\s*(:?=)\\s*&?([\\p{L}_][\\w.]*)\\s*\\(");

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

    /**
     * True when a deleted line made the same assignment (the same names on the left, {@code :=} or {@code =} alike)
     * from the same callee or from a call of the same model: only the call changed. A rewrite that renames what the
     * statement assigns ({@code c, err = net.Dial(...)} becoming {@code c, dialErr = net.Dial(...)}, its error now
     * checked further down) restructures the code around the value, and the code below may have changed with it.
     */
    private static boolean acquiredBefore(Acquisition a, String old) {
        Matcher now = ASSIGN.matcher(a.at().text());
        if (!now.find()) {
            return false;
        }
        String names = now.group(1).replaceAll("\\s+", "");
        Matcher m = ASSIGN.matcher(old);
        while (m.find()) {
            if (!m.group(1).replaceAll("\\s+", "").equals(names) || !m.group(2).equals(now.group(2))) {
                continue;
            }
            if (m.group(3).equals(now.group(3))) {
                return true;
            }
            for (Model.Acquire q : a.model().acquires()) {
                if (q.call() != null && !q.tracksReceiver() && q.call().matcher(m.group(3)).find()) {
                    return true;
                }
            }
        }
        return false;
    }
}
