package kb.review.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * CONC-07 on the line that can end the schedule, when no {@code throw} is in sight: the call a periodic task makes
 * with nothing around it that catches.
 * <ul>
 * <li>An edit that takes a catch-all away: a deleted {@code try} whose catch caught Exception, RuntimeException or
 * Throwable and only logged, its body kept (as added lines, or untouched between the deleted try and catch) with
 * nothing catching around it (a scheduler's tick that ran each due task in a guard, now
 * {@code task.getRunnable().run();} bare). Reported at the first kept call, the
 * element's or callback's run first. High when the method runs on a scheduler the file shows, or the method, the
 * hunk's section or the class is named for periodic work (tick, timer, scheduler, heartbeat, poll); low when only a
 * callback run inside a loop says so; silent elsewhere, for one-time methods, and when the change keeps a catch-all
 * (moved around more code) or the old catch rethrew.</li>
 * <li>A new task method the schedule call's rule already reports (its scheduler line, {@code this::tick}): the
 * first added call in its body that runs an element's work ({@code timer.tick()} on the loop's variable) or a
 * callback, also reported there, since it is the line whose failure cancels the schedule and the line the fix
 * wraps.</li>
 * </ul>
 */
final class UnguardedTaskCalls {

    static final String RULE = "task-call-unguarded";

    /** A catch of Exception, Throwable or RuntimeException, alone or among the types of a multi-catch. */
    static final Pattern CATCH_ALL = Pattern.compile(
            "\\bcatch\\s*\\(\\s*(?:final\\s+)?(?:[\\w.]+\\s*\\|\\s*)*(?:java\\.lang\\.)?(?:Exception|Throwable|"
            + "RuntimeException)(?:\\s*\\|\\s*[\\w.]+)*\\s+\\w+\\s*\\)");
    private static final Pattern TRY_OPEN = Pattern.compile("^\\s*try\\s*\\{\\s*$");
    private static final Pattern THROW = Pattern.compile("\\bthrow\\b");
    private static final Pattern CALL = Pattern.compile("\\w\\s*\\(");
    private static final Pattern LOG = Pattern.compile("^\\s*(?:(?:this\\.)?\\w*(?:log|LOG|Log|logger|LOGGER)\\w*"
            + "(?:\\(\\))?\\s*\\.\\s*\\w+\\s*\\(|\\w+\\.printStackTrace\\(|System\\.(?:out|err)\\.print)");
    /** A call that runs someone else's work: a task, a callback, a listener, an element's step. */
    private static final Pattern CALLBACK = Pattern.compile("\\.\\s*(?:run|call|accept|apply|execute|tick|update|"
            + "handle|invoke|fire|process|perform|on[A-Z]\\w*)\\s*\\(|\\.\\s*get\\s*\\(\\s*\\)");
    /** The same without a bare {@code get()}: in a new task body that is mostly a counter's or a reference's read. */
    private static final Pattern ELEMENT_CALLBACK = Pattern.compile("\\.\\s*(?:run|call|accept|apply|execute|tick|"
            + "update|handle|invoke|fire|process|perform|on[A-Z]\\w*)\\s*\\(");
    /** A line that continues the statement above it (an operand, an argument, a chained call). */
    private static final Pattern CONTINUATION = Pattern.compile("^\\s*(?:[-+*/%&|?:,.]|\\)|\\w+\\s*\\)|\"[^\"]*\"\\s*[+,)])");
    private static final Pattern STATEMENT_END = Pattern.compile("[;{}]\\s*(?://.*)?$");
    private static final Pattern LOOP = Pattern.compile("^\\s*(?:for|while|do)\\b");
    /** Names of periodic work, on the method, the hunk's section or the class. */
    private static final Pattern PERIODIC = Pattern.compile("(?i)tick|heartbeat|timer|periodic|schedul|cron|poll|"
            + "pulse|sweep|reap|repeat");
    private static final Pattern CLASS = Pattern.compile("\\b(?:class|enum)\\s+(\\w+)");
    private static final Pattern ONCE = Pattern.compile("^(?:start\\w*|stop|init\\w*|open|close|shutdown|destroy|"
            + "dispose|main|configure|load|onEnable|onDisable|onCreate|test\\w*)$");
    /** A TimerTask of the file, named or anonymous: its run() is the Timer's tick. */
    private static final Pattern TIMER_TASK = Pattern.compile("\\b(?:extends|new)\\s+(?:java\\.util\\.)?TimerTask\\b");
    private static final Pattern REFERENCED = Pattern.compile("::\\s*(\\w+)|\\(\\s*\\)\\s*->\\s*(?:this\\.)?(\\w+)\\s*\\(");
    private static final Pattern FOR_EACH = Pattern.compile("\\bfor\\s*\\(\\s*(?:final\\s+)?[\\w<>?,.\\[\\]\\s]+?\\s+"
            + "(\\w+)\\s*:");
    private static final Pattern NEXT = Pattern.compile("\\b(\\w+)\\s*=\\s*[\\w.]+\\s*\\.\\s*(?:next|poll|take)\\s*\\(\\s*\\)");
    private static final Pattern ACCESSOR = Pattern.compile("^(?:get[A-Z]\\w*|is[A-Z]\\w*|has[A-Z]\\w*|equals|"
            + "hashCode|toString|name|id)$");
    private static final Pattern RECEIVER_CALL = Pattern.compile("(?<![\\w.])(\\w+)\\s*\\.\\s*(\\w+)\\s*\\(");
    private static final Pattern VOID_HEADER = Pattern.compile("\\bvoid\\s+(\\w+)\\s*\\(\\s*\\)\\s*\\{\\s*$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final String REMOVED = "The change takes away the catch-all around this call, and nothing else "
            + "catches around it: if it throws in a periodic task (a scheduler's tick, a timer), the failure leaves "
            + "the task, the schedule is cancelled (or the ticking thread dies) and every later run stops, silently. "
            + "Keep a catch of Exception (or Throwable) around it that logs and goes on.";
    private static final String BARE = "This call runs in a periodic task with nothing around it that catches: the "
            + "first time it throws, every later run of the schedule is cancelled, silently. Wrap it (or the task "
            + "body) in a try that catches Exception (or Throwable), logs and goes on.";

    private UnguardedTaskCalls() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, List<Finding> kept) {
        if (file.language() != Language.JAVA || file.change().hunks().isEmpty()) {
            return List.of();
        }
        Severity severity = catalog.item("CONC-07").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            if (rescheduled(file, h, kept)) {
                continue; // the schedule call the change rewrote names the task that lost its guard (round 55)
            }
            List<DiffLine> lines = h.lines();
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                if (l.kind() == DiffLine.Kind.REMOVED && l.text().contains("catch") && CATCH_ALL.matcher(l.text()).find()) {
                    Finding f = unwrapped(file, h, i, severity);
                    if (f != null && out.stream().noneMatch(o -> o.line() == f.line())) {
                        out.add(f);
                    }
                }
            }
        }
        for (Finding k : kept) {
            if (k.item().equals("CONC-07") && k.path().equals(file.path()) && file.known(k.line())
                    && ScheduledCalls.SCHEDULE.matcher(file.line(k.line())).find()) {
                Finding f = bareInTask(file, k, severity);
                if (f != null && out.stream().noneMatch(o -> o.line() == f.line())) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /**
     * True when {@code kept} already names a schedule call the hunk adds: the change rewrote how the task is scheduled
     * (a guarded lambda turned into {@code this::refreshUnchecked}), and that finding names the guard it took away.
     * A second one at the kept call inside would say the same defect twice.
     */
    private static boolean rescheduled(SourceFile file, Hunk h, List<Finding> kept) {
        for (Finding k : kept) {
            if (k.item().equals("CONC-07") && k.path().equals(file.path()) && k.line() >= h.newStart()
                    && k.line() < h.newStart() + h.newCount() && file.known(k.line()) && file.added(k.line())
                    && ScheduledCalls.SCHEDULE.matcher(file.line(k.line())).find()) {
                return true;
            }
        }
        return false;
    }

    /** The deleted catch-all at {@code at}: its try's body kept (added or untouched), nothing catching around it. */
    private static Finding unwrapped(SourceFile file, Hunk h, int at, Severity severity) {
        List<DiffLine> lines = h.lines();
        int from = at;
        while (from > 0 && lines.get(from - 1).kind() != DiffLine.Kind.CONTEXT) {
            from--;
        }
        int to = at + 1;
        while (to < lines.size() && lines.get(to).kind() != DiffLine.Kind.CONTEXT) {
            to++;
        }
        int tryAt = -1;
        for (int j = at - 1; j >= from; j--) {
            if (lines.get(j).kind() == DiffLine.Kind.REMOVED && TRY_OPEN.matcher(lines.get(j).text()).find()) {
                tryAt = j;
                break;
            }
        }
        // the body kept as it stood, not re-indented (session 37): context lines between the deleted try and the
        // deleted catch, nothing else changed between them
        int keptFrom = -1;
        if (tryAt < 0) {
            int j = from - 1;
            while (j >= 0 && lines.get(j).kind() == DiffLine.Kind.CONTEXT) {
                j--;
            }
            if (j >= 0 && j < from - 1 && lines.get(j).kind() == DiffLine.Kind.REMOVED
                    && TRY_OPEN.matcher(lines.get(j).text()).find()) {
                tryAt = j;
                keptFrom = j + 1;
            }
        }
        if (tryAt < 0) {
            return null; // the try stays: a narrowed or rewritten catch, not a guard taken away
        }
        for (int j = at + 1; j < to; j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED && THROW.matcher(l.text()).find()) {
                return null; // the old catch let the failure out anyway
            }
        }
        for (DiffLine l : lines) {
            if (l.kind() == DiffLine.Kind.ADDED && CATCH_ALL.matcher(l.text()).find()) {
                return null; // a catch-all kept or moved: the guard is still there
            }
        }
        Set<String> body = new HashSet<>();
        for (int j = tryAt + 1; j < at; j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED && CALL.matcher(l.text()).find() && !LOG.matcher(l.text()).find()) {
                body.add(WHITESPACE.matcher(l.text()).replaceAll(""));
            }
        }
        DiffLine first = null;
        DiffLine callback = null;
        for (int j = keptFrom < 0 ? from : keptFrom; j < to; j++) {
            DiffLine l = lines.get(j);
            boolean kept = keptFrom >= 0 ? j < from && CALL.matcher(l.text()).find() && !LOG.matcher(l.text()).find()
                    : l.kind() == DiffLine.Kind.ADDED && body.contains(WHITESPACE.matcher(l.text()).replaceAll(""));
            if (kept) {
                first = first == null ? l : first;
                if (callback == null && CALLBACK.matcher(l.text()).find()) {
                    callback = l;
                }
            }
        }
        DiffLine report = callback != null ? callback : first;
        if (report == null || enclosedByCatchAll(file, report.newLine())) {
            return null;
        }
        RethrownTaskFailures.Method m = RethrownTaskFailures.methodAbove(file, report.newLine(), h.section());
        if (m != null && (m.once() || ONCE.matcher(m.name()).matches())) {
            return null;
        }
        boolean sure = m != null && scheduled(file, m.name()) || periodicNames(file, m, h.section());
        if (!sure && (callback == null || !inLoop(lines, lines.indexOf(report)))) {
            return null;
        }
        return new Finding(RULE, "CONC-07", severity, file.path(), report.newLine(), 1, report.text().strip(), REMOVED,
                sure ? Finding.Confidence.HIGH : Finding.Confidence.LOW,
                sure ? null : "the review does not see what runs this method; a callback run in a loop lost its guard",
                "kb", null);
    }

    private static boolean scheduled(SourceFile file, String name) {
        return name.equals(RethrownTaskFailures.SCHEDULED_LAMBDA) || ScheduledCalls.runs(file.text(), name)
                || name.equals("run") && TIMER_TASK.matcher(file.text()).find();
    }

    private static boolean periodicNames(SourceFile file, RethrownTaskFailures.Method m, String section) {
        if (m != null && PERIODIC.matcher(m.name()).find() || section != null && PERIODIC.matcher(section).find()) {
            return true;
        }
        Matcher c = CLASS.matcher(file.text());
        return c.find() && PERIODIC.matcher(c.group(1)).find();
    }

    /** True when a loop header above the line, in the hunk, is less indented than it: the call runs per element. */
    private static boolean inLoop(List<DiffLine> lines, int at) {
        int indent = indent(lines.get(at).text());
        for (int j = at - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && LOOP.matcher(l.text()).find() && indent(l.text()) < indent) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a {@code try} of the new code encloses the line and one of its catches (in sight) catches everything:
     * read upwards for the enclosing blocks, then downwards past the try's block for its catches.
     */
    private static boolean enclosedByCatchAll(SourceFile file, int row) {
        int depth = 0;
        for (int n = row - 1; n >= 1 && n >= row - 200 && file.known(n); n--) {
            String s = file.line(n);
            for (int i = s.length() - 1; i >= 0; i--) {
                char c = s.charAt(i);
                if (c == '}') {
                    depth++;
                } else if (c == '{' && --depth < 0) {
                    depth = 0;
                    if (s.contains("try") && s.strip().matches("(?:\\}\\s*)?try\\b.*")) {
                        return catchAllBelow(file, n, row);
                    }
                    break;
                }
            }
        }
        return false;
    }

    /** True when one of the catches of the try opened at {@code tryRow} catches everything. */
    private static boolean catchAllBelow(SourceFile file, int tryRow, int row) {
        int depth = 0;
        for (int n = tryRow; n <= Math.min(file.lineCount(), tryRow + 400) && file.known(n); n++) {
            String s = file.line(n);
            boolean closed = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    closed = true;
                }
            }
            if (n > tryRow && closed || n > tryRow && depth == 1 && s.contains("catch")) {
                if (CATCH_ALL.matcher(s).find()) {
                    return true;
                }
                if (!s.contains("catch") && !s.contains("finally") && depth == 0) {
                    return false;
                }
            }
            if (depth < 0) {
                return false;
            }
        }
        return false;
    }

    /** The first added call of the scheduled method that runs an element's or a callback's work. */
    private static Finding bareInTask(SourceFile file, Finding schedule, Severity severity) {
        Matcher r = REFERENCED.matcher(file.line(schedule.line()));
        if (!r.find()) {
            return null;
        }
        String name = r.group(1) != null ? r.group(1) : r.group(2);
        for (int n = 1; n <= file.lineCount(); n++) {
            if (file.known(n) && file.line(n).contains(name)) {
                Matcher h = VOID_HEADER.matcher(file.line(n));
                if (h.find() && h.group(1).equals(name)) {
                    return inBody(file, schedule, n, severity);
                }
            }
        }
        return null;
    }

    private static Finding inBody(SourceFile file, Finding schedule, int header, Severity severity) {
        int depth = 0;
        Set<String> elements = new HashSet<>();
        for (int n = header; n <= file.lineCount() && file.known(n); n++) {
            String s = file.line(n);
            if (n > header && (s.contains("try") && s.strip().startsWith("try") || s.contains("catch"))) {
                return null; // the body guards some of its work: judged by the schedule call's rule
            }
            Matcher e = FOR_EACH.matcher(s);
            if (e.find()) {
                elements.add(e.group(1));
            }
            Matcher x = NEXT.matcher(s);
            if (x.find()) {
                elements.add(x.group(1));
            }
            boolean starts = n > header && !CONTINUATION.matcher(s).find() && file.known(n - 1)
                    && STATEMENT_END.matcher(file.line(n - 1)).find();
            if (starts && file.added(n) && !LOG.matcher(s).find() && (ELEMENT_CALLBACK.matcher(s).find()
                    || elementWork(s, elements))) {
                return new Finding(RULE, "CONC-07", severity, file.path(), n, 1, s.strip(), BARE,
                        schedule.confidence(), schedule.note(), "kb", null);
            }
            for (char c : s.toCharArray()) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            if (depth <= 0 && n > header) {
                return null;
            }
        }
        return null;
    }

    private static boolean elementWork(String line, Set<String> elements) {
        Matcher m = RECEIVER_CALL.matcher(line);
        while (m.find()) {
            if (elements.contains(m.group(1)) && !ACCESSOR.matcher(m.group(2)).matches()) {
                return true;
            }
        }
        return false;
    }

    private static int indent(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
