package kb.review.analysis;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.CodeText;
import kb.review.diff.SyntaxNode;

/**
 * Java's counted failure branch of a loop whose header is above the hunk: a {@code catch} (or an {@code if}) whose
 * block bumps a tally ({@code failed++}) beside the log line, and, once the block and the loop around it have closed,
 * a statement that reads the tally ({@code if (failed > 0) { ... }}, a summary line). Counting per element and reading
 * the count after the loop is the loop's own bookkeeping, so the line in the counted branch runs once per failed
 * element: LOG-01's Bad example ("a flood when the upstream breaks") beside the count that would have been its summary.
 * Round 24's java-08 (a Kafka consumer's warning with the stack trace per failed record, inside the poll loop; git's
 * context starts inside the loop body). {@link TalliedBlocks} reads a counted block summed up after it, {@link CountedSkips} a counted
 * {@code continue}.
 *
 * <p>Not this: a loop header in sight (the log-in-loop pass judges it), a block that counts nothing, a count never read
 * after the loop in the lines the diff shows, a line at debug or trace level (off where the traffic is).
 */
final class JavaTalliedCatches {

    private static final Pattern TALLY = Pattern.compile("^\\s*(?:\\+\\+\\s*([A-Za-z_]\\w*)|([A-Za-z_]\\w*)\\s*(?:\\+\\+|\\+=\\s*1\\b))\\s*;");
    private static final Pattern OPENER = Pattern.compile("^\\s*(?:}\\s*)?(?:catch\\s*\\(.*\\)|(?:else\\s+)?if\\s*\\(.*\\)|else)\\s*\\{\\s*$");
    private static final Pattern CONTINUATION = Pattern.compile(
            "^\\s*}\\s*(?:else\\b.*|catch\\s*\\(.*\\)|finally)\\s*\\{\\s*$");
    private static final Pattern DETAIL = Pattern.compile("\\.\\s*(?:debug|trace|fine|finer|finest)\\s*\\(");

    private JavaTalliedCatches() {
    }

    /** True when the call {@code log} is in such a branch; {@code known} are the lines the diff shows. */
    static boolean inHiddenLoop(SyntaxNode log, byte[] src, BitSet known) {
        int row = log.getStartPoint().getRow();
        if (known == null || !known.get(row + 1)) {
            return false;
        }
        String[] lines = new String(src, StandardCharsets.UTF_8).split("\n", -1);
        if (row >= lines.length || DETAIL.matcher(lines[row]).find()) {
            return false;
        }
        int depth = CodeText.indent(lines[row]);
        Set<String> tallies = new HashSet<>();
        // up: the block's own lines, then its opener (a catch or an if), then the rest of the shown run
        int at = row - 1;
        int opener = -1;
        for (; at >= 0 && known.get(at + 1); at--) {
            String text = lines[at];
            if (text.isBlank()) {
                continue;
            }
            int d = CodeText.indent(text);
            if (d == depth) {
                tally(text, tallies);
            } else if (d < depth) {
                if (!OPENER.matcher(text).matches()) {
                    return false;
                }
                opener = at;
                break;
            }
        }
        if (opener < 0) {
            return false;
        }
        int outer = CodeText.indent(lines[opener]);
        for (at = opener - 1; at >= 0 && known.get(at + 1); at--) {
            if (!lines[at].isBlank() && CodeText.indent(lines[at]) < outer) {
                return false; // the loop, or the method, opens in sight
            }
        }
        // down: the rest of the block, its closing brace, the loop's closing brace, then a read of the tally
        int next = row + 1;
        for (; next < lines.length && known.get(next + 1); next++) {
            String text = lines[next];
            if (text.isBlank()) {
                continue;
            }
            int d = CodeText.indent(text);
            if (d >= depth) {
                tally(text, tallies);
                continue;
            }
            break;
        }
        // the statement's other branches (} else {, } catch (...) {, } finally {) close at the same indentation
        while (next < lines.length && known.get(next + 1) && CodeText.indent(lines[next]) == outer
                && CONTINUATION.matcher(lines[next]).matches()) {
            next++;
            while (next < lines.length && known.get(next + 1)
                    && (lines[next].isBlank() || CodeText.indent(lines[next]) > outer)) {
                next++;
            }
        }
        if (tallies.isEmpty() || next >= lines.length || !known.get(next + 1)
                || CodeText.indent(lines[next]) != outer || !lines[next].strip().equals("}")) {
            return false;
        }
        int loopClose = next + 1;
        while (loopClose < lines.length && known.get(loopClose + 1) && lines[loopClose].isBlank()) {
            loopClose++;
        }
        if (loopClose >= lines.length || !known.get(loopClose + 1) || CodeText.indent(lines[loopClose]) >= outer
                || !lines[loopClose].strip().equals("}")) {
            return false;
        }
        int after = CodeText.indent(lines[loopClose]);
        for (int n = loopClose + 1; n <= loopClose + 3 && n < lines.length && known.get(n + 1); n++) {
            String text = lines[n];
            if (text.isBlank()) {
                continue;
            }
            if (CodeText.indent(text) != after) {
                return false;
            }
            for (String v : tallies) {
                if (Pattern.compile("(?<![\\w.])" + Pattern.quote(v) + "\\b").matcher(text).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void tally(String text, Set<String> out) {
        Matcher m = TALLY.matcher(text);
        if (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
    }
}
