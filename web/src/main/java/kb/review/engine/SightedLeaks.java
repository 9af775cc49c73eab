package kb.review.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import kb.review.analysis.Lifecycle;
import kb.review.diff.SourceFile;

/**
 * A Java leak in a method the diff shows only in part whose evidence is complete all the same: what the hunk leaves
 * out cannot close the value. Two shapes: a value no name ever held (opened and used up in one expression, or dropped
 * by a call statement), and a local declared by the acquisition whose path to the exit it leaks by (a return, a
 * throw, a call that throws) is shown line by line, with no try opened on the way whose end the diff does not show.
 * The local's scope is the block of its declaration: a catch or finally of a try around that block cannot name it,
 * and an unseen line below the exit is never reached on that path. Such a finding is as sure as one in a whole
 * method; the rest of a partial method's leaks stay low (the unseen part may hold a finally that closes them).
 */
final class SightedLeaks {

    /**
     * Values their owner releases with itself (a JDBC statement with its connection, a result set with its statement,
     * a zip entry's stream with its archive): an owner's close in a finally the diff does not show releases them too,
     * so what is unseen can still end them (precision sets 17 to 19, class DE).
     */
    private static final Set<String> LEFT_TO_OWNER = Set.of("jdbc-statement", "jdbc-result-set", "zip-entry-stream");

    private SightedLeaks() {
    }

    /** A local's declared type that holds a resource of its own. */
    private static final Pattern OWNER_TYPE = Pattern.compile("(Stream|Reader|Writer|Channel|Connection|Statement"
            + "|Socket|Session|Context|Client|ResultSet|ZipFile|JarFile)(<.*>)?$");

    /**
     * True when the declared value is opened from a local of the same method that holds a resource itself (a call on
     * it, or a constructor wrapping it, {@code new LdifReader(in)}): that local's own close, which the unseen part may
     * hold, may end this value as well (set 19's W, a reader over a stream closed by its try-with-resources).
     */
    private static boolean derived(Node at, String var) {
        VariableDeclarator declared = at.findFirst(VariableDeclarator.class, d -> d.getNameAsString().equals(var))
                .orElse(null);
        Expression e = declared == null ? null : declared.getInitializer().orElse(null);
        while (e instanceof ObjectCreationExpr oc && oc.getArguments().isNonEmpty()
                || e instanceof MethodCallExpr call && call.getScope().isPresent()) {
            e = e instanceof ObjectCreationExpr oc ? oc.getArgument(0) : ((MethodCallExpr) e).getScope().get();
        }
        if (!(e instanceof NameExpr name)) {
            return false;
        }
        Node callable = at.findAncestor(Node.class, p -> p instanceof CallableDeclaration<?> || p instanceof LambdaExpr)
                .orElse(at.findRootNode());
        return callable.findAll(VariableDeclarator.class).stream().anyMatch(d -> d.getNameAsString()
                .equals(name.getNameAsString()) && OWNER_TYPE.matcher(d.getTypeAsString()).find());
    }

    /** True when the diff shows everything the leak's path needs; false for leaks that fall off the hunk. */
    static boolean complete(SourceFile file, Lifecycle.Leak leak) {
        Lifecycle.Acquisition a = leak.acquisition();
        if (leak.atEnd() || leak.unseen() != null || !(a.at().ast instanceof Node at) || at.getBegin().isEmpty()) {
            return false;
        }
        if (LEFT_TO_OWNER.contains(a.model().id()) || !leak.unnamed() && derived(at, a.var())) {
            return false;
        }
        Statement stmt = at instanceof Statement s ? s : at.findAncestor(Statement.class).orElse(null);
        if (stmt == null || stmt.getBegin().isEmpty() || stmt.getEnd().isEmpty()) {
            return false;
        }
        // JavaParser counts the lines of the piece it parsed; the acquisition's node carries the file's line
        int shift = a.at().line - at.getBegin().get().line;
        if (leak.unnamed()) {
            return file.allKnown(stmt.getBegin().get().line + shift, stmt.getEnd().get().line + shift);
        }
        if (!(stmt instanceof ExpressionStmt es) || !(es.getExpression() instanceof VariableDeclarationExpr vd)
                || vd.getVariables().stream().map(VariableDeclarator::getNameAsString).noneMatch(a.var()::equals)) {
            return false; // an assignment to a local declared elsewhere: a finally out of sight may close it
        }
        Node scope = stmt.getParentNode().orElse(null);
        List<Lifecycle.Step> steps = leak.steps();
        int exit = steps.isEmpty() ? 0 : steps.get(steps.size() - 1).line();
        if (scope == null || exit < a.at().line || !file.allKnown(a.at().line, exit)) {
            return false;
        }
        List<Statement> atExit = scope.findAll(Statement.class, s -> s.getBegin().isPresent()
                && s.getBegin().get().line + shift == exit);
        if (atExit.isEmpty()) {
            return false;
        }
        for (Statement s : atExit) {
            for (Node p = s; p != null && p != scope; p = p.getParentNode().orElse(null)) {
                if (p instanceof TryStmt t && !(t.getEnd().isPresent()
                        && file.allKnown(t.getBegin().get().line + shift, t.getEnd().get().line + shift))) {
                    return false; // its catch or finally, below the hunk, may close the value
                }
            }
        }
        return true;
    }
}
