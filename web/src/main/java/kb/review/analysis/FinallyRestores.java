package kb.review.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import kb.review.analysis.Lifecycle.Acquisition;

/**
 * Per-thread state put back on every path: a set ({@code CURRENT.set(x)}, {@code MDC.put(k, v)},
 * {@code MDC.setContextMap(m)}) inside a try, or right before it, whose {@code finally} writes the same state again
 * with a value ({@code CURRENT.set(previous)}, {@code MDC.put(k, ROOT)}, or {@code remove()} on one branch and
 * {@code set(previous)} on the other). The thread then leaves with what the method found, or with a fixed baseline,
 * on every path, which is what removing in finally is for. A finally that writes {@code null} is no restore: the
 * entry stays in the thread's map (a poor clear, still reported). The finally may also call a visible helper of the
 * file that clears or writes back the same state ({@link RestoreHelpers}).
 */
final class FinallyRestores {

    private FinallyRestores() {
    }

    /** True when the per-thread set at {@code a} is written back with a value by the finally of its try. */
    static boolean restored(Acquisition a) {
        if (!(a.at().ast instanceof Statement s)) {
            return false;
        }
        MethodCallExpr set = s.findFirst(MethodCallExpr.class).orElse(null);
        if (set == null || set.getArguments().isEmpty()) {
            return false;
        }
        TryStmt t = guardingTry(s);
        if (t == null || t.getFinallyBlock().isEmpty()) {
            return false;
        }
        for (MethodCallExpr m : t.getFinallyBlock().get().findAll(MethodCallExpr.class)) {
            if (writesBack(m, set) || RestoreHelpers.restoresThrough(m, set, a)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The try whose finally runs after the set: one whose try block holds it (in the same method), or the statement
     * right after it (or after the {@code if} that holds it: set when there is a value, remove when there is none).
     */
    private static TryStmt guardingTry(Statement s) {
        Node child = s;
        for (Node p = s.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?> || p instanceof LambdaExpr) {
                break;
            }
            if (p instanceof TryStmt t && t.getTryBlock() == child) {
                return t;
            }
        }
        Node at = s;
        for (Node up = at.getParentNode().orElse(null); up instanceof IfStmt
                || up instanceof BlockStmt && up.getParentNode().orElse(null) instanceof IfStmt;
                up = at.getParentNode().orElse(null)) {
            at = up;
        }
        if (at.getParentNode().orElse(null) instanceof BlockStmt block && at instanceof Statement st) {
            int i = block.getStatements().indexOf(st);
            if (i >= 0 && i + 1 < block.getStatements().size() && block.getStatement(i + 1) instanceof TryStmt t) {
                return t;
            }
        }
        return null;
    }

    /** True when {@code m} writes the state {@code set} wrote (same receiver, method and key) with a value. */
    private static boolean writesBack(MethodCallExpr m, MethodCallExpr set) {
        String scope = set.getScope().map(Object::toString).orElse("");
        if (!m.getNameAsString().equals(set.getNameAsString()) || m.getArguments().size() != set.getArguments().size()
                || !m.getScope().map(Object::toString).orElse("").equals(scope)) {
            return false;
        }
        int n = m.getArguments().size();
        if (n > 1 && !m.getArgument(0).toString().equals(set.getArgument(0).toString())) {
            return false; // another MDC key
        }
        Expression value = m.getArgument(n - 1);
        return !value.isNullLiteralExpr();
    }
}
