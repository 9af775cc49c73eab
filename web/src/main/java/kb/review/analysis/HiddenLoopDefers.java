package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kb.review.diff.CodeText;
import kb.review.diff.SourceFile;

/**
 * Go defers in a loop whose header the diff does not show. An edit that inlines a per-entry helper into the body of
 * {@code for { hdr, err := tr.Next() ... }} shows the body from its middle: the loop's header is above the hunk, so
 * the control-flow graph of the fragment has no cycle through the new {@code defer}. The hunk still tells: above the
 * defer, in the same block or one nested in it, stands a {@code continue} with no loop header of its own in view, so
 * a loop the diff hides encloses both. A defer in a turn that always leaves by a return of the same block is not on a
 * cycle, as in {@link LoopDefers#defersInLoops}. When the block's end is below the hunk, the continue still proves the
 * loop; only the rest of the turn is out of view, and the finding says so.
 */
final class HiddenLoopDefers {

    private static final Pattern DEFER = Pattern.compile("^\\s*defer\\s");
    private static final Pattern CONTINUE = Pattern.compile("^\\s*continue\\b");
    private static final Pattern LOOP = Pattern.compile("^\\s*for\\b");
    private static final Pattern FUNCTION = Pattern.compile("\\bfunc\\b");
    private static final Pattern RETURN = Pattern.compile("^\\s*return\\b");

    private HiddenLoopDefers() {
    }

    /**
     * A defer in a loop whose header the diff hides; {@code turnShown} false when the defer's block goes on below the
     * hunk, so whether the turn always returns (and the defer then runs once) is not in view.
     */
    record Spot(int line, boolean turnShown) {
    }

    /** The defers a diff shows inside a loop whose header it hides (none for a whole file). */
    static List<Spot> lines(SourceFile file) {
        List<Spot> out = new ArrayList<>();
        if (file.complete()) {
            return out;
        }
        for (int d = 1; d <= file.lineCount(); d++) {
            if (file.known(d) && DEFER.matcher(file.line(d)).find()) {
                boolean below = continuedBelow(file, d);
                if (!below && !continuedAbove(file, d)) {
                    continue;
                }
                Boolean leaves = leavesBelow(file, d);
                // a continue below the defer starts the next turn after it ran, whatever the turn's last statement
                // does (a retry loop that defers the body's close, then continues on a conflict: session 30)
                if (below || !Boolean.TRUE.equals(leaves)) {
                    out.add(new Spot(d, leaves != null));
                }
            }
        }
        return out;
    }

    /**
     * True when, walking up from the defer through the lines the diff shows, a {@code continue} stands in the
     * defer's block or a block nested in it, no loop header of that nesting is in view, and no header of a function
     * or of a loop around the defer is reached first (those the graph sees).
     */
    private static boolean continuedAbove(SourceFile file, int d) {
        int block = CodeText.indent(file.line(d));
        int pending = -1; // the indentation of the nearest continue not yet owned by a loop in view
        for (int j = d - 1; j >= 1 && file.known(j); j--) {
            String text = file.line(j);
            if (text.isBlank()) {
                continue;
            }
            int width = CodeText.indent(text);
            if (width < block) {
                if (LOOP.matcher(text).find() || FUNCTION.matcher(text).find()) {
                    return false; // a loop the graph sees, or the function's own start
                }
                block = width; // an if, a case or an else around the defer: its loop is further out
                continue;
            }
            if (CONTINUE.matcher(text).find()) {
                pending = pending < 0 ? width : Math.min(pending, width);
            } else if (pending >= 0 && width < pending && LOOP.matcher(text).find()) {
                pending = -1; // that continue belonged to a nested loop in view
            } else if (FUNCTION.matcher(text).find() && width < Math.max(pending, 0)) {
                pending = -1; // or to a loop in a function literal
            }
        }
        return pending >= 0;
    }

    /**
     * True when, walking down from the defer through the lines the diff shows and before its block ends, a
     * {@code continue} stands in the defer's block or a block nested in it with no loop header or function literal
     * of that nesting in view: the next turn of a loop around the defer starts there.
     */
    private static boolean continuedBelow(SourceFile file, int d) {
        int block = CodeText.indent(file.line(d));
        List<int[]> open = new ArrayList<>(); // {width, 1 when a loop or function literal opens there}
        for (int j = d + 1; j <= file.lineCount() && file.known(j); j++) {
            String text = file.line(j);
            if (text.isBlank()) {
                continue;
            }
            int width = CodeText.indent(text);
            if (width < block) {
                return false;
            }
            open.removeIf(o -> o[0] >= width);
            if (CONTINUE.matcher(text).find()) {
                if (open.stream().noneMatch(o -> o[1] == 1)) {
                    return true;
                }
            } else if (text.strip().endsWith("{")) {
                open.add(new int[] {width, LOOP.matcher(text).find() || FUNCTION.matcher(text).find() ? 1 : 0});
            }
        }
        return false;
    }

    /**
     * True when a statement of the defer's own block below it returns (the turn never comes round again), false when
     * the diff shows the block ending without one, null when the block's end is below the hunk: what the rest of the
     * turn does is not in view.
     */
    private static Boolean leavesBelow(SourceFile file, int d) {
        int block = CodeText.indent(file.line(d));
        for (int j = d + 1; j <= file.lineCount() && file.known(j); j++) {
            String text = file.line(j);
            if (text.isBlank()) {
                continue;
            }
            int width = CodeText.indent(text);
            if (width < block) {
                return false;
            }
            if (width == block && RETURN.matcher(text).find()) {
                return true;
            }
        }
        return null;
    }
}
