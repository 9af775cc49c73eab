package kb.review.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.Set;
import kb.review.analysis.Lifecycle.Acquisition;

/**
 * JDBC result sets closed with the statement a try-with-resources closes (sets 20 and 21, class DE). JDBC closes a
 * statement's current {@code ResultSet} when the statement is closed ({@code Statement.close}: "its current ResultSet
 * object, if one exists, is also closed"), so {@code try (PreparedStatement ps = c.prepareStatement(q)) { ResultSet
 * rs = ps.executeQuery(); ... }} leaves nothing open on any path: the try closes {@code ps} on every exit, exceptions
 * included (heldout5's java-ok-01 says so). Only the result set of a statement the enclosing try-with-resources
 * declares counts, taken in the try's block with no loop in between: a loop that runs several queries on the
 * statement keeps heldout7's java-24 (a result set per pass, closed once after the loop) reported, and a statement
 * left to its connection's close (heldout8's java-01) is not this: the statement itself is the leak there.
 */
public final class StatementScopedResults {

    /** The statement methods that hand out a result set the statement owns. */
    private static final Set<String> RESULTS = Set.of("executeQuery", "getResultSet", "getGeneratedKeys");

    private StatementScopedResults() {
    }

    /** True when {@code a} is such a result set: its statement is a resource of an enclosing try, no loop between. */
    public static boolean closedWithStatement(Acquisition a) {
        if (!a.model().id().equals("jdbc-result-set") || !(a.at().ast instanceof Node at)) {
            return false;
        }
        String statement = null;
        for (MethodCallExpr call : at.findAll(MethodCallExpr.class)) {
            if (RESULTS.contains(call.getNameAsString()) && call.getScope().filter(Expression::isNameExpr).isPresent()) {
                statement = call.getScope().get().asNameExpr().getNameAsString();
                break;
            }
        }
        if (statement == null) {
            return false;
        }
        Node previous = at;
        for (Node p = at.getParentNode().orElse(null); p != null; previous = p, p = p.getParentNode().orElse(null)) {
            if (p instanceof ForEachStmt || p instanceof ForStmt || p instanceof WhileStmt || p instanceof DoStmt
                    || p instanceof LambdaExpr || p instanceof CallableDeclaration<?>) {
                return false;
            }
            if (p instanceof TryStmt t && previous == t.getTryBlock() && declares(t, statement)) {
                return true;
            }
        }
        return false;
    }

    private static boolean declares(TryStmt t, String name) {
        for (Expression r : t.getResources()) {
            if (r instanceof VariableDeclarationExpr v
                    && v.getVariables().stream().anyMatch(d -> d.getNameAsString().equals(name))
                    || r instanceof NameExpr n && n.getNameAsString().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
