package kb.review.analysis;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import java.util.List;
import java.util.regex.Pattern;
import kb.review.analysis.Cfg.Node;
import kb.review.analysis.Lifecycle.Acquisition;

/**
 * A resource given to the constructor of an object kept in a local ({@code Manifest m = new Manifest(in);},
 * {@code cached = new CachedResponse(original);}) and then closed by the method itself, after that statement, on its
 * normal path. A constructor is taken as a hand-over (a wrapper owns what it wraps), but the method's own close
 * says it did not: the object only read the resource (copied the body, parsed the header) and the duty stayed here.
 * So the constructor borrowed it, and when it throws (an I/O failure while copying), the close written after it is
 * skipped: RES-01's "never call close() by hand at the end of a block; an exception skips it". A close in a catch
 * only is the failure half of a real hand-over, and a wrapper that a library model tracks itself (a decorator
 * stream) is judged as that resource, so neither counts here.
 */
final class WrappedThenClosed {

    private WrappedThenClosed() {
    }

    /**
     * True when the statement at {@code n} builds an object around {@code a} into a local and the callable closes
     * {@code a} by a plain statement below it, outside any catch. {@code tracked} says whether a model acquires at
     * {@code n} itself (a decorator stream the lifecycle pass follows as a resource of its own).
     */
    static boolean lent(Node n, Acquisition a, boolean tracked) {
        if (tracked || !a.model().kind().equals("resource") || a.model().normalPathsOnly()
                || !(n.ast instanceof ExpressionStmt es) || !builtAroundIntoLocal(es.getExpression(), a.var())) {
            return false;
        }
        com.github.javaparser.ast.Node callable = es.findAncestor(p -> p instanceof CallableDeclaration<?>
                || p instanceof LambdaExpr, com.github.javaparser.ast.Node.class).orElse(null);
        if (callable == null) {
            return false;
        }
        int after = es.getEnd().map(p -> p.line).orElse(Integer.MAX_VALUE);
        Pattern release = a.model().releasePattern(a.var());
        for (ExpressionStmt s : callable.findAll(ExpressionStmt.class)) {
            if (s.getBegin().map(p -> p.line > after).orElse(false) && release.matcher(s.toString()).find()
                    && s.findAncestor(CatchClause.class).filter(callable::isAncestorOf).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** {@code T x = new W(..., v, ...)} or {@code x = new W(..., v, ...)} with {@code x} a plain name. */
    private static boolean builtAroundIntoLocal(Expression e, String v) {
        Expression value;
        if (e instanceof VariableDeclarationExpr d && d.getVariables().size() == 1) {
            value = d.getVariable(0).getInitializer().orElse(null);
        } else if (e instanceof AssignExpr as && as.getOperator() == AssignExpr.Operator.ASSIGN
                && as.getTarget() instanceof NameExpr) {
            value = as.getValue();
        } else {
            return false;
        }
        return value instanceof ObjectCreationExpr created && created.getAnonymousClassBody().isEmpty()
                && argument(created.getArguments(), v);
    }

    private static boolean argument(List<Expression> args, String v) {
        return args.stream().anyMatch(x -> x instanceof NameExpr n && n.getNameAsString().equals(v));
    }
}
