package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * A loop whose outcomes the code already sums up: a tally or list set up just before the loop ({@code sent := 0},
 * {@code List<String> failed = new ArrayList<>()}) is named by a log line just after it ({@code logger.Warn("traces
 * dropped", "dropped", len(traces)-sent)}). That is the checklist's Good shape for LOG-01, "count outcomes and write
 * one summary line per batch". A warning in the loop's failure branch is then not the rare path a failure branch
 * usually is ({@link RareBranches#onFailurePath}): the author expects enough failures to count them, and the line per
 * failed element beside the summary is the flood the item's Bad example shows ("a flood when the upstream breaks").
 *
 * <p>Not this: a summary that names nothing set up before the loop (a size of the input alone), a tally declared far
 * from the loop (more than four statements above it), a line after the loop that is not a log call, a loop nested in
 * a function literal or lambda that the walk does not cross.
 */
final class SummarisedLoops {

    private static final Set<String> LOOPS = Set.of("for_statement", "enhanced_for_statement", "while_statement",
            "do_statement");
    private static final Set<String> BOUNDARIES = Set.of("lambda_expression", "method_declaration",
            "constructor_declaration", "class_body", "static_initializer", "func_literal", "function_declaration");
    /** A tally or collection started empty: Go's {@code n := 0}, {@code var failed []string}, Java's {@code int n = 0}. */
    private static final Pattern GO_TALLY = Pattern.compile(
            "^(?:([A-Za-z_]\\w*)\\s*:=\\s*(?:0|int\\w*\\(0\\)|\\[\\][\\w.*]+\\{\\}|make\\(|nil\\b|map\\[)"
                    + "|var\\s+([A-Za-z_]\\w*)\\s+(?:u?int\\w*|\\[\\][\\w.*]+|float\\d+)\\s*$)");
    private static final Pattern JAVA_TALLY = Pattern.compile(
            "^(?:final\\s+)?[\\w.]+(?:<[^=]*>)?\\s+([A-Za-z_]\\w*)\\s*=\\s*(?:0[lL]?|new\\s+(?:\\w+\\.)*"
                    + "(?:\\w*List|\\w*Set|\\w*Map|Atomic\\w+|StringBuilder|\\w*Counter|LongAdder)\\b)");
    /** A log call at the start of a statement after the loop: {@code log.warn(...)}, {@code t.logger.Warn(...)}. */
    private static final Pattern LOG_LINE = Pattern.compile(
            "(?:^|[{\\s])[\\w.]*(?i:log)\\w*(?:\\([^()]*\\))?\\s*\\.\\s*(?i:warn\\w*|error\\w*|info\\w*|print\\w*|log)"
                    + "\\s*\\(");

    private SummarisedLoops() {
    }

    /** Debug, trace and verbose levels: per-element detail the item puts there (LOG-02 judges their cost). */
    private static final Pattern DETAIL_LEVEL = Pattern.compile("(?i)(?:debug|trace|fine\\w*|verbose|\\bV\\()");

    /**
     * True when the loop nearest above {@code from} (in the same function) is summed up as the class says, and the
     * log call {@code callee} writes at a level services run with.
     */
    static boolean around(SyntaxNode from, String callee, byte[] src, boolean go) {
        if (DETAIL_LEVEL.matcher(callee).find()) {
            return false;
        }
        Set<String> capped = new HashSet<>();
        for (SyntaxNode p = from; p != null && !p.isNull() && !BOUNDARIES.contains(p.getType()); p = p.getParent()) {
            if (LOOPS.contains(p.getType())) {
                String body = text(src, p);
                for (String v : capped) {
                    if (Pattern.compile("(?<![\\w.])" + Pattern.quote(v) + "\\s*(?:\\+\\+|\\+=\\s*1\\b)|\\+\\+\\s*"
                            + Pattern.quote(v) + "\\b").matcher(body).find()) {
                        return false; // the tally stepped in the loop caps the lines (failed++; if failed <= max)
                    }
                }
                return summarised(p, src, go);
            }
            SyntaxNode cond = p.getType().equals("if_statement") ? p.getChildByFieldName("condition") : null;
            if (cond != null && !cond.isNull()) {
                String c = text(src, cond);
                if (CAPPED.matcher(c).find()) {
                    return false; // the branch itself caps the count it logs (failed++ < LOGGED): the Good shape
                }
                Matcher cap = CAP.matcher(c);
                while (cap.find()) {
                    capped.add(cap.group(1));
                }
            }
        }
        return false;
    }

    /** A count stepped and compared in one test: {@code failed++ < 3}, {@code ++warned <= MAX}. */
    private static final Pattern CAPPED = Pattern.compile("(?:\\+\\+\\s*[\\w.]+|[\\w.]+\\s*\\+\\+)\\s*<=?");
    /**
     * A count compared with a cap ({@code failed <= maxLogged}, {@code warned < 5}, {@code n <= MAX_REPORTED}): a cap
     * when the loop steps that count.
     */
    private static final Pattern CAP = Pattern.compile(
            "(?<![\\w.])([A-Za-z_][\\w.]*)\\s*<=?\\s*(?:\\d+|[A-Z][A-Z0-9_]*|[\\w.]*(?i:max|limit)\\w*)\\b");

    /**
     * The loop's text with its nested loops and function literals blanked out: what runs once per turn of this loop
     * (set 18's round-6 look-alike: a count of directories removed in an inner loop, summed up after the loop over
     * roots, says nothing of how often the outer loop's failure line runs).
     */
    private static String ownText(SyntaxNode loop, byte[] src) {
        int base = loop.getStartByte();
        byte[] own = java.util.Arrays.copyOfRange(src, base, loop.getEndByte());
        java.util.ArrayDeque<SyntaxNode> work = new java.util.ArrayDeque<>();
        for (int i = 0; i < loop.getNamedChildCount(); i++) {
            work.push(loop.getNamedChild(i));
        }
        while (!work.isEmpty()) {
            SyntaxNode n = work.pop();
            if (LOOPS.contains(n.getType()) || BOUNDARIES.contains(n.getType())) {
                java.util.Arrays.fill(own, n.getStartByte() - base, n.getEndByte() - base, (byte) ' ');
                continue;
            }
            for (int i = 0; i < n.getNamedChildCount(); i++) {
                work.push(n.getNamedChild(i));
            }
        }
        return new String(own, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static boolean summarised(SyntaxNode loop, byte[] src, boolean go) {
        SyntaxNode block = loop.getParent();
        if (block == null || block.isNull()) {
            return false;
        }
        int at = -1;
        for (int i = 0; i < block.getNamedChildCount(); i++) {
            SyntaxNode s = block.getNamedChild(i);
            if (s.getStartByte() == loop.getStartByte() && s.getEndByte() == loop.getEndByte()) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return false;
        }
        Set<String> tallies = new HashSet<>();
        for (int i = Math.max(0, at - 4); i < at; i++) {
            String t = text(src, block.getNamedChild(i)).strip();
            Matcher m = (go ? GO_TALLY : JAVA_TALLY).matcher(t);
            if (m.find()) {
                tallies.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        String own = ownText(loop, src);
        tallies.removeIf(v -> !Pattern.compile("(?<![\\w.])" + Pattern.quote(v) + "\\s*(?:\\+\\+|[-+]=)|\\+\\+\\s*"
                + Pattern.quote(v) + "\\b|(?<![\\w.])" + Pattern.quote(v) + "\\s*=\\s*append\\s*\\(\\s*" + Pattern.quote(v)
                + "\\b|(?<![\\w.])" + Pattern.quote(v) + "\\s*\\.\\s*(?:add\\w*|put\\w*|inc\\w*|\\w*[Ii]ncrement\\w*|append"
                + "|push|offer)\\s*\\(").matcher(own).find());
        if (tallies.isEmpty()) {
            return false; // nothing this loop's own turns step is summed up (a tally of an inner loop's work)
        }
        for (int i = at + 1; i < Math.min(block.getNamedChildCount(), at + 4); i++) {
            String t = text(src, block.getNamedChild(i));
            if (!LOG_LINE.matcher(t).find()) {
                continue;
            }
            for (String v : tallies) {
                if (Pattern.compile("\\b" + Pattern.quote(v) + "\\b").matcher(t).find()) {
                    return true;
                }
            }
        }
        return false;
    }
}
