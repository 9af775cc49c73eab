package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
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
 * loop; only the rest of the turn is out of view, and the finding says so. An unlabelled {@code break} proves a loop
 * the same way when no {@code switch}, {@code select} or case label in view owns it (a poll loop that breaks on the
 * final status, its header above the hunk): a {@code break} outside a loop, switch or select does not compile. A
 * break only proves the loop, not that the turn comes round: below the defer it counts when the turn does not always
 * leave, and an unconditional break of the defer's own block leaves like a return.
 */
final class HiddenLoopDefers {

    private static final Pattern DEFER = Pattern.compile("^\\s*defer\\s");
    private static final Pattern CONTINUE = Pattern.compile("^\\s*continue\\b");
    /** A break, labelled or not: a labelled one leaves a loop of that label, owned like a continue. */
    private static final Pattern BREAK = Pattern.compile("^\\s*break\\b\\s*(\\w*)");
    /** What owns an unlabelled break besides a loop: a switch or select header, or a case label of one. */
    private static final Pattern BREAK_OWNER = Pattern.compile("^\\s*(?:switch\\b|select\\s*\\{|case\\b|default\\s*:)");
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
                boolean inCase = inCaseClause(file, d);
                Boolean below = continuedBelow(file, d, inCase);
                if (below == null && !continuedAbove(file, d, inCase) && !CollectedTurnDefers.collects(file, d)
                        && !ReplacedTurnCloses.replaces(file, d)) {
                    continue;
                }
                Boolean leaves = leavesBelow(file, d);
                // a continue below the defer starts the next turn after it ran, whatever the turn's last statement
                // does (a retry loop that defers the body's close, then continues on a conflict: session 30); a
                // break below only shows the loop
                if (Boolean.TRUE.equals(below) || !Boolean.TRUE.equals(leaves)) {
                    out.add(new Spot(d, leaves != null));
                }
            }
        }
        return out;
    }

    /**
     * True when, walking up from the defer through the lines the diff shows, a {@code continue} or {@code break}
     * stands in the defer's block or a block nested in it, no loop header of that nesting is in view (nor, for an
     * unlabelled break, a switch, a select or a case label), and no header of a function or of a loop around the defer
     * is reached first (those the graph sees).
     */
    private static boolean continuedAbove(SourceFile file, int d, boolean inCase) {
        int block = CodeText.indent(file.line(d));
        int pending = -1; // the indentation of the nearest continue (or labelled break) not yet owned by a loop in view
        int pendingBreak = -1; // the same for an unlabelled break, which a switch or select owns too
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
                if (BREAK_OWNER.matcher(text).find()) {
                    pendingBreak = -1; // the defer and the break are in a case of a switch or select
                }
                block = width; // an if, a case or an else around the defer: its loop is further out
                continue;
            }
            Matcher brk = BREAK.matcher(text);
            if (CONTINUE.matcher(text).find() || brk.find() && !brk.group(1).isEmpty()) {
                pending = pending < 0 ? width : Math.min(pending, width);
            } else if (brk.find(0)) {
                pendingBreak = pendingBreak < 0 ? width : Math.min(pendingBreak, width);
            } else if (LOOP.matcher(text).find() || FUNCTION.matcher(text).find()) {
                // that continue or break belonged to a nested loop in view, or to a loop in a function literal
                pending = width < pending ? -1 : pending;
                pendingBreak = width < pendingBreak ? -1 : pendingBreak;
            } else if (BREAK_OWNER.matcher(text).find() && width < pendingBreak) {
                pendingBreak = -1;
            }
        }
        return pending >= 0 || pendingBreak >= 0 && !inCase;
    }

    /**
     * True when the defer sits in a clause of a switch or select: walking up through the blocks around it (each line
     * narrower than the last) a case label, switch or select comes before a loop or function header, or walking down
     * the first line narrower than the defer's block is a case label (the next clause). An unlabelled break in the
     * defer's block then leaves that switch or select, whatever loop is around it.
     */
    private static boolean inCaseClause(SourceFile file, int d) {
        int width = CodeText.indent(file.line(d));
        for (int j = d - 1; j >= 1 && file.known(j); j--) {
            String text = file.line(j);
            int w = CodeText.indent(text);
            if (text.isBlank() || w >= width) {
                continue;
            }
            if (LOOP.matcher(text).find() || FUNCTION.matcher(text).find()) {
                break;
            }
            if (BREAK_OWNER.matcher(text).find()) {
                return true;
            }
            width = w;
        }
        int block = CodeText.indent(file.line(d));
        for (int j = d + 1; j <= file.lineCount() && file.known(j); j++) {
            String text = file.line(j);
            if (!text.isBlank() && CodeText.indent(text) < block) {
                return BREAK_OWNER.matcher(text).find();
            }
        }
        return false;
    }

    /**
     * Walking down from the defer through the lines the diff shows and before its block ends: TRUE at a
     * {@code continue} in the defer's block or a block nested in it with no loop header or function literal of that
     * nesting in view (the next turn of a loop around the defer starts there), FALSE at such a {@code break} that no
     * switch or select in view owns either (a loop is around the defer), null at neither.
     */
    private static Boolean continuedBelow(SourceFile file, int d, boolean inCase) {
        int block = CodeText.indent(file.line(d));
        // {width, 1 when a loop or function literal opens there, 2 when a switch or select does}
        List<int[]> open = new ArrayList<>();
        Boolean found = null;
        for (int j = d + 1; j <= file.lineCount() && file.known(j); j++) {
            String text = file.line(j);
            if (text.isBlank()) {
                continue;
            }
            int width = CodeText.indent(text);
            if (width < block) {
                return found;
            }
            open.removeIf(o -> o[0] >= width);
            Matcher brk = BREAK.matcher(text);
            if (CONTINUE.matcher(text).find()) {
                if (open.stream().noneMatch(o -> o[1] == 1)) {
                    return Boolean.TRUE;
                }
            } else if (brk.find()) {
                boolean labelled = !brk.group(1).isEmpty();
                if (found == null && (labelled || !inCase)
                        && open.stream().noneMatch(o -> o[1] == 1 || o[1] == 2 && !labelled)) {
                    found = Boolean.FALSE;
                }
            } else if (text.strip().endsWith("{")) {
                open.add(new int[] {width, LOOP.matcher(text).find() || FUNCTION.matcher(text).find() ? 1
                        : BREAK_OWNER.matcher(text).find() ? 2 : 0});
            }
        }
        return found;
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
            // an unconditional break of the defer's own block ends the loop as a return ends the function
            if (width == block && (RETURN.matcher(text).find() || BREAK.matcher(text).find())) {
                return true;
            }
        }
        return null;
    }
}
