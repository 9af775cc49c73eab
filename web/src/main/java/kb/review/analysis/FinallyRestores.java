package kb.review.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.regex.Pattern;
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
            if (writesBack(m, set) || RestoreHelpers.restoresThrough(m, set, a)
                    || unconditional(m, t) && a.model().releasedIn(m.toString(), a.var())) {
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
            // session 36 (jprec36): a few storing steps may stand between the set and the try (the request id also
            // put in a request attribute and a response header: `req.setAttribute(K, id); res.setHeader(H, id);`)
            int j = i + 1;
            while (i >= 0 && j < block.getStatements().size() && j <= i + STEPS
                    && storingStep(block.getStatement(j))) {
                j++;
            }
            if (i >= 0 && j < block.getStatements().size() && block.getStatement(j) instanceof TryStmt t) {
                return t;
            }
        }
        return null;
    }

    /** How many storing steps may stand between a set and its try. */
    private static final int STEPS = 3;
    /** A setter of a value on another object: a request attribute, a response header, a map entry, a span tag. */
    private static final Pattern STORE = Pattern.compile("^(?:set|add|put)(?:[A-Z]\\w*)?$");

    /** True for a statement that is only a setter call on a receiver, given names, literals or constants. */
    private static boolean storingStep(Statement st) {
        return st instanceof ExpressionStmt es && es.getExpression() instanceof MethodCallExpr m
                && m.getScope().isPresent() && STORE.matcher(m.getNameAsString()).matches()
                && m.getArguments().stream()
                        .allMatch(x -> x.isNameExpr() || x.isLiteralExpr() || x.isFieldAccessExpr());
    }

    /** True when the call {@code m} is a whole statement of the finally block of {@code t}, under no condition. */
    private static boolean unconditional(MethodCallExpr m, TryStmt t) {
        return m.getParentNode().orElse(null) instanceof ExpressionStmt es
                && es.getParentNode().orElse(null) == t.getFinallyBlock().orElse(null);
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
