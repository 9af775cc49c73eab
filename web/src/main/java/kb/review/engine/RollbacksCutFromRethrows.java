package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.CodeText;
import kb.review.diff.DiffLine;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Java edit that deletes the rollback from a catch it keeps, and the catch still rethrows: the failure goes on to
 * the caller, but the transaction the try committed at its end stays open (bound to the thread, or on a pooled
 * connection), and the next unit of work joins it. The rollback is one the value-following rule of
 * {@link RemovedReleases} cannot name: the class's own helper handed nothing or only the failure ({@code
 * rollback(e)}, {@code rollbackQuietly(ex)}), whose transaction is a field out of view. What makes it TX-01's is in
 * the hunk itself: the commit in the try above the catch, and the throw the catch keeps (so the deletion is no
 * rewrite into an answer; a catch whose throw goes too is a swallowed failure, TX-02's and ERR-01's). Silent when the
 * change adds a rollback anywhere in the file (moved into a finally or a helper).
 *
 * <p>Read from real fixes that put the rollback back before the rethrow (ModeShape's transactional writer,
 * kitodo/kitodo-production#1085, SalesforceFoundation/EDA#430: a caught failure must roll back even when rethrown).
 */
final class RollbacksCutFromRethrows {

    static final String RULE = "rollback-cut-from-rethrowing-catch";

    /** A rollback of the class's own, handed nothing or only the failure (a value handed is RemovedReleases'). */
    private static final Pattern OWN_ROLLBACK = Pattern.compile(
            "^\\s*(?:this\\.)?(?:[a-z]\\w*R|r)oll[bB]ack\\w*\\(\\s*" + RemovedReleases.FAILURE + "?\\s*\\)\\s*;\\s*$");

    private static final Pattern CATCH = Pattern.compile("^\\s*\\}?\\s*catch\\s*\\(");

    private static final Pattern THROW = Pattern.compile("^\\s*throw\\b");

    /** A commit in the try: JTA's, JDBC's or a helper's ({@code txnMgr.commit()}, {@code commitTransaction(c)}). */
    private static final Pattern COMMIT = Pattern.compile("\\b(?:commit|commitTransaction)\\s*\\(");

    /**
     * A begin in sight ({@code setAutoCommit(false)}, {@code beginTransaction()}, {@code tx.begin()}): then the
     * deletion is {@code java-transaction-rollback-removed}'s (TX-01.yaml), reported at the begin.
     */
    private static final Pattern BEGIN = Pattern.compile(
            "\\.\\s*setAutoCommit\\s*\\(\\s*false\\s*\\)|\\.\\s*beginTransaction\\w*\\s*\\("
            + "|\\.\\s*getTransaction\\s*\\(\\s*\\)\\s*\\.\\s*begin\\s*\\("
            + "|\\b(?:tx|txn|transaction)\\s*\\.\\s*begin\\s*\\(\\s*\\)"
            + "|(?i:transactionManager|txManager|tm)\\s*\\.\\s*getTransaction\\s*\\(");

    /** Any rollback the change adds: the deleted one moved. */
    private static final Pattern ANY_ROLLBACK = Pattern.compile("(?i)roll_?back");

    private RollbacksCutFromRethrows() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        if (file.language() != Language.JAVA) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (RemovedLine removed : RemovedLine.of(file)) {
            List<DiffLine> lines = removed.lines();
            String text = removed.line().text();
            if (!OWN_ROLLBACK.matcher(text).matches()) {
                continue;
            }
            int indent = CodeText.indent(text);
            int header = keptCatch(lines, removed.index(), indent);
            if (header < 0 || !stillThrows(lines, removed.index(), indent) || !commitsWithoutBegin(lines, header)
                    || allAdded.all().stream().anyMatch(a -> ANY_ROLLBACK.matcher(a).find())) {
                continue;
            }
            Severity severity = catalog.item("TX-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
            DiffLine c = lines.get(header);
            out.add(new Finding(RULE, "TX-01", severity, file.path(), c.newLine(), 1, c.text().strip(),
                    "The change deletes `" + text.strip() + "` from this catch and keeps its rethrow: the failure"
                            + " still reaches the caller, but the transaction the try commits is no longer rolled"
                            + " back on it, so it stays open with its half-done work and the next unit of work joins"
                            + " it. Keep the rollback before the throw (or in a finally that knows the commit failed).",
                    Finding.Confidence.LOW, null, "kb", null));
        }
        return out;
    }

    /** The index of the catch header the change keeps right around the deleted line at {@code at}; -1 if none. */
    private static int keptCatch(List<DiffLine> lines, int at, int indent) {
        for (int j = at - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.ADDED || l.text().isBlank()) {
                continue;
            }
            if (CodeText.indent(l.text()) < indent) {
                return l.kind() == DiffLine.Kind.CONTEXT && CATCH.matcher(l.text()).find() ? j : -1;
            }
        }
        return -1;
    }

    /** True when the catch, as the change leaves it, still throws below the deleted line. */
    private static boolean stillThrows(List<DiffLine> lines, int at, int indent) {
        for (int j = at + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            if (CodeText.indent(l.text()) < indent) {
                return false;
            }
            if (THROW.matcher(l.text()).find()) {
                return true;
            }
        }
        return false;
    }

    /** True when the lines the change keeps above the catch, within the hunk, commit and do not begin. */
    private static boolean commitsWithoutBegin(List<DiffLine> lines, int header) {
        boolean commits = false;
        for (int j = header - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && BEGIN.matcher(l.text()).find()) {
                return false;
            }
            if (l.kind() != DiffLine.Kind.REMOVED && COMMIT.matcher(l.text()).find()) {
                commits = true;
            }
        }
        return commits;
    }
}
