package kb.review.engine;

import java.util.List;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * For {@link MovedPastExits}: Go, a {@code defer v.Close()} (or {@code defer v.Body.Close()}) of the function's own
 * body deleted, and the change closes {@code v} again only inside a branch. The defer ran on every exit; a close in a
 * branch runs only on the paths through it. Real fixes of this shape are common (a response closed only in the
 * {@code StatusCode != 200} branch, the successful body never closed; a stream closed only when its read loop fails,
 * the early return on a refused status skipping it). Reported when the diff shows a way that leaves without the
 * close:
 * <ul>
 * <li>a return between the deleted defer and the close, in a block that does not close {@code v} itself; or</li>
 * <li>the close stands in a top-level branch that itself returns, and the function goes on past that branch (the
 * close is the failure path's only: the path that falls through keeps {@code v} open).</li>
 * </ul>
 * Closes only (RES-01, RES-02): a rollback or a cancel moved into the failure branch is right when the other path
 * commits or finishes. Not when the change hands {@code v} on (returns it, stores it, passes it to a goroutine): the
 * receiver owns it then, and closing it only on the failure path is the correct shape; nor when a defer or a close at
 * the function's own depth still releases it, the close sits in a deferred closure (wails's close that keeps its
 * error), or the change makes a new value in the name before the close (watchtower's request retried per mirror in a
 * loop: a lifecycle of its own). The acquisition's own {@code if err != nil} return leaves nothing open.
 */
final class ReleasedInBranch {

    /** A return or a panic, first on its line. */
    private static final Pattern EXIT = Pattern.compile("^\\s*(?:return\\b|panic\\()");
    /** A closure, a goroutine or a select case: an exit after it may not leave the function. */
    private static final Pattern NESTED = Pattern.compile("\\bfunc\\s*\\(|^\\s*go\\s|^\\s*defer\\s+func\\b");
    /** The error check that follows an acquisition. */
    private static final Pattern ERR_CHECK = Pattern.compile("^\\s*if\\s+err\\s*!=\\s*nil\\s*\\{\\s*$");
    /** Go's indentation of a function's own body: one tab. */
    private static final int BODY = 4;

    private ReleasedInBranch() {
    }

    /**
     * The finding, or null.
     *
     * @param at         the new-file line the deleted defer stood before
     * @param releasedAt the new-file line of the first close added back, inside a branch
     */
    static Finding find(SourceFile file, Hunk from, int removedAt, String value, RemovedReleases.Release r, int at,
                        int releasedAt, String item, Catalog catalog) {
        String deleted = from.lines().get(removedAt).text();
        // a close only: a rollback or a cancel in the failure branch is the right shape when the other path commits
        if (!item.startsWith("RES-0") || !deleted.strip().startsWith("defer ")
                || RemovedReleases.indent(deleted) != BODY) {
            return null;
        }
        int end = functionEnd(file, at);
        Pattern mentions = Pattern.compile("(?<![\\w.])" + Pattern.quote(value) + "\\b");
        Pattern handedOn = handsOn(value);
        for (int line = at; line < end; line++) {
            String text = file.line(line);
            boolean releases = MovedPastExits.releases(r, text, value, file.language(), item);
            if (releases && (RemovedReleases.indent(text) <= BODY || text.strip().startsWith("defer "))
                    || mentions.matcher(text).find() && handedOn.matcher(text).find()) {
                return null; // still released on every path, or owned by whoever it is handed to
            }
        }
        Pattern assigns = Pattern.compile("^\\s*" + Pattern.quote(value) + "\\s*(?:,\\s*\\w+\\s*)*:?=[^=]");
        int guard = errorCheckEnd(file, at);
        for (int line = at; line < releasedAt; line++) {
            String text = file.line(line);
            if (NESTED.matcher(text).find() || assigns.matcher(text).find()) {
                return null; // closed in a closure (a deferred func closes on every exit), or a new value made here
            }
            if (line <= guard) {
                continue; // the acquisition's own error check: the value is not there to close
            }
            if (EXIT.matcher(text).find() && !closedInBlock(file, line, at, r, value)) {
                return finding(file, from, removedAt, value, item, at, releasedAt, line, catalog,
                        "leaves here without it");
            }
        }
        int fallThrough = fallsPast(file, releasedAt, end,
                MovedPastExits.returnsError(MovedPastExits.header(from, removedAt)));
        return fallThrough > 0 ? finding(file, from, removedAt, value, item, at, releasedAt, fallThrough, catalog,
                "goes on here, past the branch, without it") : null;
    }

    private static Finding finding(SourceFile file, Hunk from, int removedAt, String value, String item, int at,
                                   int releasedAt, int exit, Catalog catalog, String step) {
        String deleted = from.lines().get(removedAt).text().strip();
        String message = "The change replaces `" + deleted + "` with a close inside a branch (line " + releasedAt
                + "): the deferred close ran on every exit of the function, the new one only on the paths through that "
                + "branch, and the path at line " + exit + " leaves `" + value + "` open. Keep the defer (or close "
                + "on every path).";
        return MovedPastExits.finding(file, item, MovedPastExits.acquiredAt(file, from, removedAt, value, item, at),
                message, catalog, List.of(new Finding.Step(at, "`" + deleted + "` stood here"),
                        new Finding.Step(releasedAt, "closed here, in a branch only"),
                        new Finding.Step(exit, step)));
    }

    /** The first line past {@code at} that opens another function (or closes this one), or the file's end. */
    private static int functionEnd(SourceFile file, int at) {
        for (int line = at; line <= file.lineCount(); line++) {
            String text = file.line(line);
            if (text.startsWith("func ") || text.equals("}")) {
                return line;
            }
        }
        return file.lineCount() + 1;
    }

    /**
     * A line that hands the value on: returns it, stores it in a field or a literal, sends it on a channel, or gives
     * it to a goroutine.
     */
    private static Pattern handsOn(String value) {
        String v = Pattern.quote(value) + "(?:\\.Body)?";
        return Pattern.compile("^\\s*return\\b.*(?<![\\w.])" + v + "\\s*(?:[,)}]|$)"
                + "|^\\s*[\\w.\\[\\]]+\\.\\w+\\s*=\\s*" + v + "\\s*$|\\w\\s*:\\s*" + v + "\\s*[,}]|<-\\s*" + v + "\\s*$"
                + "|^\\s*go\\s.*(?<![\\w.])" + v + "\\b");
    }

    /**
     * The last line of an {@code if err != nil} block that opens on the first shown line at or after {@code at} (the
     * acquisition's own error check, where the value is nil or a zero value), or {@code at - 1} when none opens there.
     */
    private static int errorCheckEnd(SourceFile file, int at) {
        int line = at;
        while (line < file.lineCount() && file.known(line) && file.line(line).isBlank()) {
            line++;
        }
        String open = file.line(line);
        if (!ERR_CHECK.matcher(open).find()) {
            return at - 1;
        }
        int depth = RemovedReleases.indent(open);
        for (int next = line + 1; next <= file.lineCount() && file.known(next); next++) {
            String text = file.line(next);
            if (!text.isBlank() && RemovedReleases.indent(text) <= depth) {
                return next;
            }
        }
        return at - 1;
    }

    /** True when the block holding the exit at {@code exit} closes the value above it (an early return that closes). */
    private static boolean closedInBlock(SourceFile file, int exit, int at, RemovedReleases.Release r, String value) {
        int depth = RemovedReleases.indent(file.line(exit));
        for (int line = exit - 1; line >= at; line--) {
            String text = file.line(line);
            if (!text.isBlank() && RemovedReleases.indent(text) < depth) {
                return false;
            }
            if (MovedPastExits.releases(r, text, value, file.language(), "RES-01")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first shown line of the function's own body past the branch that holds the close, when that branch sits in
     * the function's own body and itself returns; 0 otherwise. The close is then the failure path's only.
     */
    private static int fallsPast(SourceFile file, int releasedAt, int end, boolean returnsError) {
        int depth = RemovedReleases.indent(file.line(releasedAt));
        if (depth != BODY + 4) {
            return 0;
        }
        boolean returns = false;
        for (int line = releasedAt + 1; line < end; line++) {
            if (!file.known(line)) {
                return 0;
            }
            String text = file.line(line);
            if (text.isBlank()) {
                continue;
            }
            int indent = RemovedReleases.indent(text);
            if (indent == depth && EXIT.matcher(text).find()) {
                returns = true;
            } else if (indent < depth) {
                if (!returns || !text.strip().equals("}")) {
                    return 0; // an else, or a branch that goes on below
                }
                int next = line + 1;
                for (; next < end && file.known(next); next++) {
                    String after = file.line(next);
                    if (!after.isBlank()) {
                        return RemovedReleases.indent(after) == BODY ? next : 0;
                    }
                }
                // session 54 (res54): the diff stops below the branch. A function that returns an error must end in
                // a terminating statement, which an `if` without `else` is not: the function's own body goes on
                // past the branch, where the diff does not show it (round 124's geocode: the body closed in the
                // error-status branch only, the hunk ending two lines below it)
                return returnsError && !file.known(next) ? line : 0;
            }
        }
        return 0;
    }
}
