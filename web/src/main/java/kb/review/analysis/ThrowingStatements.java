package kb.review.analysis;

import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import kb.review.analysis.Cfg.Node;
import kb.review.analysis.JavaCfgFrames.Try;

/**
 * What {@link JavaCfg} asks of a Java statement before it draws the edges out of it: whether it may throw (it calls or
 * constructs something, and is not only a call the models call quiet), whether it ends the process, and whether an
 * exception it throws gets past the catches of a try (a checked type the method declares that no catch takes, or an
 * unchecked one out of a callback parameter's call).
 */
final class ThrowingStatements {

    static final Pattern MAY_THROW = Pattern.compile("[\\w>\\]]\\s*\\(|\\bnew\\s");
    private static final Pattern HALT = Pattern.compile("^(System\\.exit|Runtime\\.getRuntime\\(\\)\\.halt)\\s*\\(");

    /**
     * The types of a parameter that is code the caller hands in (a callback, a unit of work): what it throws is
     * the caller's business logic, unchecked exceptions included.
     */
    static final Pattern CALLBACK_TYPE = Pattern.compile(
            "(Function|Consumer|Supplier|Callable|Runnable|Callback|Action|Work|Handler|Task|Operation|Block)$");

    private final Predicate<String> quiet;

    /**
     * Calls of the method's callback parameters ({@code body.apply(conn)}): the statements an unchecked exception is
     * followed out of when {@code thrown} names RuntimeException ({@link JavaCfg#buildWithUnchecked}); null otherwise.
     */
    Pattern callbacks;

    /** The simple names of the checked exceptions the method declares it throws; empty for a lambda. */
    private final List<String> thrown;

    ThrowingStatements(Predicate<String> quiet, List<String> thrown) {
        this.quiet = quiet;
        this.thrown = thrown;
    }

    static boolean callsOrBuilds(com.github.javaparser.ast.Node x) {
        return x instanceof MethodCallExpr || x instanceof ObjectCreationExpr || x instanceof ArrayCreationExpr
                || x instanceof ExplicitConstructorInvocationStmt;
    }

    /** True when {@code at} is a statement that only calls a method known not to throw. */
    boolean quietCall(com.github.javaparser.ast.Node at) {
        if (!(at instanceof ExpressionStmt es) || !(es.getExpression() instanceof MethodCallExpr call)
                || call.getArguments().stream().anyMatch(x -> x.isLambdaExpr() || x.isMethodReferenceExpr())) {
            return false; // timer.record(() -> work()) runs the code it is given, which may throw
        }
        String scope = call.getScope().map(Printed::of).orElse("");
        return quiet.test(scope.isEmpty() ? call.getNameAsString() : scope + "." + call.getNameAsString());
    }

    /**
     * True when a checked exception the method declares is taken by none of the try's catches: {@code catch
     * (RuntimeException e)} in a method that {@code throws Exception} or {@code SQLException}, {@code catch
     * (IOException e)} in one that throws {@code SQLException}. Types the review cannot place are taken as caught.
     */
    boolean escapes(Try t, Node n) {
        for (String declared : thrown) {
            if (declared.equals("RuntimeException") && (callbacks == null || !callbacks.matcher(n.text()).find())) {
                continue;
            }
            if (t.caught.stream().flatMap(List::stream).noneMatch(c -> CheckedExceptions.takes(c, declared))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the statement starts with a call that ends the process ({@link #HALT}); printed only when it calls a
     * method of that name.
     */
    static boolean halts(Statement s) {
        return s.findFirst(MethodCallExpr.class, c -> c.getNameAsString().equals("exit")
                || c.getNameAsString().equals("halt")).isPresent() && HALT.matcher(Printed.of(s)).find();
    }
}
