package kb.review.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.Set;

/**
 * Handles lent to a callback: Jdbi's {@code withHandle}, {@code useHandle}, {@code inTransaction} and
 * {@code useTransaction} (and their {@code Extension} forms) open a handle, pass it to the lambda and close it when
 * the lambda returns, and closing a Jdbi handle closes every statement, result iterator and stream made from it. What
 * the lambda makes from its own parameter ({@code h.createQuery(...).mapTo(...).stream()}) is therefore released by
 * the callback's owner, on every path. Only what is reached from the parameter: a resource the lambda gets from
 * elsewhere (Spring's {@code jdbcTemplate.queryForStream(...)} inside a {@code ConnectionCallback} holds a connection
 * of its own, which the callback's connection does not release) stays the lambda's to close.
 */
final class HandleCallbacks {

    /** The methods that lend their callback a handle and close it (and what it made) when the callback returns. */
    private static final Set<String> LENDERS = Set.of("withHandle", "useHandle", "inTransaction", "useTransaction",
            "withExtension", "useExtension");

    private HandleCallbacks() {
    }

    /** True when {@code e} is made from the handle parameter of a lambda a lender passes a handle to. */
    static boolean lent(Expression e) {
        Expression root = e;
        while (true) {
            if (root instanceof MethodCallExpr call && call.getScope().isPresent()) {
                root = call.getScope().get();
            } else if (root instanceof FieldAccessExpr field) {
                root = field.getScope();
            } else {
                break;
            }
        }
        if (!(root instanceof NameExpr name)) {
            return false;
        }
        for (Node up = e.getParentNode().orElse(null); up != null; up = up.getParentNode().orElse(null)) {
            if (up instanceof LambdaExpr lambda && lambda.getParameters().stream()
                    .anyMatch(p -> p.getNameAsString().equals(name.getNameAsString()))) {
                return lambda.getParentNode().orElse(null) instanceof MethodCallExpr lender
                        && LENDERS.contains(lender.getNameAsString()) && lambda.getParameters().size() == 1;
            }
        }
        return false;
    }
}
