package kb.review.diff;

import java.util.BitSet;
import java.util.function.IntFunction;

/**
 * Hunks that start inside a block comment. Git's three lines of context often begin in the Javadoc above a class or a
 * method ({@code * @param <T> ...}, then the line that ends it), and the parser, which never saw the comment open,
 * reads that tail as code: the class header below it no longer parses, its fields lose their declared types, and
 * rules fall back on names (an {@code AtomicBoolean} field called {@code isSourceCurrentlySubscribed} read as a
 * thread-local by its name). A run of hunk lines whose first line is a comment continuation ({@code *}) and that ends a
 * comment it never opened has that tail blanked for the parsers; what follows the comment's end stays at its column.
 */
public final class CommentCuts {

    private CommentCuts() {
    }

    /**
     * {@code lines} with the comment tail at the start of a run of {@code known} lines blanked (a copy if any), unless
     * an earlier run left that comment open: the gap then continues it, as a Go package comment shown in pieces.
     */
    static String[] blankTails(String[] lines, BitSet known, boolean java) {
        String[] out = lines;
        boolean open = false;
        for (int from = known.nextSetBit(1); from >= 0 && from < lines.length; ) {
            int to = Math.min(known.nextClearBit(from), lines.length) - 1;
            int end = open ? 0 : tailEnd(l -> lines[l], from, to);
            if (end > 0) {
                out = out == lines ? lines.clone() : out;
                for (int l = from; l <= end; l++) {
                    out[l] = withoutTail(lines[l], l == end);
                }
            }
            boolean wasOpen = open;
            open = openAfter(out, Math.max(from, end + 1), to, open);
            int next = known.nextSetBit(to + 1);
            if (java && open && !wasOpen && next >= 0 && next < lines.length
                    && !continues(lines, next, Math.min(known.nextClearBit(next), lines.length) - 1)) {
                // Java: a hunk whose last context line opens a Javadoc ('/**' above the next member) and a next hunk
                // that starts on code: the comment ended in the gap, so its opening is not code's business either
                out = out == lines ? lines.clone() : out;
                blankOpening(out, Math.max(from, end + 1), to);
                open = false;
            }
            from = next;
        }
        return out;
    }

    /**
     * A piece of Java as the parsers should see it when its last lines open a block comment they never close (git's
     * trailing context stopping on the {@code /**} above the next member): the opening and what follows it blanked,
     * so the code before it parses. Unchanged when no comment is left open.
     */
    public static String withoutOpenTail(String piece) {
        String[] lines = piece.split("\n", -1);
        if (!openAfter(lines, 0, lines.length - 1, false)) {
            return piece;
        }
        blankOpening(lines, 0, lines.length - 1);
        return String.join("\n", lines);
    }

    /** Whether the run {@code from..to} can be inside a comment left open: it starts on a '*' line or ends one. */
    private static boolean continues(String[] lines, int from, int to) {
        int first = from;
        while (first <= to && lines[first].isBlank()) {
            first++;
        }
        if (first > to || lines[first].stripLeading().startsWith("*")) {
            return true;
        }
        for (int l = first; l <= to; l++) {
            int close = lines[l].indexOf("*/");
            int opens = lines[l].indexOf("/*");
            if (close >= 0 && (opens < 0 || close < opens)) {
                return true;
            }
            if (opens >= 0) {
                return false;
            }
        }
        return false;
    }

    /** Blanks the block comment left open at the end of lines {@code from..to}: its opening and what follows it. */
    private static void blankOpening(String[] out, int from, int to) {
        for (int l = to; l >= from; l--) {
            int at = out[l].lastIndexOf("/*");
            if (at >= 0 && out[l].indexOf("*/", at + 2) < 0) {
                out[l] = out[l].substring(0, at);
                for (int k = l + 1; k <= to; k++) {
                    out[k] = "";
                }
                return;
            }
        }
    }

    /**
     * The line of the run {@code from..to} that ends the block comment the run starts in, or 0 when the run does not
     * start in one: its first line is a comment continuation ({@code *}) and a comment ends before any opens.
     */
    public static int tailEnd(IntFunction<String> line, int from, int to) {
        int first = from;
        while (first <= to && line.apply(first).isBlank()) {
            first++;
        }
        if (first > to || !line.apply(first).stripLeading().startsWith("*")) {
            return 0;
        }
        for (int l = first; l <= to; l++) {
            String text = line.apply(l);
            int close = text.indexOf("*/");
            int open = text.indexOf("/*");
            if (open >= 0 && (close < 0 || open < close)) {
                return 0; // a comment opened before any ends: the run did not start inside one
            }
            if (close >= 0) {
                return l;
            }
        }
        return 0;
    }

    /** Whether a block comment is open after lines {@code from..to}, given whether one was open before them. */
    private static boolean openAfter(String[] lines, int from, int to, boolean open) {
        for (int l = from; l <= to; l++) {
            String t = lines[l];
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (open) {
                    if (t.startsWith("*/", i)) {
                        open = false;
                        i++;
                    }
                } else if (c == '"' || c == '\'' || c == '`') {
                    for (i++; i < t.length() && t.charAt(i) != c; i++) {
                        i += t.charAt(i) == '\\' ? 1 : 0;
                    }
                } else if (t.startsWith("//", i)) {
                    break;
                } else if (t.startsWith("/*", i)) {
                    open = true;
                    i++;
                }
            }
        }
        return open;
    }

    /** A line of a comment tail as the parsers see it: blank, or for its last line what follows the comment's end. */
    public static String withoutTail(String line, boolean last) {
        if (!last) {
            return "";
        }
        int close = line.indexOf("*/") + 2;
        return " ".repeat(close) + line.substring(close);
    }
}
