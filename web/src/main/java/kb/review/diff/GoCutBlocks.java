package kb.review.diff;

import java.util.ArrayDeque;
import java.util.regex.Pattern;

/**
 * How the Go blocks a pasted hunk cuts are put back so that the tree-sitter parser reads them as what they are, for
 * {@link HunkGaps}. Two shapes, both common at the edge of a hunk:
 * <ul>
 * <li>a run that ends inside a function literal: {@code go func() {}, {@code defer func() {} and a literal handed to
 * a call ({@code g.Go(func() error {}, {@code pool.Submit("x", func() {}). A bare closing brace leaves the call or the
 * {@code go} statement unfinished, the parser recovers by dropping it, and the goroutine (with its missing recover)
 * is lost to every rule; the literal is closed with {@code }()} or {@code })} instead;</li>
 * <li>a run that starts inside the cases of a {@code select} that receives from a ticker's or timer's channel
 * ({@code case <-t.C:}, {@code time.Tick(d)}) and then closes the select and, at once, the block around it: that
 * block is the periodic loop ({@code for { select { ... } }}), reopened as {@code for {} rather than a plain block so
 * that the loop rules see the loop the hunk cut.</li>
 * </ul>
 */
final class GoCutBlocks {

    private GoCutBlocks() {
    }

    /** A line that launches or defers a function literal: its call's argument list follows the literal's body. */
    private static final Pattern CALLED_LITERAL = Pattern.compile("^\\s*(?:go|defer)\\s+func\\s*\\(");
    /** A select case that receives from a ticker's or timer's channel. */
    private static final Pattern TICK_CASE = Pattern.compile(
            "^\\s*case\\s+(?:[\\w, ]+:?=\\s*)?<-\\s*(?:[\\w.\\[\\]]+\\.C|time\\.Tick\\(.*\\))\\s*:");

    /**
     * The text that closes the {@code open} blocks a run of Go lines leaves open, innermost first: {@code }} for a
     * block, {@code }()} for a launched or deferred literal, and one {@code )} for each call the block's opening line
     * left open ({@code g.Go(func() error {} closes as {@code })}). Plain braces when the run cannot be read that way.
     */
    static String closers(String run, int open) {
        ArrayDeque<int[]> frames = new ArrayDeque<>(); // {parens open inside the frame's parent, launched literal}
        int parens = 0;
        int base = 0;
        int lineStart = 0;
        int n = run.length();
        for (int i = 0; i < n; i++) {
            char c = run.charAt(i);
            char next = i + 1 < n ? run.charAt(i + 1) : '\0';
            if (c == '\n') {
                lineStart = i + 1;
            } else if (c == '/' && next == '/') {
                int at = run.indexOf('\n', i);
                i = (at < 0 ? n : at) - 1;
            } else if (c == '/' && next == '*') {
                int at = run.indexOf("*/", i + 2);
                i = at < 0 ? n : at + 1;
            } else if (c == '"' || c == '\'' || c == '`') {
                i = literalEnd(run, i, c);
            } else if (c == '(') {
                parens++;
            } else if (c == ')') {
                parens--;
            } else if (c == '{') {
                int outer = frames.isEmpty() ? base : frames.peek()[2];
                boolean launched = CALLED_LITERAL.matcher(run.substring(lineStart, i)).find();
                frames.push(new int[] {Math.max(0, parens - outer), launched ? 1 : 0, parens});
            } else if (c == '}') {
                frames.poll();
                if (frames.isEmpty()) {
                    base = parens;
                }
            }
        }
        if (frames.size() != open) {
            return "}".repeat(open);
        }
        StringBuilder out = new StringBuilder();
        for (int[] f : frames) { // innermost first
            out.append('}').append(f[1] == 1 ? "()" : "").append(")".repeat(f[1] == 1 ? 0 : f[0]));
        }
        return out.toString();
    }

    /**
     * True when a run that starts in the cases of a select shows a case receiving from a ticker's or timer's channel,
     * and the line after the select's closing brace closes another block: the select is the last statement of that
     * block, which is then the loop it ticks in. A run that ends with the select's brace and shows a ticker's case by
     * its name ({@code case <-ticker.C:}) is taken as that loop's too. When the select is {@code nested} in a block of
     * the function (not its body: the run closes that block, then the function), a case on any timer channel
     * ({@code case <-t.C:}, whatever the ticker is called) followed by more work and a bare {@code }} closing that
     * block, and then nothing but the function's end, reads the same: a block that waits for a tick and then works is its loop; a literal's {@code }()} or an
     * {@code } else} is not taken as one.
     */
    static boolean selectEndsLoop(String run, boolean nested) {
        String[] lines = run.split("\n");
        boolean tick = false;
        boolean ticker = false;
        int depth = 0;
        for (int i = 0; i < lines.length; i++) {
            Braces b = Braces.of(lines[i]);
            if (depth - b.closedFirst() < 0) {
                for (int j = i + 1; j < lines.length; j++) {
                    String next = lines[j].strip();
                    if (!next.isEmpty()) {
                        return tick && (next.equals("}") || (ticker || nested) && closesAround(lines, j, !ticker));
                    }
                }
                // the run ends with the select (git's three lines of context stop there): a select on a ticker's
                // channel by its name is read again and again by design, so the block around it is its loop
                return ticker;
            }
            boolean tickHere = depth == 0 && TICK_CASE.matcher(lines[i]).find();
            tick |= tickHere;
            ticker |= tickHere && TICKER_CASE.matcher(lines[i]).find();
            depth += b.open() - b.closedFirst();
        }
        return false;
    }

    /** A case on a ticker's channel by its name ({@code ticker.C}, {@code p.tick.C}) or on {@code time.Tick(d)}. */
    private static final Pattern TICKER_CASE = Pattern.compile(
            "<-\\s*(?:[\\w.\\[\\]]*(?i:tick)\\w*\\.C|time\\.Tick\\()");

    /**
     * True when the lines from {@code from} on (the statements after the select) close the select's block: a
     * ticker's channel is read again and again by design, so the block around a select on it that runs more work
     * after the select (`select { ... case <-ticker.C: }` then `if err := run(ctx); err != nil { ... }`) is its loop
     * as well (round 16's go-25). A timer's or a `time.After` case read once is left to the last-statement rule.
     */
    private static boolean closesAround(String[] lines, int from, boolean bareClose) {
        int depth = 0;
        for (int j = from; j < lines.length; j++) {
            Braces b = Braces.of(lines[j]);
            if (depth - b.closedFirst() < 0) {
                return !bareClose || lines[j].strip().equals("}") && endsFunction(lines, j + 1);
            }
            depth += b.open() - b.closedFirst();
        }
        return false;
    }

    /**
     * True when nothing but the function's closing brace (gofmt's, at column 0) follows line {@code from - 1}: a loop
     * that only a return leaves is its function's last statement, since code after a {@code for {}} without a break is
     * unreachable; a block followed by more statements ({@code return nil}) was a single wait.
     */
    private static boolean endsFunction(String[] lines, int from) {
        for (int j = from; j < lines.length; j++) {
            if (!lines[j].isBlank()) {
                return lines[j].stripTrailing().equals("}");
            }
        }
        return true;
    }

    /**
     * {@code default:} when a run that starts inside a case (of a reopened select or switch) shows statements before
     * its first case line: a statement cannot stand before a case, and without one the parser drops what the run's
     * first case holds. Empty when the run starts with a case.
     */
    static String caseBefore(String run) {
        for (String line : run.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("//")) {
                continue;
            }
            return l.startsWith("case ") || l.startsWith("default:") ? "" : "default:";
        }
        return "";
    }

    /** The index of the quote closing the literal opened at {@code start}; a line end ends all but a raw string. */
    private static int literalEnd(String code, int start, char quote) {
        for (int i = start + 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\\' && quote != '`') {
                i++;
            } else if (c == quote || (c == '\n' && quote != '`')) {
                return i;
            }
        }
        return code.length();
    }
}
