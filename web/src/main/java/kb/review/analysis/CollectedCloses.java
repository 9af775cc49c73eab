package kb.review.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.List;
import java.util.Set;
import kb.review.analysis.Lifecycle.Acquisition;

/**
 * RES-03's Java shape, told apart from RES-01's: a resource opened in a loop, added to a local collection, and closed
 * only by a loop over that collection after the batch ({@code open.add(zip)} in the loop, {@code for (ZipFile z :
 * open) z.close();} in the {@code finally}). The checklist files exactly this under RES-03 ("Java code does the same
 * thing when it collects resources in a list 'to close at the end'"): every resource of the batch stays open until the
 * batch ends, which the lifecycle pass sees as a value that goes round its loop unclosed. A collection used after the
 * loop for anything but that close (read in a k-way merge, returned, handed on) keeps its resources on purpose and is
 * not this.
 */
public final class CollectedCloses {

    private static final Set<String> ADDS = Set.of("add", "addLast", "addFirst", "offer", "push");
    private static final Set<String> QUIET = Set.of("closeQuietly", "closeSilently", "close");

    private CollectedCloses() {
    }

    /**
     * The leak to report for a value collected this way when the path search found none (the add looked like a
     * hand-over): from the acquisition to the add; null when the value is not collected for a close after its loop.
     */
    static Lifecycle.Leak leak(Acquisition a) {
        MethodCallExpr add = collectingAdd(a);
        if (add == null) {
            return null;
        }
        int line = add.getBegin().map(p -> p.line).orElse(a.at().line);
        String into = add.getScope().map(Object::toString).orElse("");
        return new Lifecycle.Leak(a, List.of(new Lifecycle.Step(a.at().line, "`" + a.var() + "` is acquired here"),
                new Lifecycle.Step(line, "is added to `" + into + "`, which is closed only after the loop")),
                "is kept open until the loop ends: added to `" + into + "` and closed after the batch");
    }

    /** True when the acquired value is added, in its loop, to a local collection that is only closed after it. */
    public static boolean closedAfterLoop(Acquisition a) {
        return collectingAdd(a) != null;
    }

    private static MethodCallExpr collectingAdd(Acquisition a) {
        if (!(a.at().ast instanceof Node at)) {
            return null;
        }
        Node loop = at.findAncestor(Node.class, p -> p instanceof ForEachStmt || p instanceof ForStmt
                || p instanceof WhileStmt || p instanceof DoStmt || p instanceof LambdaExpr
                || p instanceof CallableDeclaration<?>).orElse(null);
        if (loop == null || loop instanceof LambdaExpr || loop instanceof CallableDeclaration<?>) {
            return null;
        }
        Node callable = loop.findAncestor(Node.class, p -> p instanceof LambdaExpr
                || p instanceof CallableDeclaration<?>).orElse(null);
        if (callable == null) {
            return null;
        }
        for (MethodCallExpr add : loop.findAll(MethodCallExpr.class)) {
            if (ADDS.contains(add.getNameAsString()) && add.getArguments().size() == 1
                    && add.getArgument(0) instanceof NameExpr arg && arg.getNameAsString().equals(a.var())
                    && add.getScope().filter(Expression::isNameExpr).isPresent()
                    && onlyClosedAfter(add.getScope().get().asNameExpr().getNameAsString(), loop, callable)) {
                return add;
            }
        }
        return null;
    }

    /**
     * True when {@code collection} is a local of {@code callable} declared outside {@code loop}, and every other
     * mention of it is an add inside the loop or a close of each element after it (a for-each whose body closes its
     * variable, or {@code forEach(T::close)}), with at least one such close.
     */
    private static boolean onlyClosedAfter(String collection, Node loop, Node callable) {
        boolean declared = callable.findAll(VariableDeclarator.class).stream()
                .anyMatch(d -> d.getNameAsString().equals(collection) && !loop.isAncestorOf(d));
        if (!declared) {
            return false;
        }
        boolean closed = false;
        for (NameExpr use : callable.findAll(NameExpr.class, n -> n.getNameAsString().equals(collection))) {
            Node parent = use.getParentNode().orElse(null);
            if (loop.isAncestorOf(use)) {
                if (!(parent instanceof MethodCallExpr call && call.getScope().filter(use::equals).isPresent()
                        && ADDS.contains(call.getNameAsString()))) {
                    return false;
                }
            } else if (parent instanceof ForEachStmt each && each.getIterable() == use) {
                String element = each.getVariable().getVariable(0).getNameAsString();
                if (!closes(each.getBody(), element)) {
                    return false;
                }
                closed = true;
            } else if (parent instanceof MethodCallExpr call && call.getScope().filter(s -> s == use).isPresent()
                    && call.getNameAsString().equals("forEach") && call.getArguments().size() == 1
                    && closesEach(call.getArgument(0))) {
                closed = true;
            } else {
                return false;
            }
        }
        return closed;
    }

    /** A close of {@code element} in {@code body}: {@code element.close()} or a quiet-close helper given it. */
    private static boolean closes(Node body, String element) {
        return body.findAll(MethodCallExpr.class).stream().anyMatch(c ->
                c.getNameAsString().equals("close") && c.getArguments().isEmpty()
                        && c.getScope().filter(s -> s.isNameExpr() && s.asNameExpr().getNameAsString().equals(element))
                        .isPresent()
                        || QUIET.contains(c.getNameAsString()) && c.getArguments().size() == 1
                        && c.getArgument(0).isNameExpr()
                        && c.getArgument(0).asNameExpr().getNameAsString().equals(element));
    }

    /** {@code T::close}, or a lambda whose body closes its parameter. */
    private static boolean closesEach(Expression action) {
        if (action instanceof MethodReferenceExpr ref) {
            return ref.getIdentifier().equals("close") || QUIET.contains(ref.getIdentifier());
        }
        if (action instanceof LambdaExpr lambda && lambda.getParameters().size() == 1) {
            return closes(lambda.getBody(), lambda.getParameter(0).getNameAsString());
        }
        return false;
    }
}
