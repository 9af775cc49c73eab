package kb.review.analysis;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * A log line at the end of a loop body whose header is above the hunk, known by the loop's own bookkeeping: the block
 * the line sits in bumps a tally ({@code frames++}, {@code bytes += len(data)}, {@code count++;}) and, once the block
 * closes, one line reports that tally ({@code slog.Info("frames applied", "frames", frames)}, {@code LOGGER.log(
 * Level.INFO, "Retrieved %d tables", count)}). Counting in a block and summarising after it is the shape of a loop,
 * the checklist's own Good example ("count outcomes and write one summary line per batch"), so a line added inside
 * that block runs once per element: LOG-01's Bad example with the summary already beside it. The log-in-loop pass
 * cannot see the loop (git's three lines of context start inside its body); {@link CountedSkips} reads a counted
 * {@code continue}. Go (session 33) reads the summary right after the block; Java (session 40, log40) also after the
 * one or two braces that close a try or an if around the loop (a JDBC result set walked inside a try-with-resources,
 * SchemaCrawler's retrievers), and reads indentation in spaces.
 *
 * <p>Not this: a block whose opening line the hunk shows (the pass judges it from its header), a function header
 * shown above the line, a block that counts nothing, and a line after the block that does not name the tally.
 */
final class TalliedBlocks {

    private static final Pattern TALLY = Pattern.compile("^\\s*([A-Za-z_][\\w.]*)\\s*(?:\\+\\+|\\+=)");
    private static final Pattern LOG_CALL = Pattern.compile("\\b\\w*(?i:log)\\w*\\s*\\.\\s*\\w+\\s*\\(");
    /** The most closing-brace lines between the counting block and the summary: Go's one, Java's try and if too. */
    private static final int GO_CLOSES = 1;
    private static final int JAVA_CLOSES = 3;

    private TalliedBlocks() {
    }

    /** True when the call {@code log} is in such a block; {@code known} are the lines the diff shows. */
    static boolean inHiddenLoop(SyntaxNode log, byte[] src, BitSet known, boolean go) {
        int row = log.getStartPoint().getRow(); // 0-based index into lines; line numbers are row + 1
        if (known == null || log.getStartPoint().getColumn() < 2 || !known.get(row + 1) || !known.get(row)) {
            return false; // (a file with every line known, or a line at a function's top level, never is one)
        }
        String[] lines = new String(src, StandardCharsets.UTF_8).split("\n", -1);
        if (row >= lines.length) {
            return false;
        }
        int depth = indent(lines[row], go);
        if (depth < (go ? 2 : 12)) {
            return false; // Go: two tabs; Java: a class, a method and a block, four columns each
        }
        // the shown run above the line stays inside the block: nothing shallower, no header, no opening of it
        java.util.Set<String> tallies = new java.util.HashSet<>();
        int at = row - 1;
        for (; at >= 0 && known.get(at + 1); at--) {
            String text = lines[at];
            if (text.isBlank()) {
                continue;
            }
            int d = indent(text, go);
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
        // below: the block closes (Go: at depth - 1), and a log line just after it (or after the braces of a try or
        // an if around the loop, Java) names a tally
        int close = row + 1;
        while (close < lines.length && known.get(close + 1)
                && (lines[close].isBlank() || indent(lines[close], go) >= depth)) {
            close++;
        }
        int closes = 0;
        int level = depth;
        while (close < lines.length && known.get(close + 1) && lines[close].strip().equals("}")
                && indent(lines[close], go) < level && (!go || indent(lines[close], go) == depth - 1)) {
            level = indent(lines[close], go);
            close++;
            closes++;
        }
        if (closes == 0 || closes > (go ? GO_CLOSES : JAVA_CLOSES)) {
            return false;
        }
        for (int next = close; next <= close + 2 && next < lines.length && known.get(next + 1); next++) {
            String text = lines[next];
            if (indent(text, go) == level && LOG_CALL.matcher(text).find()
                    && tallies.stream().anyMatch(v -> Pattern.compile("(?<![\\w.])" + Pattern.quote(v) + "\\b")
                    .matcher(text.substring(text.indexOf('('))).find())) {
                return true;
            }
        }
        return false;
    }

    /** Go: leading tabs; Java: leading columns, a tab counted as four. */
    static int indent(String line, boolean go) {
        int n = 0;
        int i = 0;
        for (; i < line.length() && (line.charAt(i) == '\t' || !go && line.charAt(i) == ' '); i++) {
            n += go ? 1 : line.charAt(i) == '\t' ? 4 : 1;
        }
        return n;
    }
}
