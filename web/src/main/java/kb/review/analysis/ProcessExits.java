package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Go goroutines that run one piece of work and end the process when it fails: {@code go func() { err :=
 * p.daemon.Main(); if err != nil { p.Stop(); os.Exit(1) } }()}, the way a service wrapper runs the whole daemon
 * beside the signal loop that supervises it. The program's design for a failure of that work is to stop the process;
 * a panic in it stops the process too, and a recover there would leave a process running with its daemon dead and
 * no exit status to restart it by. CONC-01 asks for a recover so that one failing task does not take the other work
 * of the process with it; here there is no other work the goroutine's failure is meant to spare.
 *
 * <p>The shape is narrow on purpose: the literal's body is one call (its result assigned or not) and one {@code if}
 * on that result whose branch ends the process ({@code os.Exit}, {@code log.Fatal...}); or the same as a single
 * {@code if err := work(); err != nil { ... }}. A goroutine that loops, runs several calls, or only logs the failure
 * is not this shape: a recover is what keeps the process alive there.
 */
final class ProcessExits {

    private static final Pattern ENDS_PROCESS = Pattern.compile(
            "\\bos\\s*\\.\\s*Exit\\s*\\(|\\b\\w*(?i:log)\\w*\\s*\\.\\s*(Fatal|Fatalf|Fatalln)\\s*\\(");

    /** A registration for signals; group 1 the channel, group 2 the signals. */
    private static final Pattern NOTIFY = Pattern.compile("\\bsignal\\.Notify\\(\\s*(\\w+)\\s*,([^)]*)\\)");
    /** A signal that asks the process to end. */
    private static final Pattern ENDING_SIGNAL = Pattern.compile(
            "\\s*(?:os\\.(?:Interrupt|Kill)|(?:syscall|unix)\\.(?:SIGINT|SIGTERM|SIGQUIT|SIGKILL))\\s*");

    private ProcessExits() {
    }

    /**
     * True for a shutdown goroutine: it receives from a channel that the enclosing function registers with
     * {@code signal.Notify} for ending signals only (interrupt, terminate, quit), and it ends the process. Its work is
     * the process's end: a panic in the clean-up before the exit ends the same process, and a recover could only turn
     * an exit into a process that runs on after it was told to stop (set 19's AH: sftpgo's interrupt handler). A
     * channel registered for any other signal (a reload on SIGHUP) goes on serving after the handling and stays
     * reported.
     */
    static boolean endsProcessOnSignal(SyntaxNode literal, byte[] src) {
        String body = text(src, literal);
        if (!ENDS_PROCESS.matcher(body).find()) {
            return false;
        }
        SyntaxNode fn = literal.getParent();
        while (fn != null && !fn.isNull() && !fn.getType().equals("function_declaration")
                && !fn.getType().equals("method_declaration") && !fn.getType().equals("func_literal")) {
            fn = fn.getParent();
        }
        if (fn == null || fn.isNull()) {
            return false;
        }
        var notify = NOTIFY.matcher(text(src, fn));
        while (notify.find()) {
            String channel = Pattern.quote(notify.group(1));
            boolean ending = !notify.group(2).isBlank();
            for (String signal : notify.group(2).split(",")) {
                ending &= ENDING_SIGNAL.matcher(signal).matches();
            }
            Pattern receives = Pattern.compile("\\brange\\s+" + channel + "\\b|<-\\s*" + channel + "\\b");
            if (ending && receives.matcher(body).find()) {
                return true;
            }
        }
        return false;
    }

    /** True when the goroutine's function literal runs one call and ends the process when that call fails. */
    static boolean runsOneCallAndExits(SyntaxNode literal, byte[] src) {
        SyntaxNode body = literal.getChildByFieldName("body");
        if (body == null || body.isNull()) {
            return false;
        }
        List<SyntaxNode> statements = statements(body);
        if (statements.size() == 1) {
            SyntaxNode only = statements.get(0);
            SyntaxNode init = only.getType().equals("if_statement") ? only.getChildByFieldName("initializer") : null;
            return init != null && !init.isNull() && oneCall(init) && exitsOnResult(only, init, src);
        }
        return statements.size() == 2 && oneCall(statements.get(0)) && statements.get(1).getType().equals("if_statement")
                && exitsOnResult(statements.get(1), statements.get(0), src);
    }

    /** The block's statements, comments left out (newer grammars wrap them in a statement_list). */
    private static List<SyntaxNode> statements(SyntaxNode block) {
        List<SyntaxNode> out = new ArrayList<>();
        for (int i = 0; i < block.getNamedChildCount(); i++) {
            SyntaxNode c = block.getNamedChild(i);
            if (c.getType().equals("statement_list")) {
                out.addAll(statements(c));
            } else if (!c.getType().equals("comment")) {
                out.add(c);
            }
        }
        return out;
    }

    /** {@code work()}, {@code err := work()} or {@code err = work()}: one call and nothing else. */
    private static boolean oneCall(SyntaxNode statement) {
        SyntaxNode value = switch (statement.getType()) {
            case "expression_statement" -> statement.getNamedChildCount() == 1 ? statement.getNamedChild(0) : null;
            case "short_var_declaration", "assignment_statement" -> {
                SyntaxNode right = statement.getChildByFieldName("right");
                yield right != null && !right.isNull() && right.getNamedChildCount() == 1 ? right.getNamedChild(0)
                        : null;
            }
            default -> null;
        };
        return value != null && value.getType().equals("call_expression");
    }

    /**
     * The {@code if} tests a name the call's statement assigned, and its branch ends the process. A bare call
     * statement assigns nothing, so only the initializer form or an assignment qualifies.
     */
    private static boolean exitsOnResult(SyntaxNode ifStatement, SyntaxNode call, byte[] src) {
        SyntaxNode left = call.getChildByFieldName("left");
        SyntaxNode condition = ifStatement.getChildByFieldName("condition");
        SyntaxNode branch = ifStatement.getChildByFieldName("consequence");
        if (left == null || left.isNull() || condition == null || condition.isNull() || branch == null
                || branch.isNull()) {
            return false;
        }
        String tested = text(src, condition);
        boolean onResult = false;
        for (int i = 0; i < left.getNamedChildCount(); i++) {
            String name = text(src, left.getNamedChild(i));
            onResult |= !name.equals("_") && Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "(?!\\w)")
                    .matcher(tested).find();
        }
        return onResult && ENDS_PROCESS.matcher(text(src, branch)).find();
    }
}
