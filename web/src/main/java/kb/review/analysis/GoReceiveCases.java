package kb.review.analysis;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * (session 41, log41) A Go log line in the body of a select case that takes a value off a channel
 * ({@code case m := <-msgs:}) when the hunk starts below the {@code select {} line: the parse of such a fragment has
 * no select and no loop around the case, so neither the log-in-loop pass nor {@link ContinuedLoops} sees one. What
 * proves the loop is the same sign {@link ContinuedLoops} reads: the case body, in sight, skips the rest of a turn
 * with {@code continue}, which only a loop around the select can take. A consumer written as {@code for { select {
 * case <-stop: return; case m := <-in: ... } }} runs the case once per message, so a line there that names the
 * message is written once per message (LOG-01's "once per element"). Real fixes of the class lowered or removed such
 * a line per value taken off a channel: megamsys/libgo 375cffe (a delivery per range turn), rancher/host-api 4df3261
 * (an event per turn of a receive loop, handed to a worker), OliveTin 8d839ee6 (an fsnotify event per select turn).
 *
 * <p>Not this: a line that does not name the received value, a case that receives an error or a signal, a line inside
 * an {@code if} of the case body, a case body whose {@code continue} could belong to a loop of its own, a loop header
 * in sight (the pass judged it), a case body with no {@code continue} in sight (a one-shot select waiting for one
 * reply looks the same).
 */
final class GoReceiveCases {

    /** {@code case v := <-ch:}, {@code case v, ok := <-ch:}, {@code case v = <-ch:}: the value and the channel. */
    private static final Pattern RECEIVE_CASE = Pattern.compile(
            "^\\s*case\\s+(\\w+)(?:\\s*,\\s*\\w+)?\\s*:?=\\s*<-\\s*([\\w.()\\[\\]]+)\\s*:\\s*(?://.*)?$");
    /** A failure, a signal or a shutdown: not a unit of traffic. */
    private static final Pattern RARE = Pattern.compile("(?i)err|sig|done|quit|stop|exit|shutdown|close");

    private GoReceiveCases() {
    }

    /** True when the log call {@code log} is such a line; {@code known} are the lines the diff shows. */
    static boolean inHiddenLoop(SyntaxNode log, byte[] src, BitSet known) {
        int row = log.getStartPoint().getRow();
        if (known == null || !known.get(row + 1)) {
            return false;
        }
        String[] lines = new String(src, StandardCharsets.UTF_8).split("\n", -1);
        int depth = row < lines.length ? GoChannelLoops.tabs(lines[row]) : 0;
        if (depth < 2) {
            return false;
        }
        int caseRow = -1;
        boolean skips = false;
        Matcher m = null;
        for (int at = row - 1; at >= 0 && known.get(at + 1); at--) {
            String t = lines[at];
            if (t.isBlank()) {
                continue;
            }
            if (GoChannelLoops.tabs(t) >= depth) {
                if (t.strip().startsWith("for ")) {
                    return false; // a loop of the case's own: a continue may be its
                }
                skips |= skip(t.strip());
                continue;
            }
            m = RECEIVE_CASE.matcher(t);
            caseRow = GoChannelLoops.tabs(t) == depth - 1 && m.find() ? at : -1;
            break;
        }
        if (caseRow < 0 || RARE.matcher(m.group(1)).find() || RARE.matcher(m.group(2)).find()
                || !GoChannelLoops.names(lines[row].substring(Math.max(0, lines[row].indexOf('('))), m.group(1))
                || loopInSight(lines, caseRow, depth, known)) {
            return false;
        }
        for (int next = row + 1; next < lines.length && known.get(next + 1); next++) {
            String t = lines[next].strip();
            if (t.isEmpty()) {
                continue;
            }
            if (GoChannelLoops.tabs(lines[next]) < depth) {
                break; // the case ended
            }
            if (t.startsWith("for ")) {
                return false; // a loop of the case's own owns what follows
            }
            skips |= skip(t);
        }
        return skips;
    }

    private static boolean skip(String statement) {
        return statement.equals("continue") || statement.startsWith("continue ") && !statement.contains("(");
    }

    /** A for header above the case, at a shallower depth, in the same run of shown lines. */
    private static boolean loopInSight(String[] lines, int caseRow, int depth, BitSet known) {
        for (int at = caseRow - 1; at >= 0 && known.get(at + 1); at--) {
            String t = lines[at];
            if (!t.isBlank() && GoChannelLoops.tabs(t) < depth - 1 && t.strip().startsWith("for ")) {
                return true;
            }
            if (t.startsWith("func ")) {
                return false;
            }
        }
        return false;
    }
}
