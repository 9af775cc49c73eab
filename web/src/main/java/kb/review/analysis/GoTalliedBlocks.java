package kb.review.analysis;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * A Go log line at the end of a loop body whose header is above the hunk, known by the loop's own bookkeeping: the
 * block the line sits in bumps a tally ({@code frames++}, {@code bytes += len(data)}) and, right after the block
 * closes, one line reports that tally ({@code slog.Info("frames applied", "frames", frames)}). Counting in a block and
 * summarising after it is the shape of a loop, the checklist's own Good example ("count outcomes and write one summary
 * line per batch"), so a line added inside that block runs once per element: LOG-01's Bad example with the summary
 * already beside it. The log-in-loop pass cannot see the loop (git's three lines of context start inside its body);
 * {@link CountedSkips} reads Java's equivalent, a counted {@code continue}.
 *
 * <p>Not this: a block whose opening line the hunk shows (the pass judges it from its header), a function header
 * shown above the line, a block that counts nothing, and a line after the block that does not name the tally.
 */
final class GoTalliedBlocks {

    private static final Pattern TALLY = Pattern.compile("^\\s*([A-Za-z_][\\w.]*)\\s*(?:\\+\\+|\\+=)");
    private static final Pattern LOG_CALL = Pattern.compile("\\b\\w*(?i:log)\\w*\\s*\\.\\s*\\w+\\s*\\(");

    private GoTalliedBlocks() {
    }

    /** True when the call {@code log} is in such a block; {@code known} are the lines the diff shows. */
    static boolean inHiddenLoop(SyntaxNode log, byte[] src, BitSet known) {
        int row = log.getStartPoint().getRow(); // 0-based index into lines; line numbers are row + 1
        if (known == null || log.getStartPoint().getColumn() < 2 || !known.get(row + 1) || !known.get(row)) {
            return false; // (a file with every line known, or a line at a function's top level, never is one)
        }
        String[] lines = new String(src, StandardCharsets.UTF_8).split("\n", -1);
        if (row >= lines.length) {
            return false;
        }
        int depth = tabs(lines[row]);
        if (depth < 2) {
            return false;
        }
        // the shown run above the line stays inside the block: nothing shallower, no header, no opening of it
        java.util.Set<String> tallies = new java.util.HashSet<>();
        int at = row - 1;
        for (; at >= 0 && known.get(at + 1); at--) {
            String text = lines[at];
            if (text.isBlank()) {
                continue;
            }
            int d = tabs(text);
            if (d < depth) {
                return false; // the block opens in sight, or the run reaches the function's own level
            }
            Matcher t = TALLY.matcher(text);
            if (d == depth && t.find()) {
                tallies.add(t.group(1));
            }
        }
        if (at < 0 || tallies.isEmpty()) {
            return false;
        }
        // below: the block closes at depth - 1, and a log line just after it names a tally
        int close = row + 1;
        while (close < lines.length && known.get(close + 1) && (lines[close].isBlank() || tabs(lines[close]) >= depth)) {
            close++;
        }
        if (close >= lines.length || !known.get(close + 1) || tabs(lines[close]) != depth - 1
                || !lines[close].strip().equals("}")) {
            return false;
        }
        for (int next = close + 1; next <= close + 3 && next < lines.length && known.get(next + 1); next++) {
            String text = lines[next];
            if (tabs(text) == depth - 1 && LOG_CALL.matcher(text).find()
                    && tallies.stream().anyMatch(v -> Pattern.compile("(?<![\\w.])" + Pattern.quote(v) + "\\b")
                    .matcher(text.substring(text.indexOf('('))).find())) {
                return true;
            }
        }
        return false;
    }

    private static int tabs(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == '\t') {
            n++;
        }
        return n;
    }
}
