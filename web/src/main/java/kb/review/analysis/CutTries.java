package kb.review.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;

/**
 * Java tries whose handlers the diff does not show. Java has no {@code try} without a {@code catch}, a
 * {@code finally} or resources: in a pasted diff one can only come from the gap filler, which closes the blocks a
 * hunk leaves open where the hunk stops (diff/JavaGaps). The catch or finally of such a try lies below the hunk, and
 * the usual shape of that code ({@code Connection c = null; try { c = open(); ... } finally { close(c); }}) is that
 * the finally closes what the try opened. An exception thrown inside such a try therefore goes to code the review
 * cannot read: the path is not a leak the review can show (sets 19-23, W: the close in a finally below the hunk).
 * A try that shows its handlers is left to the graph, which follows its edges.
 */
final class CutTries {

    private CutTries() {
    }

    /**
     * True when an exception out of {@code ast} goes to the handlers of a try the hunk cuts: the statement lies in the
     * block of such a try, and whatever tries inside it do, the exception ends in its hidden catch or finally.
     */
    static boolean handledBelowCut(Object ast) {
        return ast instanceof Node node && cutTryAround(node) != null;
    }

    /**
     * True when every way out of the function from the statement {@code ast} passes the handlers of a try the hunk
     * cuts: the statement is in the block of such a try, or it is the statement right before one in the same block
     * ({@code Connection c = open(); try { ... }}: the idiom whose finally closes it).
     */
    static boolean leavesThroughCut(Object ast) {
        if (!(ast instanceof Node node)) {
            return false;
        }
        if (cutTryAround(node) != null) {
            return true;
        }
        Node stmt = node;
        while (stmt != null && !(stmt instanceof Statement)) {
            stmt = stmt.getParentNode().orElse(null);
        }
        if (stmt != null && stmt.getParentNode().orElse(null) instanceof BlockStmt block) {
            int at = block.getStatements().indexOf(stmt);
            return at >= 0 && at + 1 < block.getStatements().size()
                    && block.getStatement(at + 1) instanceof TryStmt t && cut(t);
        }
        return false;
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
     * True when {@code ast} lies in the block of a try-with-resources that declares or names {@code owner} as a
     * resource ({@code try (Connection c = ds.getConnection()) { Statement s = c.createStatement(); ... }}), or of a
     * try whose finally closes the owner: every way out of that block closes the owner, and with it what was taken
     * from it (set 19, DE).
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
            if (p instanceof TryStmt t && child == t.getTryBlock()) {
                java.util.Set<String> closed = closedOnExit(t);
                if (closed.contains(owner) || !closed.isEmpty() && madeFrom(t.getTryBlock(), owner, closed)) {
                    return t;
                }
            }
        }
        return null;
    }

    /**
     * The locals every way out of the try closes: its resources, and what its finally closes
     * ({@code finally { if (conn != null) conn.close(); }}, under a null check or its own try, as usual).
     */
    private static java.util.Set<String> closedOnExit(TryStmt t) {
        java.util.Set<String> closed = new java.util.HashSet<>();
        for (var r : t.getResources()) {
            if (r instanceof VariableDeclarationExpr d) {
                d.getVariables().forEach(v -> closed.add(v.getNameAsString()));
            } else if (r instanceof NameExpr n) {
                closed.add(n.getNameAsString());
            }
        }
        t.getFinallyBlock().ifPresent(fin -> fin.findAll(com.github.javaparser.ast.expr.MethodCallExpr.class)
                .forEach(m -> {
                    if (m.getNameAsString().equals("close") && m.getArguments().isEmpty()
                            && m.getScope().orElse(null) instanceof NameExpr n) {
                        closed.add(n.getNameAsString());
                    }
                }));
        return closed;
    }

    /**
     * True when {@code owner} is a local of {@code block} taken from one of {@code resources}
     * ({@code PreparedStatement ps = conn.prepareStatement(q)} in the try of {@code conn}): closing the resource
     * closes it, and with it what was taken from it in turn (its result set).
     */
    private static boolean madeFrom(BlockStmt block, String owner, java.util.Set<String> resources) {
        for (VariableDeclarator v : block.findAll(VariableDeclarator.class)) {
            if (v.getNameAsString().equals(owner) && v.getInitializer().isPresent()) {
                String from = OwnerReleases.owner(JavaExpressions.unwrap(v.getInitializer().get()));
                return from != null && resources.contains(from);
            }
        }
        return false;
    }
}
