package kb.review.engine;

import static kb.review.engine.RemovedReleases.indent;

import java.util.List;
import java.util.regex.Pattern;
import kb.review.analysis.GoErrors;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;

/**
 * What a deleted line of Go releases, and where the value it released was acquired when the hunk does not show that
 * line: the Go half of {@link RemovedReleases}.
 */
final class GoReleases {

    /** Not a comment line, then anything that ends in a character a name cannot continue. */
    private static final String CODE = "^(?!\\s*//)(?:.*?[^\\w.])?";

    /**
     * A response body closed anywhere in the line ({@code defer resp.Body.Close()}, {@code _ = resp.Body.Close()},
     * {@code errors.Join(err, resp.Body.Close())}). Group 1 is the response.
     */
    static final Pattern BODY = Pattern.compile(CODE + "([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*?)\\.Body\\.Close\\(\\)");

    /**
     * A close anywhere in the line: as a statement, deferred, its error kept ({@code err := db.Close()},
     * {@code if err := f.Close(); err != nil}, {@code return f.Close()}) or joined into another
     * ({@code errors.Join(err, f.Close())}, {@code multierr.Append(err, f.Close())}); on a local or on a field of
     * one ({@code m.dir.Close()}); a gRPC client stream's {@code CloseSend()} too. Group 1 is the closed value.
     */
    static final Pattern CLOSE = Pattern.compile(CODE + "([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)?)\\.Close(?:Send)?\\(\\)");

    /** A rollback anywhere in the line, with no argument or with a context (pgx). Group 1 is the transaction. */
    static final Pattern ROLLBACK = Pattern.compile(CODE + "([A-Za-z_]\\w*)\\.Rollback\\((?:[^()]|\\([^()]*\\))*\\)");

    /** The nil test Go writes right below an acquisition: {@code if err != nil {}, {@code if failure != nil {}. */
    private static final Pattern ERROR_CHECK = Pattern.compile("^\\s*if\\s+(\\w+)\\s*!=\\s*nil\\s*\\{\\s*$");

    private GoReleases() {
    }

    /**
     * Where the value of a deleted {@code defer} was acquired, when the hunk does not show the acquisition but shows
     * the idiom around it: Go acquires ({@code f, err := os.Open(name)}), checks the error ({@code if err != nil {
     * return ... }}) and defers the release on the next line. When the lines above the deleted defer, at its depth,
     * are only that check, the acquisition is the statement just above the {@code if}: the finding stands on the
     * {@code if} line, or on the hunk's first line when the {@code if} is above the hunk too (the hunk starts inside
     * the check's block). 0 for anything else: a release that is not deferred, another statement between the check and
     * the defer, a block whose last statement does not leave (not an error check), or a check that leaves the
     * function's scope.
     *
     * @param lines   the hunk's lines
     * @param release the index of the deleted release in them
     */
    static int checkAbove(List<DiffLine> lines, int release, Hunk hunk) {
        // the release itself, or the deferred closure it stands in (`defer func() { if err := f.Close(); ... }()`)
        int first = release;
        while (!lines.get(first).text().strip().startsWith("defer ") && first > 0
                && lines.get(first - 1).kind() == DiffLine.Kind.REMOVED) {
            first--;
        }
        String deleted = lines.get(first).text();
        if (!deleted.strip().startsWith("defer ")) {
            return 0;
        }
        int removed = first;
        int depth = indent(deleted);
        boolean closedBlock = false;
        boolean exits = false;
        for (int j = removed - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            int at = indent(l.text());
            String text = l.text().strip();
            if (at > depth) {
                if (!closedBlock) {
                    return 0;
                }
                if (!exits && !EXIT.matcher(l.text()).find() && !FATAL.matcher(l.text()).find()) {
                    return 0; // its last statement does not leave: not the check of an acquisition's error
                }
                exits = true;
                continue; // the body of the check
            }
            if (at < depth) {
                return 0; // the defer opens its block: no check above it in that block
            }
            if (!closedBlock) {
                if (!text.equals("}")) {
                    return 0; // another statement between the check and the defer
                }
                closedBlock = true;
                continue;
            }
            return errorCheck(lines, j, removed) ? l.newLine() : 0;
        }
        // the check's block reaches above the hunk: its first line is the nearest one shown to the acquisition
        return closedBlock && hunk.section().startsWith("func") ? hunk.newStart() : 0;
    }

    /**
     * True when line {@code at} is an acquisition's error check: a nil test of an error, known by its name or by what
     * the block does with it (hands it back, wraps it, stops on it: {@link GoErrors}), the block's lines being those
     * shown up to the deleted release. A nil test of another value ({@code if cfg != nil}) is not.
     */
    private static boolean errorCheck(List<DiffLine> lines, int at, int release) {
        java.util.regex.Matcher m = ERROR_CHECK.matcher(lines.get(at).text());
        if (!m.find()) {
            return false;
        }
        StringBuilder block = new StringBuilder();
        for (int k = at; k < release; k++) {
            if (lines.get(k).kind() != DiffLine.Kind.REMOVED) {
                block.append(lines.get(k).text()).append('\n');
            }
        }
        return GoErrors.holdsError(m.group(1), block.toString());
    }

    /**
     * The new-file line where the value of a deleted close is overwritten right below it, in the same block
     * ({@code f.Close()} then {@code f = gz}; {@code w.file.Close()} then {@code w.file = next}): the code replaces
     * what it holds, and without the close the old value can never be closed. Only statements that do not name the
     * value may stand between; 0 for anything else (a deferred close, a use of the value, an exit, the block's end).
     */
    static int overwriteBelow(List<DiffLine> lines, int release, String value) {
        String deleted = lines.get(release).text();
        if (deleted.strip().startsWith("defer ") || value.isEmpty()) {
            return 0;
        }
        int depth = indent(deleted);
        Pattern named = Pattern.compile("(?<![\\w.])" + Pattern.quote(value) + "(?![\\w])");
        Pattern assigned = Pattern.compile("^\\s*" + Pattern.quote(value) + "\\s*(?:,\\s*[\\w.]+\\s*)*=(?!=)");
        int seen = 0;
        for (int j = release + 1; j < lines.size() && seen < 6; j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            seen++;
            if (indent(l.text()) != depth) {
                return 0;
            }
            if (assigned.matcher(l.text()).find()) {
                return l.newLine();
            }
            if (named.matcher(l.text()).find() || EXIT.matcher(l.text()).find()) {
                return 0;
            }
        }
        return 0;
    }

    /** An added line releases exactly this value again (the same release, the same name). */
    static boolean releasedAgain(Pattern release, String value, List<String> added) {
        for (String a : added) {
            java.util.regex.Matcher m = release.matcher(a);
            if (m.find() && m.group(1).equals(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An added line ends the value another way: a server shut down or stopped ({@code s.http.Shutdown(ctx)},
     * {@code srv.GracefulStop()}), a client disconnected or a pool released, in place of the deleted close.
     */
    static boolean endedOtherwise(String value, List<String> added) {
        Pattern ends = Pattern.compile("(?<![\\w.])" + Pattern.quote(value)
                + "\\.(?:Shutdown|Stop|GracefulStop|Disconnect|Release|Terminate|Close\\w*)\\(");
        return added.stream().anyMatch(a -> ends.matcher(a).find());
    }

    private static final Pattern FATAL = Pattern.compile("^\\s*(?:[\\w.]+\\.Fatal\\w*|os\\.Exit)\\(");
    private static final Pattern EXIT = Pattern.compile("^\\s*(?:return\\b|panic\\(|break\\b|continue\\b|goto\\b)");
    /**
     * True when {@code value}, whose body a deleted line closed, is the request a server handler was given, not a
     * response of an outbound call: the file declares it {@code *http.Request}, or hands it on to the next handler
     * ({@code next.ServeHTTP(w, r)}, {@code next(w, r)}) as a middleware does. HTTP-01 says that body is the server's,
     * which closes it after the handler, so deleting a handler's close of it leaks nothing (RES-02 is about responses).
     */
    static boolean serverRequest(String value, String fileText) {
        String v = Pattern.quote(value);
        return Pattern.compile("(?<![\\w.])" + v + "\\s+\\*http\\.Request\\b|\\.ServeHTTP\\(\\s*\\w+\\s*,\\s*" + v
                + "\\s*\\)|\\bnext\\w*\\(\\s*\\w+\\s*,\\s*" + v + "\\s*\\)").matcher(fileText).find();
    }
}
