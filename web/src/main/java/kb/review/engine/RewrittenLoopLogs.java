package kb.review.engine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.analysis.Shapes;
import kb.review.diff.SourceFile;

/**
 * LOG-01's loop lines that an edit only rewrote (session 37, tmo37): the added call replaces a deleted call of the same
 * logger at the same level in the same changed block ({@code log.debug("a {} b", x)} made
 * {@code log.debug("a " + x + " b")}, or the other way round). The loop logged on every turn before the edit and
 * logs as often after it; what the rewrite changed (a message, its arguments, string building) is another item's
 * business (LOG-02). A line whose level, logger or place is new is still reported.
 */
final class RewrittenLoopLogs {

    /** The first logger call of a line: receiver and method, e.g. {@code logger.debug(}. */
    private static final Pattern CALL = Pattern.compile("((?:[\\w$]+\\s*\\.\\s*)+)([\\w$]+)\\s*\\(");

    /**
     * A level test or any condition around the deleted call (Java's {@code if (}, Go's {@code if x == y {}), so the
     * rewrite changed when the line runs; or a loop header among the deleted lines, so the loop itself was rewritten and
     * the old call may have stood outside it (a summary line after the loop made a line per element). Read with the
     * string literals emptied: a message's words are not code.
     */
    private static final Pattern GUARD = Pattern.compile(
            "\\bif\\b|\\bis\\w*(?:Enabled|Loggable)\\s*\\(|\\b(?:for|while)\\b");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\n]|\\\\.)*\"");
    private static final Pattern LEVEL = Pattern.compile(
            "(?i)(?<![a-z])(trace|debug|info|warn|warning|error|severe|fine|finer|finest|config|notice|fatal)(?![a-z])");

    private RewrittenLoopLogs() {
    }

    /** The spots without those whose line rewrites a deleted call of the same logger and level. */
    static List<Shapes.Spot> drop(SourceFile file, List<Shapes.Spot> spots) {
        if (file.complete() || spots.isEmpty()) {
            return spots;
        }
        return spots.stream().filter(s -> !rewritten(file, s.line())).toList();
    }

    private static boolean rewritten(SourceFile file, int lineNo) {
        String line = file.line(lineNo);
        Matcher now = line == null ? null : CALL.matcher(line);
        if (now == null || !now.find()) {
            return false;
        }
        String replaced = ReplacedLines.of(file, lineNo, line);
        int cut = replaced.indexOf("\n--\n");
        if (cut < 0) {
            return false;
        }
        String removed = replaced.substring(replaced.indexOf('\n') + 1, cut + 1);
        if (GUARD.matcher(STRING.matcher(removed).replaceAll("\"\"")).find()) {
            return false; // the old call stood under a condition the edit took away, or the loop was rewritten
        }
        String same = "(?<![\\w$.])" + Pattern.quote(now.group(1).replaceAll("\\s+", "")) + Pattern.quote(now.group(2))
                + "\\s*\\(";
        String flat = removed.replaceAll("[ \\t]*\\.[ \\t]*", ".");
        Matcher old = Pattern.compile(same).matcher(flat);
        return old.find() && level(line.substring(now.start())).equals(level(flat.substring(old.start())));
    }

    /** The first level word of a call's text (its method, or a level argument as JUL's log(Level.INFO, ...)). */
    private static String level(String call) {
        Matcher m = LEVEL.matcher(call);
        return m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : "";
    }
}
