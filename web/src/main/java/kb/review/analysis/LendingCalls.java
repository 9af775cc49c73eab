package kb.review.analysis;

import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.regex.Pattern;

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

    /**
     * True when {@code statement} keeps the call's result (a declaration or an assignment) and a statement matching
     * {@code release} follows it in its own block or in a block around it, not under an {@code if}, a loop or a
     * catch: a close that runs only on one branch ({@code if (old != null) client.close();} after
     * {@code old = clients.putIfAbsent(key, client)}) is the failure half of a hand-over to a registry, not the
     * method keeping the value.
     */
    static boolean keptResultClosedAfter(com.github.javaparser.ast.stmt.ExpressionStmt statement, Pattern release) {
        if (statement.getExpression() instanceof MethodCallExpr) {
            return true; // the plain call: JavaLifecycle#lentToCall's own rule
        }
        for (com.github.javaparser.ast.Node at = statement; at.getParentNode().orElse(null)
                instanceof BlockStmt block; at = block.getParentNode().orElse(null)) {
            int from = block.getStatements().indexOf(at);
            for (int i = from + 1; i < block.getStatements().size(); i++) {
                if (block.getStatement(i).isExpressionStmt()
                        && release.matcher(block.getStatement(i).toString()).find()) {
                    return true;
                }
            }
            if (!(block.getParentNode().orElse(null) instanceof BlockStmt)
                    && !(block.getParentNode().orElse(null) instanceof com.github.javaparser.ast.stmt.TryStmt t
                    && t.getTryBlock() == block)) {
                return false;
            }
        }
        return false;
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
