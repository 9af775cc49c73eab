package kb.review.engine;

import java.util.List;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;

/**
 * Go: a connection's deadline set in the test of an {@code if} that handles its error
 * ({@code if err := conn.SetDeadline(time.Now().Add(d)); err != nil { return ... }}), deleted with its block: the
 * checked form of the setter statement {@link GoStrippedTimeouts} reads, which the reads and writes below then lose
 * (session 38, log38: a scrape of a daemon that takes the datagram and never answers).
 */
final class GoDeadlines {

    /** The checked setter; group 1 is the method, group 2 its argument. */
    static final Pattern CHECKED = Pattern.compile("^\\s*if\\s+(?:\\w+\\s*:?=\\s*)?[\\w.()\\[\\]]*\\.("
            + "Set\\w*(?:Timeout|Deadline))\\((.+)\\)\\s*;\\s*\\w+\\s*!=\\s*nil\\s*\\{\\s*(?://.*)?$");
    /** What the error check's block does: return, log, or close. */
    private static final Pattern CHECK_BODY = Pattern.compile("^\\s*(?:return\\b.*|[\\w.]*(?i:log)\\w*\\.\\w+\\(.*"
            + "|(?://.*)?)$");

    private GoDeadlines() {
    }

    /**
     * True when the changed block around {@code r} deletes only the checked setter, its block (returns, log lines,
     * comments) and its closing brace.
     */
    static boolean onlyTheCheck(RemovedLine r) {
        List<DiffLine> block = RemovedLine.changedBlock(r.lines(), r.index());
        if (block.isEmpty() || block.stream().anyMatch(l -> l.kind() != DiffLine.Kind.REMOVED)
                || !CHECKED.matcher(block.get(0).text()).matches()
                || !block.get(block.size() - 1).text().strip().equals("}")) {
            return false;
        }
        for (int i = 1; i < block.size() - 1; i++) {
            if (!CHECK_BODY.matcher(block.get(i).text()).matches()) {
                return false;
            }
        }
        return true;
    }
}
