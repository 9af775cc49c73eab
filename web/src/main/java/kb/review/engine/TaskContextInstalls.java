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
 * Java: the submitting thread's per-thread state (its MDC map, Log4j's ThreadContext, a Spring context holder's
 * value, a {@code ThreadLocal} the file declares) captured before a task is handed to an executor, and installed on
 * the pool thread inside the task through a call that takes it ({@code applyContext(captured);}, a helper of the
 * class or another's), with no {@code finally} in the task to put the pool thread's state back. CONC-04: per-thread
 * state must be restored on every path, or the pooled thread carries this request's values into the next task. The
 * call is what installs the state: the value's only use on that thread is to be made the thread's own. A helper the
 * file shows must touch per-thread state in its body; one that does not (it only reads or logs the map) is not this
 * class, and neither is a call on an instance ({@code audit.record(captured)}); a static helper out of sight is taken
 * at its word. Reported at the call when the change adds it, or when it deletes a {@code finally} in the hunk that
 * shows it (the restore the task had); one reading of the file, and only for files that capture such state.
 */
final class TaskContextInstalls {

    static final String RULE = "task-context-not-restored";

    /** A local captured from per-thread state: group 1 the name, group 2 a ThreadLocal-like receiver to check. */
    private static final Pattern CAPTURE = Pattern.compile(
            "\\b([a-z_$][\\w$]*)\\s*=\\s*(?:MDC\\.getCopyOfContextMap|ThreadContext\\.(?:getImmutableContext|"
                    + "getContext|cloneStack|getImmutableStack)"
                    + "|\\w*ContextHolder\\.(?:get\\w*|currentRequestAttributes)|([\\w$]+)\\.get)\\s*\\(\\s*\\)\\s*;");
    /** The opening line of a task lambda handed to an executor or an async stage. */
    private static final Pattern TASK = Pattern.compile(
            "\\b(?:runAsync|supplyAsync|submit|execute|schedule\\w*|\\w+Async)\\s*\\(\\s*(?:\\(\\s*\\)|[\\w$]+)"
                    + "\\s*->\\s*\\{\\s*$");
    private static final Pattern PER_THREAD = Pattern.compile(
            "\\bMDC\\.|\\bThreadContext\\.|ContextHolder\\.|\\.set\\s*\\(|\\.remove\\s*\\(\\s*\\)");

    private TaskContextInstalls() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        String text = file.text();
        if (file.language() != Language.JAVA || !(text.contains("getCopyOfContextMap") || text.contains("ThreadLocal")
                || text.contains("ThreadContext.") || text.contains("ContextHolder."))) {
            return List.of();
        }
        String[] lines = text.split("\n", -1);
        List<Finding> out = new ArrayList<>();
        Matcher cap = CAPTURE.matcher(text);
        while (cap.find()) {
            if (cap.group(2) != null && !Pattern.compile("ThreadLocal\\s*<[^;=]*>\\s+" + Pattern.quote(cap.group(2))
                    + "\\b").matcher(text).find()) {
                continue; // a get of something that is no per-thread state
            }
            int declared = lineOf(text, cap.start());
            Pattern install = Pattern.compile("^\\s*(?:([\\w$.]+)\\.)?([\\w$]+)\\s*\\(\\s*"
                    + Pattern.quote(cap.group(1)) + "\\s*\\)\\s*;");
            for (int n = declared + 1; n <= lines.length && n < declared + 40; n++) {
                Matcher m = install.matcher(lines[n - 1]);
                if (!m.find() || !(file.added(n) || finallyRemoved(file, n))) {
                    continue;
                }
                int open = taskOpen(lines, declared, n);
                if (open > 0 && !taskHasFinally(lines, open) && helperTouchesState(text, m.group(1), m.group(2))) {
                    Severity severity = catalog.item("CONC-04").map(Catalog.Item::severity).orElse(Severity.WARNING);
                    out.add(new Finding(RULE, "CONC-04", severity, file.path(), n, 1, lines[n - 1].strip(),
                            "This task installs the submitting thread's context (`" + cap.group(1) + "`) on the "
                                    + "pool thread and never puts the thread's own back: the next task on that "
                                    + "thread logs (or acts) with this request's values. Keep the previous state "
                                    + "and restore it in finally.", Finding.Confidence.HIGH, null, "kb", null));
                }
            }
        }
        return out;
    }

    /** The line of the task lambda (opened after {@code after}) still open at {@code at}; 0 when there is none. */
    private static int taskOpen(String[] lines, int after, int at) {
        int depth = 0;
        for (int n = at - 1; n > after; n--) {
            String t = lines[n - 1];
            for (int k = t.length() - 1; k >= 0; k--) {
                char c = t.charAt(k);
                depth += c == '}' ? 1 : c == '{' ? -1 : 0;
            }
            if (depth < 0) {
                return TASK.matcher(t).find() ? n : 0;
            }
        }
        return 0;
    }

    /** The change deletes a {@code finally} in the hunk that shows {@code line}: the restore this task had. */
    private static boolean finallyRemoved(SourceFile file, int line) {
        for (Hunk h : file.change().hunks()) {
            if (line >= h.newStart() && line < h.newStart() + h.newCount()) {
                return h.lines().stream().anyMatch(l -> l.kind() == DiffLine.Kind.REMOVED
                        && l.text().matches("\\s*(?:\\}\\s*)?finally\\b.*"));
            }
        }
        return false;
    }

    private static boolean taskHasFinally(String[] lines, int open) {
        int depth = 0;
        for (int n = open; n <= lines.length; n++) {
            String t = lines[n - 1];
            if (n > open && t.matches("\\s*(?:\\}\\s*)?finally\\b.*")) {
                return true;
            }
            for (char c : t.toCharArray()) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            if (depth <= 0 && n > open) {
                return false;
            }
        }
        return false;
    }

    /** A helper this file declares must set or clear per-thread state; one out of sight is taken at its word. */
    private static boolean helperTouchesState(String text, String receiver, String name) {
        if (receiver != null && !receiver.equals("this")) {
            return Character.isUpperCase(receiver.charAt(receiver.lastIndexOf('.') + 1)); // a static helper's word
        }
        Matcher h = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*\\([^;{}()]*\\)\\s*(?:throws[\\w.,\\s]+)?\\{")
                .matcher(text);
        if (!h.find()) {
            return true;
        }
        int depth = 0;
        for (int i = h.end() - 1; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth == 0) {
                return PER_THREAD.matcher(text.substring(h.end(), i)).find();
            }
        }
        return true;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
