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
 * A Go change that deletes the deferred recover of a named function that runs one turn of scheduled work (a job's
 * {@code run}, a cron entry's {@code Run}, a ticker's turn), keeping the function and the call that runs the job's
 * code ({@code j.fn()}, {@code job.Run(ctx)}, {@code task()}). The recover was the one boundary between the job's code
 * and the scheduler: without it the first panicking run ends the goroutine that schedules every later run, and with
 * it the process. Unlike {@link RemovedRecovers}, no goroutine launch is in sight: the function is called from code
 * the diff does not show, so the job's scheduling is read from names (the function, its receiver's type, the hunk's
 * section, the file), and the finding is low. Reported at the first kept call of the job's code below the deletion.
 * Silent in tests, when the change adds a recover or a deferred call anywhere in the same function or a recover
 * anywhere in the diff (moved), when a goroutine launch sits between the function's head and the deletion (that
 * goroutine is {@link RemovedRecovers}'), and when the function goes with it.
 */
final class DeletedJobRecovers {

    static final String RULE = "job-recover-deleted";

    private static final Pattern FUNC = Pattern.compile("^func\\s*(?:\\(\\s*\\w*\\s*\\*?\\s*([\\w.]+)[^)]*\\)\\s*)?(\\w+)");
    private static final Pattern LAUNCH = Pattern.compile("(?:^\\s*go\\s|\\.Go\\(\\s*)");
    private static final Pattern DEFER = Pattern.compile("^\\s*defer\\s");
    /** Names of scheduled work: the function, its receiver's type, the hunk's section or the file say so. */
    private static final Pattern SCHEDULED = Pattern.compile("(?i)job|cron|schedul|tick|timer|periodic|interval|"
            + "recurr|sweep|heartbeat");
    /** A call whose callee, by its last name, runs the job's own code: a function value or a job's run method. */
    private static final Pattern CALL = Pattern.compile("(?<![\\w\"])((?:\\w+\\.)*)(\\w+)\\s*\\(");
    private static final Pattern RUNS_CODE = Pattern.compile("(?i)fn|f|cb|callback|handler|action|work|task\\w*|"
            + "job\\w*|run\\w*|do|exec\\w*|invoke|call|fire");

    private DeletedJobRecovers() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        if (file.language() != Language.GO || file.path().endsWith("_test.go") || file.change().hunks().isEmpty()
                || allAdded.anyFinds(RemovedRecovers.RECOVER)) {
            return List.of();
        }
        Severity severity = catalog.item("CONC-07").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                if (l.kind() != DiffLine.Kind.REMOVED || !DEFER.matcher(l.text()).find()
                        || !deferredRecover(lines, i)) {
                    continue;
                }
                int at = jobCall(file, h, i);
                if (at > 0 && out.stream().noneMatch(f -> f.line() == at)) {
                    out.add(new Finding(RULE, "CONC-07", severity, file.path(), at, 1, file.line(at).strip(),
                            "The change deletes the recover of this function, which runs a turn of scheduled work: "
                                    + "a panic in the job's code now escapes it, ending every later run (and, "
                                    + "unrecovered in its goroutine, the whole process). Keep a deferred recover "
                                    + "that logs the panic, or recover in the scheduler around each run.",
                            Finding.Confidence.LOW, "the function's caller is out of sight: its scheduling is read "
                            + "from its names", "kb", null));
                }
            }
        }
        return out;
    }

    /** The deleted {@code defer} recovers: a recovering helper, or a deleted closure holding {@code recover()}. */
    private static boolean deferredRecover(List<DiffLine> lines, int at) {
        if (RemovedRecovers.RECOVER.matcher(lines.get(at).text()).find()) {
            return true;
        }
        for (int j = at + 1; j < lines.size() && j <= at + 4 && lines.get(j).kind() == DiffLine.Kind.REMOVED; j++) {
            if (lines.get(j).text().contains("recover()")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The new line of the first kept call of the job's code below the deleted defer, in the function the defer sat
     * in, when that function is named for scheduled work and keeps no other defer; else 0.
     */
    private static int jobCall(SourceFile file, Hunk h, int at) {
        List<DiffLine> lines = h.lines();
        String head = null;
        for (int j = at - 1; j >= 0 && head == null; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            if (LAUNCH.matcher(l.text()).find()) {
                return 0; // a goroutine's own recover: RemovedRecovers
            }
            if (FUNC.matcher(l.text()).find()) {
                head = l.text();
            }
        }
        String names = (head == null ? h.section() : head) + " " + file.path();
        Matcher m = FUNC.matcher(head == null ? h.section() : head);
        if (m.find()) {
            names = (m.group(1) == null ? "" : m.group(1)) + " " + m.group(2) + " " + file.path();
        }
        if (!SCHEDULED.matcher(names).find()) {
            return 0;
        }
        int call = 0;
        for (int j = at + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            if (FUNC.matcher(l.text()).find()) {
                break;
            }
            if (l.kind() == DiffLine.Kind.ADDED && DEFER.matcher(l.text()).find()) {
                return 0; // the guard replaced by another deferred call
            }
            if (call == 0 && runsJobCode(l.text())) {
                call = l.newLine();
            }
        }
        return call;
    }

    private static boolean runsJobCode(String line) {
        String code = line.strip();
        if (code.startsWith("//") || DEFER.matcher(line).find() || LAUNCH.matcher(line).find()) {
            return false;
        }
        Matcher c = CALL.matcher(code);
        while (c.find()) {
            if (RUNS_CODE.matcher(c.group(2)).matches() && !c.group(1).matches("(?i)(?:log|fmt|time|errors|strings|"
                    + "sync|atomic|context|os|metrics?|ctx|wg|mu|t)\\.")) {
                return true;
            }
        }
        return false;
    }
}
