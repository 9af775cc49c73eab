package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * Session 48 (conc48): a Java change that deletes the catch-all of a body the hunk shows running on a schedule, where
 * the schedule call itself is out of sight. Two shapes of a periodic body are read from the lines around the deleted
 * catch: the body schedules its own next run below the try ({@code schedule(interval)} of an Eclipse job,
 * {@code scheduleUpdate()} of a timer task that re-arms itself), or the lambda ends in a schedule call's period
 * arguments ({@code }, 0, periodMs, TimeUnit.MILLISECONDS);}). The catch caught Exception, RuntimeException or
 * Throwable (alone or in a multi-catch) and did not rethrow; after the change the try keeps only narrower catches or
 * none. Whatever the catch-all absorbed now leaves the body: a self-rescheduling body skips its re-arm and the chain
 * ends, a fixed-rate task is cancelled (CONC-07). The fix threads of the class add exactly this catch back
 * (apache/shenyu#6608 lists eight such schedules in one project). Reported at the re-arm when it is in sight (the line
 * the failure now skips), else at the first line of the try's body. Silent when the change adds a catch-all anywhere
 * in the file (the guard moved) or keeps one on the same try, and in tests.
 */
final class DroppedPeriodicCatches {

    static final String RULE = "periodic-catch-dropped";

    private static final Pattern CATCH = Pattern.compile("^\\s*(?:\\}\\s*)?(?:catch|finally)\\b");
    private static final Pattern TRY = Pattern.compile("^\\s*try\\s*(?:\\{|$)");
    private static final Pattern THROW = Pattern.compile("\\bthrow\\b");
    /** A statement that schedules the next run of the body it ends. */
    private static final Pattern REARM = Pattern.compile("^\\s*(?:this\\.|[\\w.]+\\.)?schedule\\w*\\s*\\(");
    /** A call that hands over a task (another body's schedule, not this body's re-arm). */
    private static final Pattern HANDS_TASK = Pattern.compile("::|->|\\bnew\\s");
    /** The close of a lambda given to a schedule call, with the call's period arguments. */
    private static final Pattern PERIOD_TAIL = Pattern.compile("^\\s*\\}\\s*,[^;]*\\bTimeUnit\\.\\w+\\s*\\)\\s*;");
    private static final Pattern MOVED = Pattern.compile(UnguardedTaskCalls.CATCH_ALL.pattern()
            + "|[uU]ncaughtExceptionHandler\\s*\\(");
    private static final int REACH = 14;

    private DroppedPeriodicCatches() {
    }

    /**
     * @param standing the findings already made: one of CONC-07 near the report says it already
     * @param allAdded the added lines of every file of the diff: a catch-all among them is the guard moved
     */
    static List<Finding> find(SourceFile file, Catalog catalog, List<Finding> standing, AddedLines allAdded) {
        if (file.language() != Language.JAVA || file.path().contains("/test/") || allAdded.anyFinds(MOVED)) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                if (l.kind() == DiffLine.Kind.REMOVED && UnguardedTaskCalls.CATCH_ALL.matcher(l.text()).find()
                        && CATCH.matcher(l.text()).find() && !rethrew(lines, i)) {
                    int report = periodicReport(lines, i);
                    if (report > 0 && file.known(report) && standing.stream().noneMatch(s -> s.path()
                            .equals(file.path()) && s.item().equals("CONC-07") && Math.abs(s.line() - report) <= 3)
                            && out.stream().noneMatch(o -> o.line() == report)) {
                        out.add(finding(file, catalog, report));
                    }
                }
            }
        }
        return out;
    }

    /** True when the deleted catch-all's own body threw: the failure left the body before the change too. */
    private static boolean rethrew(List<DiffLine> lines, int at) {
        int indent = RemovedReleases.indent(lines.get(at).text());
        for (int j = at + 1; j < lines.size(); j++) {
            String t = lines.get(j).text();
            if (t.isBlank()) {
                continue;
            }
            if (RemovedReleases.indent(t) <= indent && !t.strip().equals("{")) {
                return false;
            }
            if (lines.get(j).kind() == DiffLine.Kind.REMOVED && THROW.matcher(t).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The line to report when the body around the deleted catch at {@code at} runs periodically and keeps no catch-all:
     * the re-arm below the try, or the first body line of the try when a schedule call's period arguments close the
     * lambda; 0 otherwise.
     */
    private static int periodicReport(List<DiffLine> lines, int at) {
        int indent = RemovedReleases.indent(lines.get(at).text());
        boolean periodic = false;
        int rearm = 0;
        for (int j = at + 1, seen = 0; j < lines.size() && seen < REACH; j++) {
            DiffLine l = lines.get(j);
            String t = l.text();
            if (l.kind() == DiffLine.Kind.REMOVED || t.isBlank()) {
                continue;
            }
            seen++;
            if (UnguardedTaskCalls.CATCH_ALL.matcher(t).find()) {
                return 0; // a catch-all stays (or comes back) on the try
            }
            if (PERIOD_TAIL.matcher(t).find()) {
                periodic = true;
                break;
            }
            int width = RemovedReleases.indent(t);
            if (width == indent && REARM.matcher(t).find() && !HANDS_TASK.matcher(t).find()) {
                rearm = l.newLine();
                break;
            }
            if (width < indent - 4 || width < indent && t.strip().startsWith("}")) {
                break; // the end of the body
            }
        }
        if (rearm > 0) {
            return rearm;
        }
        return periodic ? tryBody(lines, at, indent) : 0;
    }

    /** The new line of the first kept line of the try whose catch-all is at {@code at}, or of the hunk above it. */
    private static int tryBody(List<DiffLine> lines, int at, int indent) {
        int first = 0;
        for (int j = at - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            String t = l.text();
            if (t.isBlank()) {
                continue;
            }
            int width = RemovedReleases.indent(t);
            if (width <= indent && TRY.matcher(t).find()) {
                break;
            }
            if (width < indent) {
                break;
            }
            if (l.kind() != DiffLine.Kind.REMOVED && width > indent && !CATCH.matcher(t).find()) {
                first = l.newLine();
            }
        }
        return first;
    }

    private static Finding finding(SourceFile file, Catalog catalog, int line) {
        Severity severity = catalog.item("CONC-07").map(Catalog.Item::severity).orElse(Severity.WARNING);
        return new Finding(RULE, "CONC-07", severity, file.path(), line, 1, file.line(line).strip(),
                "The change takes away the catch-all of a body that runs on a schedule: a RuntimeException (or an "
                        + "Error) the narrower catches do not take now leaves it, and the first one ends every later "
                        + "run, silently. Keep a catch of Exception (or Throwable) that logs and goes on.",
                Finding.Confidence.HIGH, null, "kb", null);
    }
}
