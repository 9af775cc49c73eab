package kb.review.analysis;

import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.analysis.Lifecycle.Acquisition;

/**
 * Go cancel functions made on a line the change left alone, in a function a pasted hunk cuts: the code below the hunk,
 * which the change did not touch either, is where such a function's cancel goes on being called, deferred, stored or
 * returned (a subscription that keeps it, a run loop's stop). A path that only reaches where the diff stops has not
 * left the function, so it is not followed; returns shown before the cut still are. Followed off the cut as before: a
 * context the change makes anew, and one whose cancel call the change deletes, unless that call ran only when a panic
 * was recovered ({@link #panicOnly}): deleting a recover branch (CONC-01's defect) leaves the paths below the hunk as
 * they were (round 40's go-06, fission's kafka trigger).
 */
public final class CutCancels {

    private static final Pattern RECOVER = Pattern.compile("\\brecover\\s*\\(\\s*\\)");

    private CutCancels() {
    }

    /**
     * True when {@code a} is a cancel function of a cut function ({@code cut}), made on a line the change did not add,
     * and no deleted line of the function ({@code removedInside}) called it outside a function literal.
     */
    static boolean endedBelowCut(Acquisition a, boolean cut, BiPredicate<Integer, String> added,
                                 String removedInside) {
        if (!cut || !a.model().kind().equals("cancel") || a.var().isEmpty() || a.var().equals("_")
                || added.test(a.at().line, a.var())) {
            return false;
        }
        Matcher call = Pattern.compile("(?<![\\w.])" + Pattern.quote(a.var()) + "\\s*\\(").matcher(removedInside);
        while (call.find()) {
            if (!panicOnly(removedInside.substring(0, call.start()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the text before a call (deleted lines, in order) tests {@code recover()} and opens a block it has not
     * closed by the call: the call ran only on a recovered panic.
     */
    public static boolean panicOnly(String before) {
        Matcher r = RECOVER.matcher(before);
        int last = -1;
        while (r.find()) {
            last = r.end();
        }
        if (last < 0) {
            return false;
        }
        int depth = 0;
        for (char c : before.substring(last).toCharArray()) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        }
        return depth > 0;
    }
}
