package kb.review.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * The change removes the handling of an error (session 32, err32): the Go and Java passes that read a deleted
 * return, throw or recording call against what the change leaves in its place ({@link GoRemovedErrorHandling},
 * {@link JavaRemovedErrorHandling}). A line another deletion rule already reports keeps that rule's finding.
 *
 * <p>A diff that does this in more than {@link #SWEEP} places across its files is a deliberate change of policy (a
 * project that moves its failures to log lines in one commit, a reformatting of every catch), not the slip the rules
 * are for: all of its findings are dropped. The passes run once per diff (the first file asked computes every file's
 * findings, kept for the next files of the same review).
 */
final class RemovedErrorHandling {

    private static final int SWEEP = 2;

    private static final int NEAR = 3;

    private static final Object LOCK = new Object();
    private static List<SourceFile> lastFiles;
    private static Map<SourceFile, List<Finding>> lastFindings;

    private RemovedErrorHandling() {
    }

    /**
     * @param files every file of the diff (the sweep is counted over them)
     * @param drops the findings of the other deletion rules for this file so far
     * @param kept  the findings of the rules: an ERR-01 finding of either within {@link #NEAR} lines is the same
     *              catch or branch said once (a default return reported at the return, this pass at the catch)
     */
    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded, List<Finding> drops,
                              List<SourceFile> files, List<Finding> kept) {
        Map<SourceFile, List<Finding>> byFile;
        synchronized (LOCK) {
            if (lastFiles != files) {
                lastFindings = all(files, catalog, allAdded);
                lastFiles = files;
            }
            byFile = lastFindings;
        }
        List<Finding> out = new ArrayList<>(byFile.getOrDefault(file, List.of()));
        out.removeIf(r -> drops.stream().anyMatch(d -> same(d, r))
                || kept.stream().anyMatch(k -> same(k, r) && !supersedes(r, k)));
        return out;
    }

    /** A statement run on a database handle or transaction ({@code tx.ExecContext(ctx, q, ...)}). */
    private static final Pattern STATEMENT = Pattern.compile("\\.(?:Exec|ExecContext|NamedExec\\w*|MustExec\\w*)\\s*\\(");

    /**
     * True when {@code mine}, a report of a deleted check ({@code if _, err := tx.ExecContext(...); err != nil} made
     * the bare call, or its error overwritten: this pass's or {@link DroppedReturnedErrors}'), takes the place of
     * TX-02's unchecked-database-call finding {@code other} on the same line (session 40, err40): the deleted check
     * names the cause, a failed write that the old code handled, and the blind rounds 18, 26 and 53 file it under
     * ERR-01 with TX-02 accepted. A Begin, Commit, Rollback or Close stays TX-02's.
     */
    static boolean supersedes(Finding mine, Finding other) {
        return (mine.rule().equals(GoRemovedErrorHandling.BLANK_RULE)
                || mine.rule().equals(DroppedReturnedErrors.RULE)) && other.item().equals("TX-02")
                && other.rule().startsWith("go-db-error-") && other.path().equals(mine.path())
                && other.line() == mine.line() && STATEMENT.matcher(mine.code()).find();
    }

    /** Another rule's finding on the same line, or an ERR-01 finding near it (the same catch or branch). */
    private static boolean same(Finding other, Finding mine) {
        return other.path().equals(mine.path()) && (other.line() == mine.line()
                || other.item().equals(mine.item()) && Math.abs(other.line() - mine.line()) <= NEAR);
    }

    private static Map<SourceFile, List<Finding>> all(List<SourceFile> files, Catalog catalog, AddedLines allAdded) {
        Map<SourceFile, List<Finding>> out = new IdentityHashMap<>();
        int total = 0;
        for (SourceFile f : files) {
            if (f.change().binary() || f.complete()) {
                continue;
            }
            List<Finding> found = new ArrayList<>(GoRemovedErrorHandling.find(f, catalog, allAdded));
            found.addAll(JavaRemovedErrorHandling.find(f, catalog, allAdded));
            total += found.size();
            if (total > SWEEP) {
                return Map.of();
            }
            if (!found.isEmpty()) {
                out.put(f, found);
            }
        }
        return out;
    }
}
