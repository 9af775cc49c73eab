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
 * A thread or goroutine started for every task where a bounded pool used to take it, or where the pool has just
 * refused it (CONC-02: concurrency has a bound that pushes back). Two kinds of evidence that the launch runs once
 * per task, taken from real fixes that went the other way (session 32; classes25/conc32-*-thread-per-task):
 * <ul>
 * <li><b>the hand-off it replaces</b>: the change deletes a call that gave the task to a pool ({@code
 * executor.execute(task)}, {@code pool.submit(...)}, Go's {@code p.Submit(f)} or a send on a work channel,
 * {@code s.jobs <- job}) and, in the same run of changed lines, starts a thread ({@code new Thread(...)} then
 * {@code start()}, a factory's {@code newThread}) or a {@code go} statement: each task now gets one, as many as
 * tasks in flight;</li>
 * <li><b>the refusal it answers</b>: the launch sits in the branch where the bounded pool said no, a
 * {@code catch (RejectedExecutionException e)}, a {@code rejectedExecution} handler, an {@code if} on an error
 * named for overload or a full queue ({@code err == ErrPoolOverload}, {@code errors.Is(err, ErrQueueFull)}), or the
 * {@code default:} of a {@code select} whose case sends the task to a channel: the bound is the pool's, and the
 * spill around it has none.</li>
 * </ul>
 * Left alone: virtual threads (cheap by design), a thread made without a {@code start()} in sight (a factory's
 * {@code newThread} for a pool), tests, and a launch with a visible bound of its own (a semaphore acquired, a slot
 * sent, SetLimit).
 */
final class PerTaskLaunches {

    static final String RULE = "thread-per-task";

    /** A deleted hand-off of a task to a pool (Java executors, Go pools) or to a work channel. */
    private static final Pattern HAND_OFF = Pattern.compile(
            "(?:^|[\\s(=])[\\w.()\\[\\]]*?(\\w*(?i:executor|pool|exec|service|workers?|threads?|scheduler|runner)"
                    + "\\w*)\\s*\\.\\s*"
                    + "(?:execute|submit|Submit\\w*|Invoke|Execute|Schedule|Dispatch|Enqueue)\\s*\\(");
    /** A pool made on the spot: {@code var executor = Executors.newSingleThreadExecutor();}. */
    private static final Pattern MADE_HERE = Pattern.compile(
            "\\s*=\\s*(?:Executors\\s*\\.|new\\s+\\w*(?:Executor|Pool)\\w*\\s*[(<])");
    /** A deleted send on a channel (Go); group 1 the value sent, which the launch that replaces it must use. */
    private static final Pattern SEND = Pattern.compile("^\\s*[\\w.\\[\\]]+\\s*<-\\s*(\\w+)\\s*$");
    /** A Java thread made (and started on the same line, or below). */
    private static final Pattern JAVA_THREAD = Pattern.compile(
            "\\bnew\\s+Thread\\s*\\(|\\.newThread\\s*\\(|\\bThread\\s*\\.\\s*ofPlatform\\s*\\(");
    private static final Pattern JAVA_START = Pattern.compile("\\.start\\s*\\(\\s*\\)|\\.start\\s*\\(\\s*\\w");
    /** A Go go statement. */
    private static final Pattern GO_LAUNCH = Pattern.compile("^\\s*go\\s+[\\w.(]");
    /** The branch where the pool refused the task. */
    private static final Pattern JAVA_REFUSED = Pattern.compile(
            "\\bcatch\\s*\\([^)]*\\bRejectedExecutionException\\b|\\bvoid\\s+rejectedExecution\\s*\\(");
    private static final Pattern GO_REFUSED = Pattern.compile(
            "^\\s*(?:}\\s*else\\s+)?if\\b.*?(?:==\\s*|errors\\.Is\\(\\s*\\w+\\s*,\\s*)[\\w.]*Err\\w*"
                    + "(?i:overload|full|busy|exhaust|capacity|limit|toomany|rejected|saturat|queue|nofree|noworker)");
    private static final Pattern GO_DEFAULT = Pattern.compile("^\\s*default\\s*:");
    private static final Pattern GO_SEND_CASE = Pattern.compile("^\\s*case\\s+[\\w.\\[\\]]+\\s*<-\\s*\\S");
    /** A bound the launch takes itself. */
    private static final Pattern OWN_BOUND = Pattern.compile(
            "\\.(?:Try)?Acquire\\s*\\(|\\.SetLimit\\s*\\(|<-\\s*struct\\s*\\{\\s*\\}\\s*\\{\\s*\\}|\\.tryAcquire\\s*\\("
                    + "|\\.acquire\\s*\\(");

    private PerTaskLaunches() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        Language lang = file.language();
        if (lang != Language.GO && lang != Language.JAVA || file.change().hunks().isEmpty() || TestCode.isTest(file)) {
            return List.of();
        }
        boolean go = lang == Language.GO;
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                if (l.kind() != DiffLine.Kind.ADDED || !(go ? l.text().contains("go ") : l.text().contains("Thread"))) {
                    continue;
                }
                if (go ? !GO_LAUNCH.matcher(l.text()).find() : !javaLaunch(lines, i)) {
                    continue;
                }
                String why = replacesHandOff(lines, i) ? "hand-off" : refused(file, l.newLine(), go) ? "refused" : null;
                if (why == null || boundNear(file, l.newLine())) {
                    continue;
                }
                Severity severity = catalog.item("CONC-02").map(Catalog.Item::severity).orElse(Severity.WARNING);
                String what = go ? "goroutine" : "thread";
                out.add(new Finding(RULE, "CONC-02", severity, file.path(), l.newLine(), 1, l.text().strip(),
                        why.equals("hand-off")
                                ? "The change starts a new " + what + " for this task where it used to hand it to a "
                                + "pool: each call now gets its own " + what + ", so a burst of tasks becomes as many "
                                + what + "s (and their memory) at once, with nothing that pushes back. Keep handing "
                                + "the task to the bounded pool."
                                : "This starts a new " + what + " exactly when the bounded pool has refused the task "
                                + "(full or overloaded): the spill has no bound of its own, so under load the tasks "
                                + "the pool pushed back become as many " + what + "s. Block, drop or fail the task "
                                + "instead, or bound the spill too.",
                        Finding.Confidence.HIGH, "the change's own lines show the per-task launch", "kb", null));
            }
        }
        return out;
    }

    /** A Java thread made on this line and started on it or on one of the next few lines; no virtual thread. */
    private static boolean javaLaunch(List<DiffLine> lines, int at) {
        String text = lines.get(at).text();
        if (!JAVA_THREAD.matcher(text).find() || text.contains("ofVirtual") || text.contains("startVirtualThread")) {
            return false;
        }
        for (int j = at; j < Math.min(lines.size(), at + 6); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && JAVA_START.matcher(l.text()).find()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the run of changed lines around the launch deletes a hand-off of a task to a pool or work channel. */
    private static boolean replacesHandOff(List<DiffLine> lines, int at) {
        String launch = lines.get(at).text();
        for (DiffLine l : RemovedLine.changedBlock(lines, at)) {
            if (l.kind() != DiffLine.Kind.REMOVED) {
                continue;
            }
            Matcher handOff = HAND_OFF.matcher(l.text());
            if (handOff.find() && !madeInHunk(lines, handOff.group(1))) {
                return true;
            }
            Matcher send = SEND.matcher(l.text());
            if (send.find() && mentions(launch, send.group(1))) {
                return true; // the task sent to the workers' channel is now given to a goroutine of its own
            }
        }
        return false;
    }

    /**
     * Whether the launch sits in the branch where a pool refused the task: the nearest enclosing lines (by
     * indentation, in the new file's known text) open a RejectedExecutionException catch or handler (Java), an
     * {@code if} on an overload error or the {@code default:} of a select that sends to a channel (Go).
     */
    private static boolean refused(SourceFile file, int line, boolean go) {
        int indent = indent(file.line(line));
        for (int n = line - 1; n >= 1 && n >= line - 40 && file.known(n); n--) {
            String t = file.line(n);
            if (t.isBlank()) {
                continue;
            }
            int in = indent(t);
            if (in >= indent) {
                continue;
            }
            indent = in;
            if (!go) {
                if (JAVA_REFUSED.matcher(t).find()) {
                    return true;
                }
                if (t.contains(" class ") || in == 0) {
                    return false;
                }
                continue;
            }
            if (GO_REFUSED.matcher(t).find()) {
                return true;
            }
            if (GO_DEFAULT.matcher(t).find()) {
                return sendsInSelect(file, n, in);
            }
            if (t.startsWith("func")) {
                return false;
            }
        }
        return false;
    }

    /** Whether the select around the {@code default:} at line {@code at} has a case that sends to a channel. */
    private static boolean sendsInSelect(SourceFile file, int at, int indent) {
        for (int n = at - 1; n >= 1 && n >= at - 30 && file.known(n); n--) {
            String t = file.line(n);
            if (t.isBlank()) {
                continue;
            }
            if (indent(t) == indent && GO_SEND_CASE.matcher(t).find()) {
                return true;
            }
            if (indent(t) < indent) {
                return false; // the select's own line: no send case between it and the default
            }
        }
        return false;
    }

    /** A bound the code takes within a few lines above the launch (a semaphore, a slot, a limit). */
    private static boolean boundNear(SourceFile file, int line) {
        for (int n = Math.max(1, line - 8); n <= line; n++) {
            if (file.known(n) && OWN_BOUND.matcher(file.line(n)).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the hunk's old side makes the pool it handed the task to ({@code var executor = Executors.new...()}): a
     * pool made per call had a thread per call already, so a thread in its place adds none (set 21's streampipes
     * schema guess, a single-thread executor made and shut down in the method).
     */
    private static boolean madeInHunk(List<DiffLine> lines, String pool) {
        for (DiffLine l : lines) {
            String t = l.text();
            int at = t.indexOf(pool);
            if (l.kind() != DiffLine.Kind.ADDED && at >= 0 && mentions(t, pool)
                    && MADE_HERE.matcher(t.substring(at + pool.length())).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text} uses {@code name} as a word of its own (not a field of something else). */
    private static boolean mentions(String text, String name) {
        for (int k = text.indexOf(name); k >= 0; k = text.indexOf(name, k + 1)) {
            int end = k + name.length();
            boolean before = k == 0 || !Character.isJavaIdentifierPart(text.charAt(k - 1)) && text.charAt(k - 1) != '.';
            boolean after = end == text.length() || !Character.isJavaIdentifierPart(text.charAt(end));
            if (before && after) {
                return true;
            }
        }
        return false;
    }

    private static int indent(String t) {
        int k = 0;
        int width = 0;
        for (; k < t.length() && (t.charAt(k) == ' ' || t.charAt(k) == '\t'); k++) {
            width += t.charAt(k) == '\t' ? 4 : 1;
        }
        return width;
    }
}
