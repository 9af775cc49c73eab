package kb.review.engine;

import java.util.List;
import java.util.regex.Pattern;
import kb.review.analysis.Lifecycle;
import kb.review.diff.SourceFile;

/**
 * A transaction begun inside a {@code try} block, or right before one, where the hunk stops inside that try and a
 * later hunk of the same method shows the try's {@code finally} (or a catch of every exception) ending it: Android's
 * {@code db.beginTransaction(); try { ... if (...) return false; ...; db.setTransactionSuccessful(); return true; }
 * finally { db.endTransaction(); }}, JPA's {@code finally { if (tx.isActive()) tx.rollback(); }}, a Realm's
 * {@code catch (Throwable t) { realm.cancelTransaction(); throw t; }}. Joining the two hunks, the review cuts the try
 * at the gap and follows the begin to the cut, where nothing ended it yet; but the handler in view ends it on every
 * path out of the try, early returns included (round 34's java-ok-07, TX-01 at low; noise35, session 35). A later hunk
 * whose handler does not end it (a catch of only SQLException that logs, a finally that closes something else), or no
 * handler in view at all, leaves the finding as it was.
 */
final class CutTryFinallies {

    /** A handler that runs on every way out: a finally, or a catch of every exception. */
    private static final Pattern EVERY_PATH = Pattern.compile("^\\s*(?:\\}\\s*)?(?:finally\\b|catch\\s*\\(\\s*(?:final\\s+)?"
            + "(?:java\\.lang\\.)?(?:Throwable|Exception)\\s+\\w+\\s*\\))");
    /** How far below the cut the handler may be, in lines the diff shows. */
    private static final int BELOW = 60;

    private CutTryFinallies() {
    }

    /** True when the transaction acquired by {@code acq} is ended by the cut try's handler a later hunk shows. */
    static boolean endedBelowCut(SourceFile file, Lifecycle.Acquisition acq) {
        String var = acq.var();
        int line = acq.at().line;
        if (file.complete() || var == null || !acq.model().kind().equals("transaction")
                || !CutTryHandlers.cut(file, line)) {
            return false;
        }
        List<String> releases = acq.model().releases().stream()
                .map(r -> r.replace("{v}", var).replaceAll("\\s+", "")).toList();
        int l = line + 1;
        while (l <= file.lineCount() && file.known(l)) {
            l++; // to the cut
        }
        int shown = 0;
        boolean inHandler = false;
        int depth = 0;
        for (; l <= file.lineCount() && shown < BELOW; l++) {
            if (!file.known(l)) {
                continue;
            }
            shown++;
            String text = file.line(l);
            if (!inHandler && RemovedReleases.HEADER.matcher(text).find()) {
                return false; // the next method: no handler of this try in view
            }
            if (!inHandler && EVERY_PATH.matcher(text).find()) {
                inHandler = true;
                depth = 0;
                text = text.substring(text.indexOf(text.contains("finally") ? "finally" : "catch"));
            }
            if (inHandler) {
                String compact = text.replaceAll("\\s+", "");
                if (releases.stream().anyMatch(compact::contains)) {
                    return true;
                }
                depth += DeletedExitBranches.braces(text);
                if (depth <= 0 && text.contains("}")) {
                    inHandler = false; // the handler closed without ending it; a finally may follow a catch
                }
            }
        }
        return false;
    }

    /**
     * True when the transaction acquired by {@code acq} was begun on a line the change left alone, inside or right
     * before a try whose handlers lie below the hunk ({@link CutTryHandlers}), and no line the change deletes ends it.
     * The Java side of the Go rule for transactions in a cut function (analysis/CutTransactions): the catch that rolls
     * back and rethrows, or the finally, is code the change did not touch and the review cannot read; an edit of
     * something else in the method (round 42's java-14: only the connection's source changed) is not the place to
     * report it. A begin the change wrote, or a rollback it deletes, is still followed to the cut (session 37, res37).
     */
    static boolean leftToHandlersBelow(SourceFile file, Lifecycle.Acquisition acq) {
        String var = acq.var();
        int line = acq.at().line;
        if (file.complete() || var == null || var.isEmpty() || !acq.model().kind().equals("transaction")
                || file.added(line) || !CutTryHandlers.cut(file, line)) {
            return false;
        }
        String removed = String.join("", AddedAcquisitions.removedByLine(file).values()).replaceAll("\\s+", "");
        for (String release : acq.model().releases()) {
            String call = release.replace("{v}", var).replaceAll("\\s+", "");
            int open = call.indexOf('(');
            if (open > 0 && removed.contains(call.substring(0, open + 1))) {
                return false;
            }
        }
        return true;
    }
}
