package kb.review.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;

/**
 * Java tries whose handlers the diff does not show. Java has no {@code try} without a {@code catch}, a
 * {@code finally} or resources: in a pasted diff one can only come from the gap filler, which closes the blocks a
 * hunk leaves open where the hunk stops (diff/JavaGaps). The catch or finally of such a try lies below the hunk, and
 * the usual shape of that code ({@code Connection c = null; try { c = open(); ... } finally { close(c); }}) is that
 * the finally closes what the try opened. An exception thrown inside such a try therefore goes to code the review
 * cannot read: the path is not a leak the review can show (sets 19-23, W: the close in a finally below the hunk).
 * A try that shows its handlers is left to the graph, which follows its edges. Only the idiom counts: a local
 * declared {@code = null} above the cut try (older classes report the other shapes: PrecisionSet8, Life30, Res32).
 */
final class CutTries {

    private CutTries() {
    }

    /**
     * True when an exception out of {@code ast} goes to the handlers of the cut try that holds the acquisition
     * {@code acq} of {@code var} in the classic idiom ({@link #idiomTry}).
     */
    static boolean handledBelowCut(Object ast, Object acq, String var) {
        TryStmt t = idiomTry(acq, var);
        return t != null && ast instanceof Node node && t.getTryBlock().isAncestorOf(node);
    }

    /** True when every way out of the function from the acquisition {@code acq} passes the cut try's handlers. */
    static boolean leavesThroughCut(Object acq, String var) {
        return idiomTry(acq, var) != null;
    }

    /**
     * The cut try that holds {@code acq} when {@code var} is declared {@code = null} above it: the classic
     * {@code X v = null; try { v = open(); ... } finally { close(v); }}, whose local lives outside the try for the
     * finally below the hunk. Without that declaration the older classes still report the path (PrecisionSet8,
     * Life30 partial method views).
     */
    private static TryStmt idiomTry(Object acq, String var) {
        if (!(acq instanceof Node node) || var == null) {
            return null;
        }
        TryStmt t = cutTryAround(node);
        if (t == null) {
            return null;
        }
        Node child = t;
        for (Node p = t.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?> || p instanceof LambdaExpr) {
                return null;
            }
            if (p instanceof BlockStmt block) {
                for (Statement s : block.getStatements()) {
                    if (s == child) {
                        break;
                    }
                    if (s instanceof ExpressionStmt e && e.getExpression() instanceof VariableDeclarationExpr d
                            && d.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(var)
                            && v.getInitializer().orElse(null) instanceof NullLiteralExpr)) {
                        return t;
                    }
                }
            }
        }
        return null;
    }

    /** The innermost try whose block holds {@code node} and which the hunk cuts, or null. */
    private static TryStmt cutTryAround(Node node) {
        Node child = node;
        for (Node p = node.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?> || p instanceof LambdaExpr) {
                return null;
            }
            if (p instanceof TryStmt t && child == t.getTryBlock() && cut(t)) {
                return t;
            }
        }
        return null;
    }

    /** A try without a catch, a finally or resources: only the gap filler makes one. */
    private static boolean cut(TryStmt t) {
        return t.getCatchClauses().isEmpty() && t.getFinallyBlock().isEmpty() && t.getResources().isEmpty();
    }

    /**
     * True when {@code ast} lies in the block of a try-with-resources that declares {@code owner}, a JDBC statement,
     * as a resource ({@code try (PreparedStatement ps = c.prepareStatement(q)) { ResultSet rs = ps.executeQuery(); }}):
     * closing a statement closes its current result set. Narrowed at the merge: a statement left to its connection
     * (JavaSessionsSession24, Prec31) and a result set left to a statement closed in a finally (JavaRound3) are still
     * reported.
     */
    static boolean insideOwnersTry(Object ast, String owner) {
        return ast instanceof Node node && owner != null && ownersTry(node, owner) != null;
    }

    /** True when {@code b} lies in the try statement (of {@code owner}) in whose block {@code a} lies. */
    static boolean sameOwnersTry(Object a, Object b, String owner) {
        if (!(a instanceof Node na) || !(b instanceof Node nb) || owner == null) {
            return false;
        }
        TryStmt t = ownersTry(na, owner);
        return t != null && t.isAncestorOf(nb); // its block, catches or finally: all end in the owner's close
    }

    private static TryStmt ownersTry(Node node, String owner) {
        Node child = node;
        for (Node p = node.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?> || p instanceof LambdaExpr) {
                return null;
            }
            if (p instanceof TryStmt t && child == t.getTryBlock() && statementResource(t, owner)) {
                return t;
            }
        }
        return null;
    }

    /** True when the try declares {@code owner} as a resource of a JDBC statement type. */
    private static boolean statementResource(TryStmt t, String owner) {
        for (var r : t.getResources()) {
            if (r instanceof VariableDeclarationExpr d) {
                for (VariableDeclarator v : d.getVariables()) {
                    if (v.getNameAsString().equals(owner) && v.getTypeAsString().endsWith("Statement")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
