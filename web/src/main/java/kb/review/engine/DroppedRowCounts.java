package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Java change that stops looking at the row count of an update it keeps: {@code if (ps.executeUpdate() != 1)
 * { throw ... }} (or {@code return jdbc.update(sql, id) == 1;}) rewritten as the bare statement
 * {@code ps.executeUpdate();}. TX-02 names "ignoring the row count that executeUpdate returns when exactly one row
 * must change" as Java's failure mode; the deleted check is the code's own word that the count mattered (an
 * optimistic update that lost its race, a row that is gone), and the change now reports success whatever happened.
 * The SQL need not be in sight, which is the usual case in an edit. Reported at the bare call the change adds;
 * silent when the count is still kept (assigned, returned, compared: those lines are no bare statement), when the
 * deleted line only ran the call as a statement itself, and for a change that drops more than {@link #SWEEP} checks
 * in one file (a deliberate rewrite of its error handling).
 */
final class DroppedRowCounts {

    static final String RULE = "dropped-row-count";

    /**
     * An update call with its arguments (one level of nested parentheses): JDBC's executeUpdate on any statement, and
     * {@code update} only on a receiver named for JDBC (a JdbcTemplate, a JdbcClient), since a cache's or a map's
     * update returns no row count. Group 1 is the call.
     */
    private static final Pattern UPDATE = Pattern.compile(
            "((?:this\\.)?(?:[\\w$]+(?:\\.[\\w$]+)*\\.(?:executeUpdate|executeLargeUpdate)"
                    + "|(?:[\\w$]+\\.)*(?i:[\\w$]*(?:jdbc|template)[\\w$]*)\\.update)\\s*\\("
                    + "(?:[^()]|\\([^()]*\\))*\\))");
    /** The count used: compared, returned, or kept in a variable. */
    private static final Pattern USED = Pattern.compile(
            "(?:[!=<>]=|[<>])\\s*$|^\\s*(?:[!=<>]=|[<>])|\\breturn\\s+$|(?<![=!<>])=\\s*$");
    private static final int SWEEP = 2;

    private DroppedRowCounts() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.JAVA) {
            return List.of();
        }
        Severity severity = catalog.item("TX-02").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        int drops = 0;
        for (RemovedLine removed : RemovedLine.of(file)) {
            String old = removed.line().text();
            Matcher m = UPDATE.matcher(old);
            while (m.find()) {
                if (!USED.matcher(old.substring(0, m.start())).find() && !USED.matcher(old.substring(m.end())).find()) {
                    continue;
                }
                int bare = bareCall(RemovedLine.changedBlock(removed.lines(), removed.index()), m.group(1));
                if (bare > 0) {
                    drops++;
                    out.add(new Finding(RULE, "TX-02", severity, file.path(), bare, 1, file.line(bare).strip(),
                            "The change turns `" + old.strip() + "` into the bare call `" + m.group(1).strip()
                                    + "`: the row count it checked is now ignored, so an update that changed no row (a "
                                    + "lost race, a row that is gone) reports success. Keep the check.",
                            Finding.Confidence.HIGH, null, "kb", null));
                }
                break;
            }
        }
        return drops > SWEEP ? List.of() : out;
    }

    /** The added line of the block that runs {@code call} as a bare statement; 0 when there is none. */
    private static int bareCall(List<DiffLine> block, String call) {
        String wanted = call.replaceAll("\\s+", "") + ";";
        for (DiffLine l : block) {
            if (l.kind() == DiffLine.Kind.ADDED && l.text().replaceAll("\\s+", "").equals(wanted)) {
                return l.newLine();
            }
        }
        return 0;
    }
}
