package kb.review.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.List;
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

    private SightedLeaks() {
    }

    /** True when the diff shows everything the leak's path needs; false for leaks that fall off the hunk. */
    static boolean complete(SourceFile file, Lifecycle.Leak leak) {
        Lifecycle.Acquisition a = leak.acquisition();
        if (leak.atEnd() || leak.unseen() != null || !(a.at().ast instanceof Node at) || at.getBegin().isEmpty()) {
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
