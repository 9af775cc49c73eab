package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Two facts about a logging call in a loop that the loop keywords alone do not show: a lambda given to
 * {@code forEach} is a loop body (it runs once per element), and a log behind a counter bound
 * ({@code if (rejected++ < 3)}, {@code if (logged <= MAX_LOGGED)}, {@code if (n % 1000 == 0)}) logs the first few or a
 * sample only, which is what LOG-01 asks for.
 */
public final class LoopGuards {

    /** A count compared with a bound: a literal or a constant (upper-case) name, on either side. */
    private static final Pattern BOUNDED = Pattern.compile(
            "^\\+*\\-*([A-Za-z_][\\w.]*)(?:\\+\\+|--)?\\s*(?:<|<=)\\s*(?:\\d+|[A-Z][A-Z0-9_]*|\\w+\\.[A-Z][A-Z0-9_]*)$"
                    + "|^(?:\\d+|[A-Z][A-Z0-9_]*)\\s*(?:>|>=)\\s*\\+*\\-*([A-Za-z_][\\w.]*)(?:\\+\\+|--)?$"
                    + "|%\\s*(?:\\d+|[A-Z][A-Z0-9_]*)\\s*==\\s*0$");

    private LoopGuards() {
    }

    /** True when {@code lambda} is an argument of a {@code forEach}/{@code forEachOrdered} call. */
    static boolean forEachBody(SyntaxNode lambda, byte[] src) {
        SyntaxNode args = lambda.getParent();
        SyntaxNode call = args == null || args.isNull() ? null : args.getParent();
        if (call == null || call.isNull() || !args.getType().equals("argument_list")
                || !call.getType().equals("method_invocation")) {
            return false;
        }
        SyntaxNode name = call.getChildByFieldName("name");
        String n = name == null || name.isNull() ? "" : text(src, name);
        return n.equals("forEach") || n.equals("forEachOrdered");
    }

    /**
     * True when {@code child} is the then branch of an {@code if} {@code p} whose condition bounds a count. In Go the
     * name compared must count: stepped in the test or anywhere in its function ({@code logged++},
     * {@code n += 1}), or a loop's index ({@code for i := range}); a field of the item compared with a literal
     * ({@code if p.Price <= 0}) is a test of the item's data, whose log repeats with every bad item.
     */
    static boolean sampled(SyntaxNode p, SyntaxNode child, byte[] src, boolean go) {
        if (!p.getType().equals("if_statement")) {
            return false;
        }
        SyntaxNode cond = p.getChildByFieldName("condition");
        SyntaxNode then = p.getChildByFieldName("consequence");
        if (cond == null || cond.isNull() || then == null || then.isNull()
                || child.getStartByte() < then.getStartByte() || child.getEndByte() > then.getEndByte()) {
            return false;
        }
        // the branch runs only when every operand of a top-level && holds: one counter bound among them bounds it
        // (`if (!store.save(r) && rejected++ < 5)` logs the first five rejections)
        for (String operand : conjuncts(text(src, cond))) {
            Matcher m = BOUNDED.matcher(operand);
            if (m.find()) {
                String counted = m.group(1) != null ? m.group(1) : m.group(2);
                if (!go || counted == null || steps(p, counted, src)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final Pattern NEGATED_FLAG = Pattern.compile("^!\\s*([A-Za-z_][\\w.]*)$");

    /**
     * True when {@code child} is the then branch of an {@code if} {@code p} that runs once: one conjunct of its test
     * is a negated flag ({@code !warned}) that the branch itself sets ({@code warned = true}), the "warn once per
     * loop" fix. Later turns skip the branch, so the line is written once per walk, not per element.
     */
    static boolean latched(SyntaxNode p, SyntaxNode child, byte[] src) {
        if (!p.getType().equals("if_statement")) {
            return false;
        }
        SyntaxNode cond = p.getChildByFieldName("condition");
        SyntaxNode then = p.getChildByFieldName("consequence");
        if (cond == null || cond.isNull() || then == null || then.isNull()
                || child.getStartByte() < then.getStartByte() || child.getEndByte() > then.getEndByte()) {
            return false;
        }
        String body = text(src, then);
        for (String operand : conjuncts(text(src, cond))) {
            Matcher m = NEGATED_FLAG.matcher(operand.strip());
            if (m.matches() && Pattern.compile("(?<![\\w.])" + Pattern.quote(m.group(1)) + "\\s*=\\s*true\\b")
                    .matcher(body).find()) {
                return true;
            }
        }
        return false;
    }

    /** The operands of a condition's top-level {@code &&}, each without its enclosing parentheses. */
    static List<String> conjuncts(String condition) {
        String test = unwrap(condition);
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < test.length(); i++) {
            char c = test.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && c == '|' && i + 1 < test.length() && test.charAt(i + 1) == '|') {
                return List.of(test); // an || at the top: no operand bounds the branch alone
            } else if (depth == 0 && c == '&' && i + 1 < test.length() && test.charAt(i + 1) == '&') {
                out.add(unwrap(test.substring(from, i)));
                from = i + 2;
                i++;
            }
        }
        out.add(unwrap(test.substring(from)));
        return out;
    }

    private static String unwrap(String test) {
        test = test.strip();
        while (test.startsWith("(") && test.endsWith(")") && balanced(test.substring(1, test.length() - 1))) {
            test = test.substring(1, test.length() - 1).strip();
        }
        return test;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            depth += s.charAt(i) == '(' ? 1 : s.charAt(i) == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** True when {@code name} is stepped in the function around {@code n}, or is the key of a range loop there. */
    private static boolean steps(SyntaxNode n, String name, byte[] src) {
        SyntaxNode f = n;
        while (f.getParent() != null && !f.getParent().isNull() && !f.getType().equals("function_declaration")
                && !f.getType().equals("method_declaration") && !f.getType().equals("func_literal")) {
            f = f.getParent();
        }
        String q = Pattern.quote(name);
        return Pattern.compile("(?<![\\w.])" + q + "\\s*(\\+\\+|--|[-+]=|=\\s*" + q + "\\s*\\+)"
                + "|\\bfor\\s+" + q + "\\s*(,\\s*\\w+\\s*)?:?=\\s*range\\b").matcher(text(src, f)).find();
    }

    /**
     * True when {@code p} is a block in which a statement after {@code child} leaves the loop unconditionally
     * ({@code break}, {@code return}, {@code throw}): a log there runs once, when the loop ends, not per iteration.
     */
    static boolean leavesLoop(SyntaxNode p, SyntaxNode child) {
        String t = p.getType();
        if (!t.equals("block") && !t.equals("statement_list")) {
            return false;
        }
        boolean after = false;
        for (int i = 0; i < p.getNamedChildCount(); i++) {
            SyntaxNode s = p.getNamedChild(i);
            if (after && (s.getType().equals("break_statement") || s.getType().equals("return_statement")
                    || s.getType().equals("throw_statement"))) {
                return true;
            }
            after |= s.getStartByte() >= child.getEndByte() || s.getStartByte() == child.getStartByte();
        }
        return false;
    }

    /** A loop over errors ({@code for err := range errCh}, {@code for (Exception e : failures)}): each pass is a failure. */
    private static final Pattern OVER_FAILURES = Pattern.compile(
            "^for\\s*\\(?\\s*(?:final\\s+)?(?:(?:_\\s*,\\s*)?\\w*[eE]rr(?:or)?\\w*\\s*:?=\\s*range\\b"
                    + "|[\\w.]*(?:Exception|Error|Throwable)\\s+\\w+\\s*:)");

    /** True when {@code loop} iterates over errors, so a log in its body reports failures, not every request. */
    static boolean overFailures(SyntaxNode loop, byte[] src) {
        SyntaxNode body = loop.getChildByFieldName("body");
        if (body == null || body.isNull()) {
            return false;
        }
        String head = new String(src, loop.getStartByte(), body.getStartByte() - loop.getStartByte(),
                StandardCharsets.UTF_8).strip();
        return OVER_FAILURES.matcher(head).find();
    }

    /** True when {@code n} is in a Java {@code static void main}: a command-line tool's console output is its purpose. */
    /**
     * Functions that run once per process or per configuration change, not per request or item: constructors,
     * {@code New...}, starting, stopping, closing, initialising, recovering at start-up, configuring. A loop there
     * walks a configuration, not traffic. (Words that also name per-request or frequent work, such as load, reload,
     * register or validate, are left out: a runtime reload every few seconds that logs every key is a flood.)
     */
    private static final Pattern LIFECYCLE = Pattern.compile(
            // (session 44, log44) but not a start of a routine or loop (startRenewalRoutine, startPollLoop): its
            // loop is the routine that runs until stopped, once per tick or poll, not start-up work
            "(?![Ss]tart\\w*(?:Routine|Loop|Goroutine|Poller|Ticker|Heartbeat)s?$)"
                    + "(?:(?:start|stop|shutdown|halt|close|destroy|init|initialize|recover|setup|configure)"
                    + "(?:[A-Z]\\w*)?"
                    + "|(?:Start|Stop|Shutdown|Halt|Close|Destroy|Init|Initialize|Recover|Setup|Configure|New)"
                    + "(?:[A-Z]\\w*)?|main"
                    // a qualified stop or start: softHalt, gracefulShutdown, doStart, forceStop
                    + "|[a-z]+(?:Start|Stop|Shutdown|Halt|Destroy)(?:[A-Z]\\w*)?)");

    /** (session 50) A function name of start-up, stop or set-up work ({@link #LIFECYCLE}), read from text alone. */
    public static boolean lifecycleName(String name) {
        return LIFECYCLE.matcher(name).matches();
    }

    static boolean inLifecycleFunction(SyntaxNode n, byte[] src) {
        for (SyntaxNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("method_declaration") || t.equals("function_declaration")
                    || t.equals("constructor_declaration")) {
                SyntaxNode name = p.getChildByFieldName("name");
                return t.equals("constructor_declaration")
                        || name != null && !name.isNull() && LIFECYCLE.matcher(text(src, name)).matches();
            }
        }
        return false;
    }

    /**
     * (session 34) A Java source folder of a command-line tool by its package: {@code .../cli/...} (atlas's
     * trino-extractor), {@code .../cmdline/...} (opennlp's tools), {@code .../commandline/...}. A logger line per item
     * there is the command's progress output, read by the operator who runs it once (class IM of the precision sets),
     * as {@link #javaConsoleTool} reads its {@code System.out} lines.
     */
    private static final Pattern COMMAND_LINE_PACKAGE = Pattern.compile("(?:^|/)(?:cli|cmdline|commandline)/");

    static boolean inCommandLinePackage(String path) {
        return path != null && COMMAND_LINE_PACKAGE.matcher(path).find();
    }

    /** A class that is a command of a command-line tool by its name ({@code ExportTopicCommand}, {@code AdminCli}). */
    private static final Pattern COMMAND_CLASS = Pattern.compile("\\w*(Command|Cmd|Cli|Tool)");
    private static final Pattern COMMAND_FILE = Pattern.compile("(Command|Cmd|Cli|Tool)\\.java$");

    /**
     * True when {@code n} is a command-line tool's console output: in a Java {@code static void main}, or in a class
     * named as a command of a tool, whose {@code System.out} lines are what the user ran it for.
     */
    static boolean javaConsoleTool(SyntaxNode n, byte[] src, String path) {
        if (inJavaMain(n, src) || COMMAND_FILE.matcher(path).find()) {
            return true; // the file's name is its public class's, which a pasted diff may not show
        }
        for (SyntaxNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (p.getType().equals("class_declaration")) {
                SyntaxNode name = p.getChildByFieldName("name");
                return name != null && !name.isNull() && COMMAND_CLASS.matcher(text(src, name)).matches();
            }
        }
        return false;
    }

    static boolean inJavaMain(SyntaxNode n, byte[] src) {
        for (SyntaxNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (p.getType().equals("method_declaration")) {
                SyntaxNode name = p.getChildByFieldName("name");
                String head = text(src, p);
                head = head.substring(0, Math.max(0, head.indexOf('(')));
                return name != null && !name.isNull() && text(src, name).equals("main")
                        && head.matches("(?s).*\\bstatic\\b.*\\bvoid\\s+main\\s*");
            }
        }
        return false;
    }
}
