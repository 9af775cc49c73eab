package kb.review.engine;

import java.util.List;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Java change that takes away the guard that kept a periodic task alive: a catch whose body only logged (and went
 * on) now throws, in a method shaped like a task body (no parameters, returns nothing, declares nothing), so the
 * failure it absorbed now leaves the method. When the method runs on a {@code scheduleAtFixedRate} or
 * {@code scheduleWithFixedDelay} (or a {@code Timer}), the first failed run cancels every later one, silently
 * (CONC-07).
 * The scheduler is usually out of the diff's sight: the hunk narrows a catch inside {@code poll()} or {@code tick()}
 * and the {@code schedule...(this::poll, ...)} call sits elsewhere in the class. Reported at the added {@code throw}:
 * high when the file in sight hands this method to a scheduler (a method reference, a lambda that calls it, a
 * {@code Runnable} field holding either, or the {@code run()} of a {@code TimerTask}), low otherwise. A method
 * whose header the hunk cuts off is judged by what the hunk shows: no value returned in sight, and an exception type
 * known to be unchecked (a no-argument task can throw nothing else). Silent for a method that takes arguments,
 * returns a value, declares {@code throws}, or runs once (start, init, close, a test), and for a catch that already
 * threw, returned a value or did more than log before the change. In a checkout, a private method that nothing in
 * the file schedules is left alone.
 */
final class RethrownTaskFailures {

    static final String RULE = "task-failure-rethrown";

    private static final Pattern THROW = Pattern.compile("^\\s*throw\\s+new\\s+([\\w.]+)\\s*[(<]");
    private static final Pattern CATCH_OPEN = Pattern.compile("\\bcatch\\s*\\(([^)]*)\\)\\s*\\{\\s*$");
    private static final Pattern LOG = Pattern.compile("^\\s*(?:(?:this\\.)?\\w*(?:log|LOG|Log|logger|LOGGER)\\w*"
            + "(?:\\(\\))?\\s*\\.\\s*\\w+\\s*\\(|\\w+\\.printStackTrace\\(|System\\.(?:out|err)\\.print)");
    /** A line of the old catch body that did something besides logging: the catch did not only absorb. */
    private static final Pattern HANDLED = Pattern.compile("\\bthrow\\b|\\breturn\\s+[^;\\s]");
    private static final Pattern VALUE_RETURN = Pattern.compile("^\\s*return\\s+[^;\\s]");
    /** A method header: modifiers and annotations, a return type, a name, parameters, a throws clause, the brace. */
    private static final Pattern METHOD = Pattern.compile("^\\s*(?:@\\w+(?:\\([^)]*\\))?\\s+)*((?:(?:public|protected|"
            + "private|static|final|synchronized|abstract|default)\\s+)*)(?:<[^>]*>\\s*)?([\\w.$<>\\[\\],? ]+?)\\s+"
            + "(\\w+)\\s*\\(([^)]*)\\)\\s*(throws\\s+[\\w.,\\s]+)?\\{\\s*$");
    private static final Pattern CONTROL = Pattern.compile("^\\s*(?:\\}\\s*)?(?:if|for|while|switch|catch|try|else|do"
            + "|synchronized|return|new)\\b");
    /** A method that runs once (a lifecycle step or a test), where failing fast is the design. */
    private static final Pattern ONCE = Pattern.compile("^(?:start\\w*|stop|init\\w*|open|close|shutdown|destroy|"
            + "dispose|afterPropertiesSet|setUp|setup|tearDown|main|configure|validate|load|onCreate|onEnable|"
            + "onDisable|test\\w*)$");
    /**
     * A method that runs once, or whose runner survives a throw: Spring's scheduler logs and suppresses what a
     * repeating {@code @Scheduled} method throws (its default error handler for repeating tasks), so the next run
     * comes.
     */
    private static final Pattern ONCE_ANNOTATION = Pattern.compile("@(?:PostConstruct|PreDestroy|Test|Before\\w*|"
            + "After\\w*|Scheduled)\\b");
    /** Exceptions known to be unchecked: the JDK's common ones, and any type named as a runtime exception or error. */
    private static final Pattern UNCHECKED = Pattern.compile("(?:^|\\.)(?:\\w*RuntimeException|\\w*Error|"
            + "IllegalStateException|IllegalArgumentException|UncheckedIOException|UnsupportedOperationException|"
            + "NullPointerException|IndexOutOfBoundsException|NoSuchElementException|ArithmeticException|"
            + "ClassCastException|ConcurrentModificationException|SecurityException|DateTimeException|"
            + "CompletionException|UndeclaredThrowableException|Unchecked\\w*Exception|\\w*DataAccessException)$");
    private static final Pattern TIMER_TASK = Pattern.compile("\\bextends\\s+(?:java\\.util\\.)?TimerTask\\b");
    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern CATCH_ALL = Pattern.compile(
            "\\bcatch\\s*\\(\\s*(?:final\\s+)?(?:java\\.lang\\.)?(?:Exception|Throwable|RuntimeException)"
            + "\\s+\\w+\\s*\\)");
    /**
     * A hunk inside a class that is a thread's body ({@code implements Runnable}, {@code extends Thread}): its
     * {@code run()} is usually started once on its own thread (a consumer, a simulator loop), whose end is the
     * thread's, not a cancelled schedule; with no scheduler in sight the review leaves it (set 21, streampipes' MQTT
     * consumer).
     */
    private static final Pattern THREAD_BODY =
            Pattern.compile("\\bimplements\\s+[^{]*\\bRunnable\\b|\\bextends\\s+Thread\\b");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int REACH = 400;
    /** The name given to a lambda or anonymous task written inside the schedule call itself. */
    static final String SCHEDULED_LAMBDA = "<scheduled>";

    private static final String MESSAGE = "The change makes this catch throw where it only logged and went on: if "
            + "this method runs as a periodic task (scheduleAtFixedRate, scheduleWithFixedDelay, a Timer), the first "
            + "failed run cancels every later run, silently. Log (and count) the failure and return, or keep a "
            + "catch-all at the task's boundary.";

    private static final String NARROWED = "The change narrows the catch-all of a scheduled task: any other failure "
            + "(a RuntimeException, an Error) now leaves the task, and the first one cancels every later run, "
            + "silently. "
            + "Keep a catch of Exception (or Throwable) at the task's boundary, after the narrower catch.";

    private RethrownTaskFailures() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.JAVA || file.change().hunks().isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                if (l.kind() == DiffLine.Kind.ADDED && l.text().contains("catch")) {
                    Finding f = narrowed(file, h, i, catalog);
                    if (f != null) {
                        out.add(f);
                    }
                }
                if (l.kind() != DiffLine.Kind.ADDED || !l.text().contains("throw")) {
                    continue;
                }
                Matcher t = THROW.matcher(l.text());
                if (t.find()) {
                    Finding f = judge(file, h, i, t.group(1), catalog);
                    if (f != null) {
                        out.add(f);
                    }
                }
            }
        }
        return out;
    }

    private static Finding judge(SourceFile file, Hunk h, int at, String thrown, Catalog catalog) {
        List<DiffLine> lines = h.lines();
        int header = catchAbove(lines, at);
        if (header < 0 || rewritten(lines, at) || !onlyLoggedBefore(lines, header, at)) {
            return null;
        }
        Method m = methodAbove(file, lines.get(header).newLine(), h.section());
        boolean sure;
        if (m == null) {
            if (!UNCHECKED.matcher(thrown).find() || returnsValueInSight(lines)
                    || h.section() != null && THREAD_BODY.matcher(h.section()).find()) {
                return null;
            }
            sure = false;
        } else {
            if (!m.taskShaped() || guardedCaller(file, m.name())) {
                return null;
            }
            sure = m.name().equals(SCHEDULED_LAMBDA) || ScheduledCalls.runs(file.text(), m.name())
                    || m.name().equals("run") && TIMER_TASK.matcher(file.text()).find();
            if (!sure && m.name().equals("run")) {
                return null; // a Runnable's or a Thread's body: started once on its thread (no scheduler in sight)
            }
            if (!sure && file.complete() && m.modifiers().contains("private")) {
                return null; // the whole file is in sight and nothing in it runs this method on a schedule
            }
        }
        Severity severity = catalog.item("CONC-07").map(Catalog.Item::severity).orElse(Severity.WARNING);
        DiffLine l = lines.get(at);
        return new Finding(RULE, "CONC-07", severity, file.path(), l.newLine(), 1, l.text().strip(), MESSAGE,
                sure ? Finding.Confidence.HIGH : Finding.Confidence.LOW,
                sure ? null : "the review does not see what runs this method; it reads the method's shape", "kb", null);
    }

    /**
     * A catch-all the change narrows ({@code catch (Exception e)} to {@code catch (IOException e)}) in a method the
     * file in sight schedules: every other failure now leaves the task and ends the schedule, though the new catch
     * still logs. Reported at the new catch, and only with the scheduler in sight: narrowing a catch-all is otherwise
     * what ERR-01 asks for.
     */
    private static Finding narrowed(SourceFile file, Hunk h, int at, Catalog catalog) {
        List<DiffLine> lines = h.lines();
        String header = code(lines.get(at).text());
        if (!CATCH_OPEN.matcher(header).find() || CATCH_ALL.matcher(header).find()) {
            return null;
        }
        // the nearest deleted catch above, a few lines up in the same changed block, is the one this catch replaces
        boolean wasAll = false;
        for (int j = at - 1; j >= 0 && j >= at - 8 && lines.get(j).kind() != DiffLine.Kind.CONTEXT; j--) {
            if (lines.get(j).kind() == DiffLine.Kind.REMOVED && CATCH_OPEN.matcher(code(lines.get(j).text())).find()) {
                wasAll = CATCH_ALL.matcher(lines.get(j).text()).find();
                break;
            }
        }
        if (!wasAll || rewritten(lines, at)) {
            return null;
        }
        for (int j = at + 1; j < lines.size() && j <= at + 12; j++) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && CATCH_ALL.matcher(l.text()).find()
                    || l.kind() == DiffLine.Kind.ADDED && THROW.matcher(l.text()).find()) {
                return null; // a catch-all kept below the narrower catch, or a rethrow in it (reported there)
            }
        }
        Method m = methodAbove(file, lines.get(at).newLine(), h.section());
        if (m == null || !m.taskShaped() || !(m.name().equals(SCHEDULED_LAMBDA)
                || ScheduledCalls.runs(file.text(), m.name())
                || m.name().equals("run") && TIMER_TASK.matcher(file.text()).find())) {
            return null;
        }
        Severity severity = catalog.item("CONC-07").map(Catalog.Item::severity).orElse(Severity.WARNING);
        return new Finding(RULE, "CONC-07", severity, file.path(), lines.get(at).newLine(), 1, header.strip(),
                NARROWED, Finding.Confidence.HIGH, null, "kb", null);
    }

    /**
     * True when the changed block around the added line {@code at} deletes the same line (whitespace aside): the
     * line was there before, and the block is a reformatted or moved copy (a whole file re-indented), not this edit.
     */
    private static boolean rewritten(List<DiffLine> lines, int at) {
        String same = WHITESPACE.matcher(lines.get(at).text()).replaceAll("");
        for (DiffLine l : RemovedLine.changedBlock(lines, at)) {
            if (l.kind() == DiffLine.Kind.REMOVED && WHITESPACE.matcher(l.text()).replaceAll("").equals(same)) {
                return true;
            }
        }
        return false;
    }

    /** The index of the catch header whose block holds line {@code at} directly (new side), or -1. */
    private static int catchAbove(List<DiffLine> lines, int at) {
        int depth = 0;
        for (int j = at - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            String s = code(l.text());
            depth = depthAbove(s, depth);
            if (depth < 0) {
                return CATCH_OPEN.matcher(s).find() ? j : -1;
            }
        }
        return -1;
    }

    /**
     * True when the catch, before the change, only logged: the deleted lines of its body (around the header, which the
     * change may have rewritten, down to the new throw's changed block) hold a log line, and no line of the old body
     * threw or returned a value.
     */
    private static boolean onlyLoggedBefore(List<DiffLine> lines, int header, int at) {
        int from = header;
        while (from > 0 && lines.get(from - 1).kind() != DiffLine.Kind.CONTEXT) {
            from--;
        }
        int to = at;
        while (to + 1 < lines.size() && lines.get(to + 1).kind() != DiffLine.Kind.CONTEXT) {
            to++;
        }
        boolean logged = false;
        boolean inOld = false;
        for (int j = from; j <= to; j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.ADDED) {
                continue;
            }
            String s = code(l.text());
            if (CATCH_OPEN.matcher(s).find()) {
                inOld = true;
                continue;
            }
            if (!inOld && j < header) {
                continue;
            }
            if (HANDLED.matcher(s).find()) {
                return false;
            }
            if (l.kind() == DiffLine.Kind.REMOVED && LOG.matcher(l.text()).find()) {
                logged = true;
            }
        }
        return logged;
    }

    record Method(String modifiers, String type, String name, String params, String throwsClause, boolean once) {

        boolean taskShaped() {
            return type.equals("void") && params.isBlank() && throwsClause == null && !once
                    && !ONCE.matcher(name).matches();
        }
    }

    /**
     * The method that holds the catch at {@code row}, read upwards through the lines the review knows, or the hunk's
     * section line when the hunk starts inside it; null when the header is out of sight. A lambda or anonymous class
     * on the way is looked through (its throw leaves the method too), except one given to a scheduler, whose name is
     * then the task's.
     */
    static Method methodAbove(SourceFile file, int row, String section) {
        int depth = 0;
        for (int n = row - 1; n >= 1 && n >= row - REACH; n--) {
            if (!file.known(n)) {
                return fromSection(section);
            }
            String s = code(file.line(n));
            depth = depthAbove(s, depth);
            if (depth < 0) {
                Matcher m = METHOD.matcher(s);
                if (m.find() && !CONTROL.matcher(s).find()) {
                    boolean once = ONCE_ANNOTATION.matcher(file.line(n)).find()
                            || n > 1 && file.known(n - 1) && ONCE_ANNOTATION.matcher(file.line(n - 1)).find()
                            || n > 2 && file.known(n - 2) && ONCE_ANNOTATION.matcher(file.line(n - 2)).find();
                    return new Method(m.group(1), m.group(2).strip(), m.group(3), m.group(4), m.group(5), once);
                }
                if (ScheduledCalls.SCHEDULE.matcher(s).find()) {
                    return new Method("", "void", SCHEDULED_LAMBDA, "", null, false); // the scheduled lambda itself
                }
                if (s.contains("class ") || s.contains("interface ") || s.contains("enum ")) {
                    return null;
                }
                depth = 0; // a block, a lambda or an anonymous class: the method is further up
            }
        }
        return fromSection(section);
    }

    private static Method fromSection(String section) {
        if (section == null || section.isBlank()) {
            return null;
        }
        Matcher m = METHOD.matcher(section.strip() + (section.strip().endsWith("{") ? "" : " {"));
        return m.find() && !CONTROL.matcher(section).find() && !section.contains("class ")
                ? new Method(m.group(1), m.group(2).strip(), m.group(3), m.group(4), m.group(5), false) : null;
    }

    /**
     * True when {@code schedule}, another finding of the file, is on a schedule call that hands the scheduler the
     * task whose catch {@code rethrown} reports: the two name one defect, and the schedule call's finding says it.
     */
    static boolean sameTask(SourceFile file, Finding rethrown, Finding schedule) {
        if (!file.known(schedule.line()) || !ScheduledCalls.SCHEDULE.matcher(file.line(schedule.line())).find()) {
            return false;
        }
        Method m = methodAbove(file, rethrown.line(), null);
        return m != null && ScheduledCalls.runs(file.line(schedule.line()), m.name());
    }

    /**
     * True when a call of {@code name} the review sees sits in a try whose catch catches everything (within a few
     * lines below the call): the method is a helper of a guarded task, and the guard keeps the schedule.
     */
    private static boolean guardedCaller(SourceFile file, String name) {
        Pattern call = Pattern.compile("(?<![\\w.])(?:this\\.)?" + Pattern.quote(name) + "\\s*\\(\\s*\\)\\s*;");
        for (int n = 1; n <= file.lineCount(); n++) {
            if (!file.known(n) || !file.line(n).contains(name) || !call.matcher(file.line(n)).find()) {
                continue;
            }
            for (int k = n + 1; k <= Math.min(file.lineCount(), n + 6) && file.known(k); k++) {
                if (CATCH_ALL.matcher(file.line(k)).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The line that opens the block {@code line} sits in (a catch, an if, a method), or -1 when it is out of sight. */
    static int blockAbove(SourceFile file, int line) {
        int depth = 0;
        for (int n = line - 1; n >= 1 && file.known(n); n--) {
            depth = depthAbove(code(file.line(n)), depth);
            if (depth < 0) {
                return n;
            }
        }
        return -1;
    }

    private static boolean returnsValueInSight(List<DiffLine> lines) {
        for (DiffLine l : lines) {
            if (VALUE_RETURN.matcher(l.text()).find()) {
                return true;
            }
        }
        return false;
    }

    /** The line without its string and char literals and its trailing comment, so braces and words count as code. */
    private static String code(String line) {
        String s = line.indexOf('"') < 0 && line.indexOf('\'') < 0 ? line : LITERAL.matcher(line).replaceAll("\"\"");
        int c = s.indexOf("//");
        return c >= 0 ? s.substring(0, c) : s;
    }

    /**
     * The nesting depth above {@code s}, read upwards from {@code depth} below it: the line's braces from its end to
     * its start, so {@code } catch (E e) {} opens the catch before it closes the try. Negative when the line opens a
     * block that encloses the lines below it.
     */
    private static int depthAbove(String s, int depth) {
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == '{' && --depth < 0) {
                return depth;
            } else if (c == '}') {
                depth++;
            }
        }
        return depth;
    }
}
