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
 * Session 45 (conc45): a Java change that takes the catch-all off the whole body of a task it still hands to a thread
 * or a scheduler. The deleted {@code try} opened the body of the lambda (or of an anonymous task's {@code run()})
 * given to {@code new Thread(...)}, {@code executor.execute(...)}, a {@code start(...)} of a thread builder or any
 * {@code schedule...(...)}, and its catch caught Exception, RuntimeException or Throwable without rethrowing. The
 * task now lets its first failure out: a thread or a pool's worker dies with at most a stack trace on stderr
 * (CONC-01), a scheduled run is never followed by another and a one-shot timeout action is lost (CONC-07). This is
 * the reverse of the fix real projects apply again and again (wrap the body of the runnable handed to the thread or
 * the scheduler in a catch that logs), so the deleted guard is the evidence, whatever the task does.
 *
 * <p>Two edits read: the launch kept while the guard inside its lambda is deleted (reported at the launch), and the
 * launch rewritten so it hands the bare task (a guarding lambda {@code () -> { try { task.run(); } catch ... }}
 * replaced by {@code task}), reported at the new launch. Silent when the file adds a catch-all or an uncaught-exception
 * handler anywhere (the guard moved), when the old catch rethrew, for {@code submit} and {@code runAsync} (their
 * future holds the failure: CONC-06's) and when another finding of the item already stands in the task.
 */
final class DroppedTaskGuards {

    static final String RULE = "task-guard-dropped";

    /** A launch with any task: group 1 the thread class, group 2 the call's name. */
    private static final Pattern ANY_LAUNCH = Pattern.compile(
            "(?:\\bnew\\s+(\\w*Thread)\\s*\\(|\\.\\s*(execute|schedule\\w*|start|startVirtualThread)\\s*\\()");
    /** A launch line whose task opens on it (a lambda's block, an anonymous task); groups as {@link #ANY_LAUNCH}. */
    private static final Pattern LAUNCH = Pattern.compile(ANY_LAUNCH.pattern()
            + "[^;]*?(?:->\\s*\\{|new\\s+(?:Runnable|TimerTask|Thread)\\s*\\(\\s*\\)\\s*\\{)\\s*$");
    /** An anonymous task's run method, between its launch and the deleted try. */
    private static final Pattern RUN_METHOD = Pattern.compile(
            "^\\s*(?:@Override\\s*)?(?:public\\s+)?(?:void\\s+run\\s*\\(\\s*\\)\\s*\\{)?\\s*$");
    /** The work a guarded body ran: group 1 the task run ({@code task.run()}), group 2 a method of this class. */
    private static final Pattern RAN = Pattern.compile(
            "^\\s*(?:(\\w+)\\s*\\.\\s*(?:run|call)\\s*\\(\\s*\\)|(?:this\\.)?(\\w+)\\s*\\([^()]*\\))\\s*;");
    private static final Pattern TRY_OPEN = Pattern.compile("^\\s*try\\s*\\{\\s*$");
    private static final Pattern CATCH = Pattern.compile("^\\s*(?:\\}\\s*)?catch\\b");
    private static final Pattern THROW = Pattern.compile("\\bthrow\\b");
    private static final Pattern MOVED = Pattern.compile(UnguardedTaskCalls.CATCH_ALL.pattern()
            + "|[uU]ncaughtExceptionHandler\\s*\\(");

    private DroppedTaskGuards() {
    }

    /** @param standing the findings already made for the diff: one of the item inside the task says it already */
    static List<Finding> find(SourceFile file, Catalog catalog, List<Finding> standing) {
        if (file.language() != Language.JAVA || file.path().contains("/test/")) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        if (file.change().hunks().stream().flatMap(h -> h.lines().stream())
                .anyMatch(l -> l.kind() == DiffLine.Kind.ADDED && MOVED.matcher(l.text()).find())) {
            return out; // the guard moved (into a helper, a handler) in the file the change writes
        }
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).kind() == DiffLine.Kind.REMOVED && TRY_OPEN.matcher(lines.get(i).text()).find()) {
                    Finding f = dropped(file, catalog, lines, i, standing);
                    if (f != null && out.stream().noneMatch(o -> o.line() == f.line())) {
                        out.add(f);
                    }
                }
            }
        }
        return out;
    }

    private static Finding dropped(SourceFile file, Catalog catalog, List<DiffLine> lines, int tryAt,
            List<Finding> standing) {
        int head = tryAt - 1;
        while (head >= 0 && head >= tryAt - 3 && RUN_METHOD.matcher(lines.get(head).text()).matches()
                && !lines.get(head).text().isBlank()) {
            head--;
        }
        if (head < 0 || lines.get(head).text().contains(".submit(")) {
            return null;
        }
        Matcher launch = LAUNCH.matcher(lines.get(head).text());
        boolean kept = lines.get(head).kind() != DiffLine.Kind.REMOVED;
        if (!launch.find() || !guardedWholly(lines, tryAt, kept)) {
            return null;
        }
        String call = launch.group(1) != null ? launch.group(1) : launch.group(2);
        int report = kept ? lines.get(head).newLine() : relaunched(lines, head, tryAt, call);
        if (report <= 0 || !file.known(report)) {
            return null;
        }
        String item = call.startsWith("schedule") ? "CONC-07" : "CONC-01";
        int end = bodyEnd(lines, tryAt);
        if (standing.stream().anyMatch(s -> s.path().equals(file.path()) && s.item().equals(item)
                && s.line() >= report && s.line() <= Math.max(report, end))) {
            return null;
        }
        Severity severity = catalog.item(item).map(Catalog.Item::severity).orElse(Severity.WARNING);
        String message = item.equals("CONC-07")
                ? "The change takes away the catch-all that wrapped this scheduled task's body: its first exception "
                        + "now cancels the schedule (or loses the one-shot action) silently. Keep a catch of "
                        + "Exception (or Throwable) around the body that logs and goes on."
                : "The change takes away the catch-all that wrapped this thread's task: its first exception now "
                        + "kills the thread silently and its work stops. Keep the catch that logs, or give the thread "
                        + "an uncaught-exception handler.";
        return new Finding(RULE, item, severity, file.path(), report, 1, file.line(report).strip(), message,
                Finding.Confidence.HIGH, null, "kb", null);
    }

    /**
     * True when the try at {@code tryAt} had a catch-all at its own indentation that did not rethrow, and (when the
     * launch is kept) some line of its body is kept: the work stays, only the guard goes.
     */
    private static boolean guardedWholly(List<DiffLine> lines, int tryAt, boolean launchKept) {
        int indent = RemovedReleases.indent(lines.get(tryAt).text());
        boolean catchAll = false;
        boolean inCatchAll = false;
        boolean bodyKept = false;
        for (int j = tryAt + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            String t = l.text();
            boolean removed = l.kind() == DiffLine.Kind.REMOVED;
            if (!removed && !t.isBlank() && RemovedReleases.indent(t) < indent) {
                break; // the end of the task
            }
            if (removed && RemovedReleases.indent(t) == indent && t.strip().startsWith("}") || CATCH.matcher(t).find()) {
                // a clause of the try opens or closes: only a catch-all's own lines are read for a rethrow
                inCatchAll = removed && RemovedReleases.indent(t) == indent && UnguardedTaskCalls.CATCH_ALL.matcher(t).find();
                catchAll |= inCatchAll;
            } else if (inCatchAll && removed && THROW.matcher(t).find()) {
                return false; // the old catch let the failure out anyway
            } else if (!removed && !t.isBlank()) {
                bodyKept = true;
            }
        }
        return catchAll && (bodyKept || !launchKept);
    }

    /** The new line of the last kept line of the task whose guard opened at {@code tryAt}. */
    private static int bodyEnd(List<DiffLine> lines, int tryAt) {
        int indent = RemovedReleases.indent(lines.get(tryAt).text());
        int end = 0;
        for (int j = tryAt + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && !l.text().isBlank()) {
                if (RemovedReleases.indent(l.text()) < indent) {
                    return l.newLine();
                }
                end = l.newLine();
            }
        }
        return end;
    }

    /**
     * The added launch of the same call in the changed block around the deleted one that hands over what the guarded
     * body ran ({@code task} for {@code task.run()}, {@code this::refresh} for {@code refresh()}), or 0.
     */
    private static int relaunched(List<DiffLine> lines, int head, int tryAt, String call) {
        List<String> ran = new ArrayList<>();
        int indent = RemovedReleases.indent(lines.get(tryAt).text());
        for (int j = tryAt + 1; j < lines.size() && lines.get(j).kind() == DiffLine.Kind.REMOVED
                && !CATCH.matcher(lines.get(j).text()).find() && RemovedReleases.indent(lines.get(j).text()) > indent; j++) {
            Matcher r = RAN.matcher(lines.get(j).text());
            if (r.find()) {
                ran.add(r.group(1) != null ? r.group(1) : r.group(2));
            }
        }
        for (DiffLine l : RemovedLine.changedBlock(lines, head)) {
            Matcher m = ANY_LAUNCH.matcher(l.text());
            if (l.kind() == DiffLine.Kind.ADDED && m.find()
                    && call.equals(m.group(1) != null ? m.group(1) : m.group(2))) {
                String args = l.text().substring(m.end());
                boolean handsIt = ran.stream().anyMatch(w -> Pattern.compile(
                        "(?:^|[\\s(,])(?:this\\s*::\\s*)?" + Pattern.quote(w) + "\\s*[,)]").matcher(args).find());
                return handsIt ? l.newLine() : 0;
            }
        }
        return 0;
    }
}
