package kb.review.analysis;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SourceFile;

/**
 * A single-thread executor whose whole work is one loop that runs until the program stops it: a drain, clean-up,
 * dispatch or event-forwarding loop submitted once when its owner starts ({@code auditExecutor.submit(() -> { while
 * (!stopped.get()) { ... } })}, {@code dispatcher.execute(this::dispatchLoop)}). Judged false on the seventh, eighth
 * and tenth held-out precision sets (BV: Apollo's audit and history clean-up, HertzBeat's dispatcher, SeaTunnel's
 * event forwarder). CONC-02 is about work waiting in an unbounded queue ("every waiting task keeps its arguments,
 * buffers and stack alive"); the one thread of such an executor is taken by the loop until stop, so nothing is ever
 * queued behind it, and a task that was would not run before stop either, which no author relies on. The same factory
 * fed per message or per tick ({@code executor.submit(() -> process(m))}), fed from a loop, given more than one task,
 * given a loop that ends with its data ({@code while (it.hasNext())}), or handed to other code (returned, passed on)
 * stays reported, as does a fixed or cached pool.
 */
public final class LoopOnlyExecutors {

    /** What {@link #describe} answers for an executor whose only work is one loop until stopped. */
    public static final String ONE_LOOP = "one-loop-until-stopped";

    private static final Pattern SINGLE = Pattern.compile("Executors\\s*\\.\\s*newSingleThreadExecutor\\s*\\(");
    private static final Pattern ASSIGNED = Pattern.compile("(?:this\\s*\\.\\s*)?([\\p{L}_]\\w*)\\s*=\\s*$");

    private LoopOnlyExecutors() {
    }

    /**
     * {@link #ONE_LOOP} when the line makes a single-thread executor, stores it in a name, and the file's only use of
     * that name besides shutting it down is one {@code submit}/{@code execute} of a task that is a loop until
     * stopped (inline, or a method of the file named by reference); empty otherwise.
     */
    public static String describe(SourceFile file, int lineNo, String line) {
        Matcher single = SINGLE.matcher(line);
        if (!single.find()) {
            return "";
        }
        String before = line.substring(0, single.start());
        if (before.isBlank() && lineNo > 1 && file.known(lineNo - 1)) {
            before = file.line(lineNo - 1); // 'executor =' then the factory on the next line
        }
        Matcher name = ASSIGNED.matcher(before.stripTrailing());
        if (!name.find()) {
            return "";
        }
        String code = CodeText.code(file.text());
        String text = file.text();
        Matcher use = Pattern.compile("(?<![\\w])" + Pattern.quote(name.group(1)) + "(?!\\w)").matcher(code);
        List<Integer> submits = new ArrayList<>();
        while (use.find()) {
            String after = code.substring(use.end()).stripLeading();
            String rest = after.replaceFirst("^\\.\\s*", ".");
            if (rest.matches("(?s)^\\.(?:submit|execute)\\s*\\(.*")) {
                submits.add(code.indexOf('(', use.end()));
            } else if (rest.matches("(?s)^(?:\\.(?:shutdown|shutdownNow|awaitTermination|isShutdown|isTerminated"
                    + "|close)\\s*\\(|\\s*[!=]=\\s*null\\b|\\s*=[^=]).*")) {
                continue; // shut down, tested, or assigned
            } else if (!rest.matches("(?s)^;.*") || beforeIsCall(code, use.start())) {
                return ""; // handed on (returned, passed to a call) or used another way: its work is not all in sight
            }
        }
        if (submits.size() != 1 || inLoop(code, submits.get(0))) {
            return "";
        }
        String task = argument(code, text, submits.get(0));
        return task != null && loopsUntilStopped(task, text) ? ONE_LOOP : "";
    }

    /** True when the name at {@code at} is an argument of a call or a returned value ({@code foo(executor)}). */
    private static boolean beforeIsCall(String code, int at) {
        String head = code.substring(Math.max(0, at - 40), at).stripTrailing();
        return head.endsWith("(") || head.endsWith(",") || head.endsWith("return");
    }

    /** True when the submit at {@code open} sits in a loop's body: one task per turn. */
    private static boolean inLoop(String code, int open) {
        int depth = 0;
        for (int i = open; i >= 0; i--) {
            char c = code.charAt(i);
            if (c == '}') {
                depth++;
            } else if (c == '{' && depth-- == 0) {
                String head = code.substring(Math.max(0, i - 200), i);
                int semi = Math.max(head.lastIndexOf(';'), Math.max(head.lastIndexOf('{'), head.lastIndexOf('}')));
                if (head.substring(semi + 1).matches("(?s)\\s*(?:for|while|do)\\b.*")) {
                    return true;
                }
                depth = 0;
            }
        }
        return false;
    }

    /** The text of the first argument of the call whose parenthesis opens at {@code open}, or null. */
    private static String argument(String code, String text, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i); // brackets inside literals and comments are blanked
            depth += c == '(' || c == '{' || c == '[' ? 1 : c == ')' || c == '}' || c == ']' ? -1 : 0;
            if (depth == 0) {
                return text.substring(open + 1, i);
            }
            if (depth == 1 && c == ',') {
                return text.substring(open + 1, i);
            }
        }
        return null;
    }

    private static final JavaParser PARSER = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW).setAttributeComments(false));

    /** True when the task is a lambda, or a reference to a method of the file, whose body is one loop until stopped. */
    private static boolean loopsUntilStopped(String task, String text) {
        ParseResult<Expression> r;
        synchronized (PARSER) {
            r = PARSER.parseExpression(task.strip());
        }
        if (!r.isSuccessful() || r.getResult().isEmpty()) {
            return false;
        }
        Expression e = r.getResult().get();
        if (e instanceof LambdaExpr l && l.getParameters().isEmpty() && l.getBody() instanceof BlockStmt b) {
            return oneLoop(b);
        }
        if (e instanceof MethodReferenceExpr m && m.getScope().toString().equals("this")) {
            String body = methodBody(text, m.getIdentifier());
            if (body == null) {
                return false;
            }
            ParseResult<BlockStmt> block;
            synchronized (PARSER) {
                block = PARSER.parseBlock(body);
            }
            return block.isSuccessful() && block.getResult().map(LoopOnlyExecutors::oneLoop).orElse(false);
        }
        return false;
    }

    /**
     * Local declarations, then one loop that only a stop ends (alone in a {@code try} whose catches end the task),
     * and nothing after it.
     */
    private static boolean oneLoop(BlockStmt b) {
        List<Statement> statements = b.getStatements();
        if (statements.isEmpty()) {
            return false;
        }
        for (int i = 0; i < statements.size() - 1; i++) {
            if (!(statements.get(i) instanceof ExpressionStmt es && es.getExpression().isVariableDeclarationExpr())) {
                return false;
            }
        }
        Statement last = statements.get(statements.size() - 1);
        if (last instanceof TryStmt t && t.getResources().isEmpty() && t.getFinallyBlock().isEmpty()) {
            return oneLoop(t.getTryBlock()); // the loop inside a try that ends it on an interrupt
        }
        return last instanceof WhileStmt w && untilStopped(w.getCondition().toString())
                || last instanceof DoStmt d && untilStopped(d.getCondition().toString())
                || last instanceof ForStmt f && f.getCompare().isEmpty();
    }

    /** A loop condition that only a stop ends: {@code true}, or a test of a stop flag or of the thread's interrupt. */
    private static final Pattern STOP_TEST = Pattern.compile("^true$|(?i)interrupt|stop|running|closed|shutdown|alive");

    private static boolean untilStopped(String condition) {
        return STOP_TEST.matcher(condition.strip()).find();
    }

    /** The block of the file's one method {@code name} with no parameters, or null when there is not exactly one. */
    private static String methodBody(String text, String name) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*\\(\\s*\\)\\s*(?:throws[^{;]*)?\\{")
                .matcher(text);
        String found = null;
        while (m.find()) {
            if (found != null) {
                return null;
            }
            int open = m.end() - 1;
            int depth = 0;
            for (int i = open; i < text.length(); i++) {
                char c = text.charAt(i);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 0) {
                    found = text.substring(open, i + 1);
                    break;
                }
            }
        }
        return found;
    }
}
