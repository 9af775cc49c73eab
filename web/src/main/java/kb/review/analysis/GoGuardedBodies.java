package kb.review.analysis;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Go goroutine bodies whose every piece of the program's own work runs inside a function that recovers: the goroutine
 * itself defers no recover, but all it does is take or give back a worker slot, wait, sleep or loop, and call a
 * function whose own first defer recovers (and logs) its panics ({@code go func() { defer func() { <-slots }();
 * s.handle(msg) }()} with {@code handle} deferring a recover; a cron loop {@code for { time.Sleep(d); syncOnce() }}
 * whose {@code syncOnce} defers the recover). CONC-01 asks that a panic of background work be recovered, logged and
 * counted in the goroutine it happens in; a recover deferred by the called function is in that same goroutine and
 * catches every panic of the work, so the goroutine is guarded. The statements the body may hold besides the guarded
 * calls run none of the program's code: a {@code defer wg.Done()}, a slot taken or returned on a channel, a
 * {@code time.Sleep} of a plain duration, a loop or {@code select} that only waits. Anything else (an assignment that
 * calls, an {@code if}, a call whose arguments call the program, a callee the review cannot see) leaves the goroutine
 * reported, as before (precision set 12's DZ and M rows; round 16's go-ok-07).
 */
public final class GoGuardedBodies {

    private GoGuardedBodies() {
    }

    /** Lines that only open or close a block, wait, or end the loop: no program code runs in them. */
    private static final Pattern STRUCTURE = Pattern.compile(
            "^(?:\\}|\\}\\(\\)|for\\s*\\{|for\\s+(?:[\\w, ]+:?=\\s*)?range\\s+[\\w.]+\\s*\\{|select\\s*\\{"
                    + "|case\\s+(?:\\w+(?:\\s*,\\s*\\w+)?\\s*:?=\\s*)?<-\\s*[\\w.]+(?:\\.Done\\(\\))?\\s*:"
                    + "|default\\s*:|return|continue|break"
                    + "|defer\\s+func\\s*\\(\\s*\\)\\s*\\{)$");
    /** A wait, a slot taken or given back, a group marked done, a lock released, a channel closed, a plain sleep. */
    private static final Pattern WAITS = Pattern.compile(
            "^(?:defer\\s+)?(?:[\\w.]+\\.(?:Done|Wait|Unlock|RUnlock|Stop)\\(\\s*\\)|close\\(\\s*[\\w.]+\\s*\\)"
                    + "|<-\\s*[\\w.]+|[\\w.]+\\s*<-\\s*struct\\s*\\{\\s*\\}\\s*\\{\\s*\\}"
                    + "|time\\.Sleep\\((?:[^()]|(?:time\\.Duration|u?int(?:8|16|32|64)?|float64)\\([^()]*\\))*\\))$"
                    + "|^defer\\s+func\\s*\\(\\s*\\)\\s*\\{\\s*(?:<-\\s*[\\w.]+|[\\w.]+\\.(?:Done|Unlock|RUnlock)\\(\\s*\\))"
                    + "\\s*\\}\\s*\\(\\s*\\)$");
    /**
     * The clock and context set-up of a polling loop: {@code ticker := time.NewTicker(interval)}, a timer, a context
     * derived with its cancel deferred. It runs none of the program's own code (round 23's go-ok-13: a ticker loop that
     * runs each tick through a recovering helper).
     */
    private static final Pattern SETUP = Pattern.compile(
            "^\\w+\\s*:?=\\s*time\\.(?:NewTicker|NewTimer)\\([^()]*\\)"
                    + "|^\\w+\\s*,\\s*\\w+\\s*:?=\\s*context\\.With(?:Cancel|Timeout|Deadline)\\([^()]*(?:\\([^()]*\\)[^()]*)*\\)"
                    + "|^defer\\s+\\w*[Cc]ancel\\w*\\(\\s*\\)");
    /** A call whose arguments call nothing, as a statement or assigned: group 1 the callee. */
    private static final Pattern PLAIN_CALL = Pattern.compile(
            "^(?:[\\w.]+(?:\\s*,\\s*[\\w.]+)*\\s*:?=\\s*)?([\\w.]+)\\s*\\([^()]*\\)$");

    /**
     * True when the block {@code body} (its text, braces included or not) runs the program's code only through calls
     * that {@code guarded} accepts, and makes at least one such call.
     */
    public static boolean runsOnlyGuardedWork(String body, Predicate<String> guarded) {
        if (body == null) {
            return false;
        }
        String inner = body.strip();
        if (inner.startsWith("{") && inner.endsWith("}")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        boolean any = false;
        for (String raw : inner.split("[;\\n]")) {
            String st = raw.replaceFirst("//.*", "").strip();
            if (st.isEmpty() || STRUCTURE.matcher(st).matches() || WAITS.matcher(st).matches()
                    || SETUP.matcher(st).matches()) {
                continue;
            }
            Matcher call = PLAIN_CALL.matcher(st);
            if (!call.matches() || call.group(1).startsWith("time.") || !guarded.test(call.group(1))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * The function literal a local name of the enclosing functions holds ({@code run := func(i int) { ... }},
     * {@code run = func...}, {@code var run = func...}), searched from the go statement outwards; null when none is.
     */
    static SyntaxNode localLiteral(SyntaxNode go, String name, byte[] src) {
        if (!name.matches("[A-Za-z_]\\w*")) {
            return null;
        }
        for (SyntaxNode f = go.getParent(); f != null && !f.isNull(); f = f.getParent()) {
            String t = f.getType();
            if (!t.equals("function_declaration") && !t.equals("method_declaration") && !t.equals("func_literal")) {
                continue;
            }
            SyntaxNode found = assigned(f.getChildByFieldName("body"), name, src);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * The visible text of the literal a local name holds, found by the text above line {@code goRow} (0-based) when
     * the tree cannot join them (the definition and the launch are in different hunks of one function): from the
     * last {@code name := func} line above to the line that closes it at the same indentation, or to the end of what
     * is visible. Null when no such line is above.
     */
    static String localLiteralText(String text, String name, int goRow) {
        if (!name.matches("[A-Za-z_]\\w*")) {
            return null;
        }
        String[] lines = text.split("\n", -1);
        Pattern def = Pattern.compile("^(\\s*)(?:var\\s+)?" + name + "\\s*:?=\\s*func\\s*\\(");
        for (int i = Math.min(goRow, lines.length) - 1; i >= 0; i--) {
            Matcher m = def.matcher(lines[i]);
            if (m.find()) {
                StringBuilder out = new StringBuilder(lines[i]).append('\n');
                for (int j = i + 1; j < goRow && j < lines.length; j++) {
                    out.append(lines[j]).append('\n');
                    if (lines[j].equals(m.group(1) + "}")) {
                        break;
                    }
                }
                return out.toString();
            }
        }
        return null;
    }

    /** A deferred call's callee; group 1. */
    private static final Pattern DEFERRED_CALL = Pattern.compile("\\bdefer\\s+([\\w.]+)\\s*\\(");
    /** The names a recovering helper goes by (the goroutine rule's own reading of an unseen deferred helper). */
    private static final Pattern RECOVER_NAME = Pattern.compile("(?i)recover|rescue|guard|safe|crash|panic");

    /**
     * True when the body defers a helper the review cannot see whose name says it recovers ({@code defer
     * handlePanic(&err)}, {@code defer util.Recover()}): read as the goroutine rule reads such a helper in a
     * goroutine's own body.
     */
    public static boolean defersUnseenRecoverer(String body, Predicate<String> knows) {
        Matcher m = DEFERRED_CALL.matcher(body == null ? "" : body);
        while (m.find()) {
            String callee = m.group(1);
            int dot = callee.lastIndexOf('.');
            if (!knows.test(callee) && RECOVER_NAME.matcher(dot < 0 ? callee : callee.substring(dot + 1)).find()) {
                return true;
            }
        }
        return false;
    }

    private static SyntaxNode assigned(SyntaxNode n, String name, byte[] src) {
        if (n == null || n.isNull()) {
            return null;
        }
        String t = n.getType();
        if (t.equals("short_var_declaration") || t.equals("assignment_statement") || t.equals("var_spec")) {
            SyntaxNode left = n.getChildByFieldName(t.equals("var_spec") ? "name" : "left");
            SyntaxNode right = n.getChildByFieldName(t.equals("var_spec") ? "value" : "right");
            if (left != null && !left.isNull() && right != null && !right.isNull()
                    && SyntaxNode.text(src, left).strip().equals(name) && right.getNamedChildCount() == 1
                    && right.getNamedChild(0).getType().equals("func_literal")) {
                return right.getNamedChild(0);
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            SyntaxNode c = n.getNamedChild(i);
            if (c.getType().equals("func_literal") || c.getType().equals("function_declaration")) {
                continue; // a name local to a nested literal is not in the go statement's scope
            }
            SyntaxNode found = assigned(c, name, src);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
