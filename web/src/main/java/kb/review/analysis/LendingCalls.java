package kb.review.analysis;

import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;

/**
 * Java: the method call a statement hands a value to, when the statement is only that call, or a local declared or
 * assigned from it ({@code FullTextSession search = Search.getFullTextSession(session);}, a view or an adapter over
 * the value). Where the method closes the value itself later on its normal path, such a call only borrowed it (the
 * author kept the duty, see {@code JavaLifecycle#lentToCall}); a constructor ({@code new BufferedReader(in)}) and a
 * return still hand it on and are not looked at here.
 */
final class LendingCalls {

    private LendingCalls() {
    }

    /** The call of an expression statement, or the initialiser or assigned value of a local; null otherwise. */
    static MethodCallExpr of(Expression statement) {
        Expression e = statement;
        if (e instanceof VariableDeclarationExpr d && d.getVariables().size() == 1) {
            e = d.getVariable(0).getInitializer().orElse(null);
        } else if (e instanceof AssignExpr a && a.getOperator() == AssignExpr.Operator.ASSIGN
                && a.getTarget().isNameExpr()) {
            e = a.getValue();
        }
        return e instanceof MethodCallExpr call ? call : null;
    }
}
