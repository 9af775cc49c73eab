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
 * Session 48 (conc48): background work handed to its runner without the guard the project wrote for it. The fix real
 * projects apply, again and again, to a periodic task that died on its first failure or a goroutine whose panic took
 * the process down is a small wrapper: {@code refreshSafely()} is {@code try { refresh(); } catch (Exception e) { log
 * }}, {@code runTickSafely()} is {@code defer func() { if r := recover(); ... }()} and then {@code tick()}, and the
 * scheduler, the ticker loop or the {@code go} statement runs the wrapper. Such a wrapper in the diff's files (deleted,
 * kept or added) says that its inner call fails in ways the runner must not see; an added line that hands the runner
 * the inner call itself bypasses it:
 * <ul>
 * <li>Java: a {@code schedule...(...)} call given {@code this::refresh} or {@code () -> refresh()} (CONC-07: the
 * first failure cancels every later run), a {@code new Thread(...)} or an {@code execute(...)} given it (CONC-01);</li>
 * <li>Go: {@code go s.tick(ctx)} (CONC-01: the panic ends the process), and {@code s.tick(ctx)} called in a ticker's
 * or a timer's case or range loop (CONC-07: the panic ends the loop that runs every later round).</li>
 * </ul>
 * A {@code go func() { defer recover...; s.publish(e) }()} the change replaces with {@code go s.publish(e)} is the same
 * bypass written inline. Reported at the added launch. Silent when the diff adds a catch-all or a recover (the guard
 * moved), in tests, and when another finding of the item already stands at the launch.
 */
final class BypassedTaskGuards {

    static final String RULE = "task-guard-bypassed";

    private static final Pattern JAVA_METHOD = Pattern.compile("^\\s*(?:@\\w+\\s+)*(?:(?:public|protected|private|"
            + "static|final|synchronized)\\s+)*void\\s+(\\w+)\\s*\\([^)]*\\)\\s*\\{\\s*$");
    private static final Pattern GO_FUNC = Pattern.compile(
            "^func\\s+(?:\\(\\s*\\w*\\s*\\*?[\\w.\\[\\]]+\\s*\\)\\s*)?(\\w+)\\s*\\([^)]*\\)[^{]*\\{\\s*$");
    /** A goroutine started on a function literal. */
    private static final Pattern GO_LITERAL = Pattern.compile("^\\s*go\\s+func\\s*\\([^)]*\\)\\s*\\{\\s*$");
    /**
     * A statement that is one call; group 1 the callee as written ({@code s.tick}, {@code this.poll}, {@code poll}),
     * group 2 its own name.
     */
    private static final Pattern CALL = Pattern.compile(
            "^\\s*(?:return\\s+)?((?:[\\w.]+\\.)?(\\w+))\\s*\\(.*\\)\\s*;?\\s*$");
    /** A Go function header's parameter names (each before its type). */
    private static final Pattern PARAM = Pattern.compile("[(,]\\s*(\\w+)\\s+[\\w.*\\[\\]]");
    private static final Pattern TRY_OPEN = Pattern.compile("^\\s*try\\s*\\{\\s*$");
    private static final Pattern CATCH = Pattern.compile("^\\s*\\}\\s*(?:catch|finally)\\b");
    private static final Pattern THROW = Pattern.compile("\\bthrow\\b|\\bpanic\\s*\\(");
    private static final Pattern DEFER_OPEN = Pattern.compile("^\\s*defer\\s+func\\s*\\(\\s*\\)\\s*\\{\\s*$");
    private static final Pattern BLOCK_CLOSE = Pattern.compile("^\\s*\\}\\)?(?:\\([^)]*\\))?\\s*$");
    private static final Pattern COMMENT = Pattern.compile("^\\s*(?://|/?\\*)");
    /** A Java launch of a task: group 1 the thread class, group 2 the call's name. */
    private static final Pattern JAVA_LAUNCH = Pattern.compile(
            "(?:\\bnew\\s+(\\w*Thread)\\s*\\(|\\.\\s*(execute|schedule(?:AtFixedRate|WithFixedDelay)?)\\s*\\()");
    private static final Pattern GO_STATEMENT = Pattern.compile("^\\s*go\\s+([\\w.]+)\\s*\\(");
    /** A ticker's or a timer's receive that runs the lines below it once a period. */
    private static final Pattern TICK = Pattern.compile("<-\\s*(?:[\\w.]+\\.C\\b|time\\.(?:After|Tick)\\s*\\()"
            + "|\\bfor\\s+(?:\\w+\\s*:?=\\s*)?range\\s+(?:[\\w.]+\\.C\\b|time\\.Tick\\s*\\()");
    private static final Pattern GO_MOVED = RemovedRecovers.RECOVER;
    private static final Pattern JAVA_MOVED = Pattern.compile(UnguardedTaskCalls.CATCH_ALL.pattern()
            + "|[uU]ncaughtExceptionHandler\\s*\\(");
    private static final String LITERAL = "<literal>";

    private BypassedTaskGuards() {
    }

    /**
     * @param standing the findings already made: one of the item at the launch says it already
     * @param allAdded the added lines of every file of the diff: a catch-all or a recover among them is the guard moved
     */
    static List<Finding> find(SourceFile file, Catalog catalog, List<Finding> standing, AddedLines allAdded) {
        boolean go = file.language() == Language.GO;
        if (!go && file.language() != Language.JAVA || file.path().contains("/test/")
                || file.path().endsWith("_test.go")) {
            return List.of();
        }
        if (allAdded.anyFinds(go ? GO_MOVED : JAVA_MOVED)) {
            return List.of();
        }
        Set<String> guarded = new HashSet<>(); // the calls a wrapper guards
        Set<String> recovering = new HashSet<>(); // Go functions that now recover themselves
        for (Hunk h : file.change().hunks()) {
            wrappers(side(h, DiffLine.Kind.REMOVED), go, guarded);
            wrappers(side(h, DiffLine.Kind.ADDED), go, guarded);
            if (go) {
                recovering(side(h, DiffLine.Kind.ADDED), recovering);
            }
        }
        guarded.removeIf(g -> recovering.contains(g.substring(g.lastIndexOf('.') + 1).replace(LITERAL, "")));
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> now = side(h, DiffLine.Kind.ADDED);
            for (int i = 0; i < now.size(); i++) {
                DiffLine l = now.get(i);
                if (l.kind() != DiffLine.Kind.ADDED) {
                    continue;
                }
                String launch = go ? goLaunch(now, i, guarded, h) : javaLaunch(l.text(), guarded);
                String item = launch == null && !go && unwrapped(h, l.text()) ? "CONC-07" : launch;
                if (item != null && standing.stream().noneMatch(s -> s.path().equals(file.path())
                        && s.item().equals(item) && Math.abs(s.line() - l.newLine()) <= 2)) {
                    out.add(finding(file, catalog, l, item));
                }
            }
        }
        return out;
    }

    /** The hunk as one side reads it: its context lines and its deleted ({@code REMOVED}) or added lines. */
    private static List<DiffLine> side(Hunk h, DiffLine.Kind kind) {
        return h.lines().stream().filter(l -> l.kind() == DiffLine.Kind.CONTEXT || l.kind() == kind).toList();
    }

    /** Adds to {@code guarded} each wrapper of the side: a function whose body is one call inside a catch-all. */
    private static void wrappers(List<DiffLine> lines, boolean go, Set<String> guarded) {
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).text();
            Matcher m = (go ? GO_FUNC : JAVA_METHOD).matcher(t);
            String name = m.find() ? m.group(1) : go && GO_LITERAL.matcher(t).find() ? LITERAL : null;
            if (name == null) {
                continue;
            }
            String inner = go ? goGuarded(lines, i) : javaGuarded(lines, i);
            if (inner != null && !inner.equals(name)) {
                guarded.add(inner + (name.equals(LITERAL) ? LITERAL : ""));
            }
        }
    }

    /** Adds the Go functions of the side whose body opens with a deferred recover: the guard moved into them. */
    private static void recovering(List<DiffLine> lines, Set<String> out) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            Matcher m = GO_FUNC.matcher(lines.get(i).text());
            if (!m.find()) {
                continue;
            }
            for (int j = i + 1; j < lines.size() && j <= i + 3; j++) {
                if (lines.get(j).text().contains("recover")) {
                    out.add(m.group(1));
                    break;
                }
            }
        }
    }

    /**
     * The one call of a Java method body that is {@code try { call(); } catch (Exception e) { ... }} with no rethrow,
     * or null.
     */
    private static String javaGuarded(List<DiffLine> lines, int head) {
        int indent = RemovedReleases.indent(lines.get(head).text());
        String inner = null;
        int state = 0; // 0 before the try, 1 in the try, 2 in a catch-all, 3 in another clause
        boolean catchAll = false;
        for (int j = head + 1; j < lines.size() && j <= head + 20; j++) {
            String t = lines.get(j).text();
            if (t.isBlank() || COMMENT.matcher(t).find()) {
                continue;
            }
            if (RemovedReleases.indent(t) <= indent) {
                return catchAll && inner != null && t.strip().startsWith("}") ? inner : null;
            }
            if (state == 0) {
                if (!TRY_OPEN.matcher(t).find()) {
                    return null;
                }
                state = 1;
            } else if (CATCH.matcher(t).find()) {
                boolean all = UnguardedTaskCalls.CATCH_ALL.matcher(t).find();
                catchAll |= all;
                state = all ? 2 : 3;
            } else if (state == 1) {
                Matcher c = CALL.matcher(t);
                if (inner != null || !c.find() || !c.group(1).equals(c.group(2))
                        && !c.group(1).equals("this." + c.group(2))) {
                    return null; // a second call, or a call on another object (a task field, a parameter)
                }
                inner = c.group(2);
            } else if (state == 2 && THROW.matcher(t).find()) {
                return null; // the catch-all lets the failure out anyway
            }
        }
        return null;
    }

    /**
     * The one call of a Go function body that first defers a recover ({@code defer func() { if r := recover() ...
     * }()} or a deferred recovering helper), or null.
     */
    private static String goGuarded(List<DiffLine> lines, int head) {
        int indent = RemovedReleases.indent(lines.get(head).text());
        String inner = null;
        boolean recovers = false;
        boolean inDefer = false;
        for (int j = head + 1; j < lines.size() && j <= head + 20; j++) {
            String t = lines.get(j).text();
            if (t.isBlank() || COMMENT.matcher(t).find()) {
                continue;
            }
            if (RemovedReleases.indent(t) <= indent) {
                return recovers && inner != null && BLOCK_CLOSE.matcher(t).find() ? inner : null;
            }
            if (inDefer) {
                recovers |= t.contains("recover()");
                if (THROW.matcher(t).find()) {
                    return null; // recovered only to panic again
                }
                inDefer = !t.strip().startsWith("}(");
            } else if (DEFER_OPEN.matcher(t).find()) {
                inDefer = true;
            } else if (t.strip().startsWith("defer ") && GO_MOVED.matcher(t).find()) {
                recovers = true;
            } else {
                Matcher c = CALL.matcher(t);
                if (inner != null || !recovers || !c.find() || params(lines.get(head).text()).contains(c.group(1))) {
                    return null; // a second call, or the call of a function the wrapper is given
                }
                inner = c.group(1);
            }
        }
        return null;
    }

    /** The parameter names of a Go function header (a literal's too). */
    private static List<String> params(String header) {
        int open = header.lastIndexOf(')', header.lastIndexOf('{'));
        int from = header.indexOf('(', header.startsWith("func (") ? header.indexOf(')') + 1 : 0);
        List<String> names = new ArrayList<>();
        if (from >= 0 && open > from) {
            Matcher p = PARAM.matcher(header.substring(from, open));
            while (p.find()) {
                names.add(p.group(1));
            }
        }
        return names;
    }

    /** The item of a Java launch on {@code text} that hands over a guarded call itself, or null. */
    /**
     * True when {@code added} is a line of the hunk's removed side with the guarding wrapper taken off the task of a
     * periodic schedule call, nothing else changed: {@code scheduleWithFixedDelay(guard(name, task), ...)} becomes
     * {@code scheduleWithFixedDelay(task, ...)} (session 51, sched51; round 108's fluss). The wrapper is read as a guard
     * by its name (guard, safe, protect, swallow, catch, exception, error handler: pulsar's
     * {@code catchingAndLoggingThrowables}, skywalking's {@code RunnableWithExceptionProtection}, flux's
     * {@code wrapInExceptionSwallower}); a tracing or context wrapper taken off is not read.
     */
    private static boolean unwrapped(Hunk h, String added) {
        String now = added.strip();
        if (!PERIODIC_CALL.matcher(now).find()) {
            return false;
        }
        for (DiffLine r : h.lines()) {
            if (r.kind() != DiffLine.Kind.REMOVED) {
                continue;
            }
            Matcher m = WRAPPED_TASK.matcher(r.text());
            if (m.find() && GUARD_NAME.matcher(m.group(2)).find()
                    && (r.text().substring(0, m.start(1)) + m.group(3) + r.text().substring(m.end(1))).strip()
                    .equals(now)) {
                return true;
            }
        }
        return false;
    }

    /** A periodic schedule call: its first run's failure cancels every later one. */
    private static final Pattern PERIODIC_CALL = Pattern.compile("\\.schedule(?:AtFixedRate|WithFixedDelay)\\s*\\(");
    /**
     * A periodic schedule call whose task (group 3) is wrapped (group 1) in a call or a construction named group 2,
     * the task its last argument.
     */
    private static final Pattern WRAPPED_TASK = Pattern.compile("\\.schedule(?:AtFixedRate|WithFixedDelay)\\s*\\(\\s*"
            + "((?:new\\s+)?(?:[\\w.]+\\.)?(\\w+)\\s*\\(\\s*(?:[^()]*,\\s*)?((?:this\\.)?\\w+|[\\w.]+::\\w+)\\s*\\))\\s*,");
    /** A wrapper's name that says it guards its task. */
    private static final Pattern GUARD_NAME = Pattern.compile(
            "(?i)guard|safe|protect|swallow|catch|exception|error|throwable|failsafe");

    private static String javaLaunch(String text, Set<String> guarded) {
        Matcher m = JAVA_LAUNCH.matcher(text);
        if (!m.find()) {
            return null;
        }
        String args = text.substring(m.end());
        for (String inner : guarded) {
            if (!inner.endsWith(LITERAL) && args.contains(inner) && Pattern.compile(
                    "::\\s*" + inner + "\\b|->\\s*(?:this\\.)?" + inner + "\\s*\\(").matcher(args).find()) {
                return m.group(2) != null && m.group(2).startsWith("schedule") ? "CONC-07" : "CONC-01";
            }
        }
        return null;
    }

    /**
     * The item of a Go line at {@code at} (new side) that runs a guarded call bare: on a {@code go} statement, or as
     * a call in a ticker's case or range loop; null otherwise. A goroutine literal's guard counts only when the same
     * changed block deletes it: that is the literal the new statement replaces.
     */
    private static String goLaunch(List<DiffLine> now, int at, Set<String> guarded, Hunk h) {
        String t = now.get(at).text();
        Matcher g = GO_STATEMENT.matcher(t);
        if (g.find()) {
            if (guarded.contains(g.group(1))) {
                return "CONC-01";
            }
            return guarded.contains(g.group(1) + LITERAL) && replacesLiteral(h, now.get(at)) ? "CONC-01" : null;
        }
        Matcher c = CALL.matcher(t);
        if (!c.find() || !guarded.contains(c.group(1)) || t.strip().startsWith("return")) {
            return null;
        }
        int indent = RemovedReleases.indent(t);
        for (int j = at - 1; j >= 0 && j >= at - 4; j--) {
            String above = now.get(j).text();
            if (!above.isBlank() && RemovedReleases.indent(above) < indent) {
                return TICK.matcher(above).find() ? "CONC-07" : null;
            }
        }
        return null;
    }

    private static boolean replacesLiteral(Hunk h, DiffLine added) {
        int at = h.lines().indexOf(added);
        return RemovedLine.changedBlock(h.lines(), at).stream()
                .anyMatch(l -> l.kind() == DiffLine.Kind.REMOVED && GO_LITERAL.matcher(l.text()).find());
    }

    private static Finding finding(SourceFile file, Catalog catalog, DiffLine l, String item) {
        Severity severity = catalog.item(item).map(Catalog.Item::severity).orElse(Severity.WARNING);
        String message = item.equals("CONC-07")
                ? "This periodic task now runs the call its catch-all wrapper guarded, bare: the first failure ends "
                        + "the schedule (or the ticker loop) and every later run with it, silently. Run the wrapper "
                        + "that catches and logs, or catch at the task's boundary."
                : "This thread or goroutine now runs the call its guarding wrapper protected, bare: its first "
                        + "exception or panic kills it (a Go panic ends the whole process). Start the wrapper that "
                        + "recovers and logs instead.";
        return new Finding(RULE, item, severity, file.path(), l.newLine(), 1, l.text().strip(), message,
                Finding.Confidence.HIGH, null, "kb", null);
    }
}
