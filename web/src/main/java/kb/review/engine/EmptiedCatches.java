package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Java change that empties a catch it keeps: the statements that logged, rethrew or handled the exception are
 * deleted and the catch is left with an empty body ({@code catch (TransportException ignored) { }}). A catch written
 * empty with a name that says so is the author's stated choice, and {@code java-swallowed-catch} leaves it alone;
 * taking the handling out of a catch that had it is the change's own act, and the failure it reported now
 * disappears. Reported at the catch the change leaves empty, or holding only a comment: a failure absorbed on
 * purpose must still be logged and counted (the item's "so it is seen"), and a comment is seen by nobody at run time.
 * A comment in place of a debug or trace line only is the author's stated choice about a failure that was already
 * unseen. A comment under a parameter renamed {@code ignored} (or expected, unused...) is reported as well (session
 * 47, err47): the rename and the comment say the failure is dropped on purpose, and the deleted warning was the only
 * record of it (rounds 62 and 89: a failed watch action and a failed agent request left to the next poll, unseen;
 * corda#3774, a refactor that lost the catch's logger.error). Not when the {@code ignored} parameter and the comment
 * both stand before the change (context lines): the quiet catch is the author's earlier stated choice, and the change
 * only moved what follows it (the merge's probe of set 24: jline3's best-effort probe read). Silent when the new
 * body holds any statement, when the deleted statements are added back elsewhere in the change (moved, not dropped), when the old body only printed, for a catch of {@code InterruptedException} alone (CONC-05's),
 * and for a change that empties more than {@link #SWEEP} catches in one file (a deliberate clean-up of noisy logs).
 *
 * <p>A try that only closes something is closing quietly, which reviewers accept when the change says so: a comment
 * in the emptied catch, a parameter renamed {@code ignored}, or a deleted line that only logged at debug or trace
 * (the failure was unseen before). Deleting the warning or the rethrow of a failed close and leaving {@code catch
 * (Exception e) { }} is reported: the close of a subscription, a channel or a writer can be the step that failed
 * (a stuck cancel, a write-back lost), and the change takes away the only trace of it (round 25's java-33).
 */
final class EmptiedCatches {

    static final String RULE = "emptied-catch";

    private static final Pattern CATCH = Pattern.compile(
            "^\\s*(?:\\}\\s*)?catch\\s*\\(\\s*(?:final\\s+)?([\\w.$|\\s]+?)\\s+[\\w$]+\\s*\\)\\s*\\{\\s*$");
    /** The same header with its brace on the next line (Allman style, Eclipse projects' own: PortfolioPerformance). */
    private static final Pattern CATCH_OPEN = Pattern.compile(
            "^\\s*(?:\\}\\s*)?catch\\s*\\(\\s*(?:final\\s+)?([\\w.$|\\s]+?)\\s+[\\w$]+\\s*\\)\\s*$");
    private static final Pattern BRACE = Pattern.compile("^\\s*\\{\\s*$");
    private static final Pattern CLOSER = Pattern.compile("^\\s*\\}");
    /** A statement of the old body that only printed: the catch swallowed before the change as well. */
    private static final Pattern PRINT_ONLY = Pattern.compile(
            "^\\s*(?:\\w+\\.printStackTrace\\(\\)|System\\.(?:out|err)\\.print\\w*\\([^;]*\\))\\s*;\\s*$");
    private static final Pattern COMMENT = Pattern.compile("^\\s*(?://|/\\*|\\*)");
    private static final Pattern CLOSE_ONLY = Pattern.compile("^\\s*(?:this\\.)?[\\w.]+\\.close\\s*\\(\\s*\\)\\s*;\\s*$");
    private static final int SWEEP = 2;
    /** A parameter named to say the failure is dropped on purpose, with the reason in the comment. */
    private static final Pattern IGNORED = Pattern.compile(
            "\\s(?:ignored|ignore|expected|unused|suppressed)\\s*\\)");
    private static final Pattern QUIET_LOG = Pattern.compile(
            "^\\s*\\w*(?:log|LOG|Log|logger|LOGGER)\\w*\\s*\\.\\s*(?:debug|trace|fine|finer|finest)\\w*\\s*\\(");
    private static final String EMPTIED = "The change empties this catch: the failure it logged or handled before "
            + "now disappears without a trace. Keep the log (or the handling), or say in a comment why this failure "
            + "may go.";
    /**
     * A comment where the handling was: the author absorbs the failure on purpose, which ERR-01 allows only "logged
     * with context and counted, so it is seen"; the comment is read by the next maintainer, never by whoever runs it.
     */
    private static final String COMMENTED = "The change replaces what this catch did (rethrow, log or handling) with "
            + "a comment: the failure is now absorbed on purpose but without a trace, and the caller carries on with "
            + "a partial result. Keep the rethrow, or log the failure with context and count it so it is seen.";

    private EmptiedCatches() {
    }

    /** @param allAdded every added line of the whole diff: a deleted statement added back anywhere was moved */
    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        if (file.language() != Language.JAVA) {
            return List.of();
        }
        Severity severity = catalog.item("ERR-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            for (int i = 0; i < lines.size(); i++) {
                DiffLine header = lines.get(i);
                Matcher catchOf = CATCH.matcher(header.text());
                int open = i; // the line of the body's opening brace
                if (!catchOf.find()) {
                    catchOf = CATCH_OPEN.matcher(header.text());
                    open = catchOf.find() ? nextKept(lines, i) : -1;
                    if (open < 0 || !BRACE.matcher(lines.get(open).text()).find()) {
                        continue;
                    }
                }
                if (header.kind() == DiffLine.Kind.REMOVED || onlyInterrupts(catchOf.group(1))) {
                    continue;
                }
                int closer = nextKept(lines, open);
                boolean commented = false;
                boolean stated = header.kind() == DiffLine.Kind.CONTEXT && IGNORED.matcher(header.text()).find();
                while (closer >= 0 && COMMENT.matcher(lines.get(closer).text()).find()) {
                    commented = true;
                    stated &= lines.get(closer).kind() == DiffLine.Kind.CONTEXT;
                    closer = nextKept(lines, closer);
                }
                if (closer < 0 || !CLOSER.matcher(lines.get(closer).text()).find()
                        || !handlingDeleted(lines, i, closer, allAdded)
                        || closesOnly(lines, i) && (commented || IGNORED.matcher(header.text()).find()
                                || quietOnly(lines, i, closer))
                        || commented && (stated || quietOnly(lines, i, closer))) {
                    continue;
                }
                out.add(new Finding(RULE, "ERR-01", severity, file.path(), header.newLine(), 1,
                        header.text().strip(), commented ? COMMENTED : EMPTIED, Finding.Confidence.HIGH, null, "kb",
                        null));
            }
        }
        return out.size() > SWEEP ? List.of() : out;
    }

    /**
     * Every type the catch names is an interruption (CONC-05's alone). A multi-catch that also names a failure of the
     * work ({@code BKException | InterruptedException}, {@code IOException | InterruptedException}) loses that failure
     * too when emptied: two defects on one line, CONC-05's and this (session 36, err36).
     */
    static boolean onlyInterrupts(String types) {
        for (String t : types.split("\\|")) {
            if (!t.strip().endsWith("InterruptedException")) {
                return false;
            }
        }
        return true;
    }

    /**
     * True for this rule's finding on the line of a CONC-05 finding when the catch is a multi-catch naming the
     * interrupt beside another type: the work's failure is the other defect, kept. A broad catch ({@code catch
     * (Exception e)} around a sleep) is CONC-05's alone, as before (set 21's atlas retry loop, moved code).
     */
    static boolean besideInterrupt(Finding mine, Finding other) {
        return mine.rule().equals(RULE) && other.item().equals("CONC-05") && mine.code().contains("|")
                && mine.code().contains("InterruptedException");
    }

    /** The index of the next line of the new file after {@code at} (context or added, not blank), or -1. */
    private static int nextKept(List<DiffLine> lines, int at) {
        for (int j = at + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && !l.text().isBlank()) {
                return j;
            }
        }
        return -1;
    }

    /**
     * True when the old body of this catch held a statement the change deletes and does not add back: the deleted
     * lines between the kept header and its closer, or, for a header the change rewrote, the deleted lines of the
     * run of changes that ends in it, from a deleted catch header on.
     */
    private static boolean handlingDeleted(List<DiffLine> lines, int header, int closer, AddedLines added) {
        int from = header + 1;
        if (lines.get(header).kind() == DiffLine.Kind.ADDED) {
            int start = header;
            while (start > 0 && lines.get(start - 1).kind() != DiffLine.Kind.CONTEXT) {
                start--;
            }
            int oldHeader = -1;
            for (int j = start; j < header; j++) {
                if (lines.get(j).kind() == DiffLine.Kind.REMOVED && CATCH.matcher(lines.get(j).text()).find()) {
                    oldHeader = j;
                }
            }
            if (oldHeader < 0) {
                return false;
            }
            from = oldHeader + 1;
        }
        boolean deleted = false;
        for (int j = from; j < closer; j++) {
            DiffLine l = lines.get(j);
            String t = l.text();
            if (l.kind() != DiffLine.Kind.REMOVED || j == header || t.isBlank() || COMMENT.matcher(t).find()
                    || CATCH.matcher(t).find()) {
                continue;
            }
            if (PRINT_ONLY.matcher(t).find() || added.stripped().contains(t.strip())) {
                return false;
            }
            deleted = true;
        }
        return deleted;
    }

    /**
     * Every statement the change deletes from the catch only logged at debug or trace: the failure was already unseen
     * in production, so a comment that says why loses nothing.
     */
    private static boolean quietOnly(List<DiffLine> lines, int header, int closer) {
        boolean any = false;
        int from = header;
        while (from > 0 && lines.get(from - 1).kind() != DiffLine.Kind.CONTEXT) {
            from--; // a header the change rewrote: the old body's lines come before it
        }
        for (int j = from; j < closer; j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED && !l.text().isBlank() && !COMMENT.matcher(l.text()).find()
                    && !CATCH.matcher(l.text()).find()) {
                if (!QUIET_LOG.matcher(l.text()).find()) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** The try this catch belongs to holds one statement, a close: closing quietly, when the change says so. */
    private static boolean closesOnly(List<DiffLine> lines, int header) {
        List<String> before = new ArrayList<>();
        for (int j = header - 1; j >= 0 && before.size() < 2; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && !l.text().isBlank()) {
                before.add(l.text());
            }
        }
        return lines.get(header).text().strip().startsWith("}") && before.size() == 2
                && CLOSE_ONLY.matcher(before.get(0)).find() && before.get(1).strip().endsWith("try {");
    }
}
