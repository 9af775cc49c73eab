package kb.review.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import kb.review.analysis.Lifecycle.Acquisition;

/**
 * A thread-local filled lazily, once per thread: the value read with {@code get()} is tested for null and, when
 * absent, built and {@code set} ({@code T t = local.get(); if (t == null) { t = new T(model); local.set(t); }
 * return t;}). That is {@code ThreadLocal.withInitial} written by hand: a per-thread instance of something that is
 * not thread-safe (a parser, a tagger, a formatter), built from shared state and reused by every later call on that
 * thread. It is built once per thread, so it holds nothing of one request: a {@code finally} remove would only throw
 * the cache away (noise34, session 34: opennlp's ThreadSafe*ME wrappers; the class of set 22's letter NP).
 */
final class PerThreadCaches {

    private PerThreadCaches() {
    }

    /** True when the thread-local set at {@code a} is guarded by a null test of the same thread-local's value. */
    static boolean lazilyFilled(Acquisition a) {
        if (!(a.at().ast instanceof Node at)) {
            return false;
        }
        MethodCallExpr set = at instanceof MethodCallExpr m ? m : at.findFirst(MethodCallExpr.class).orElse(null);
        if (set == null || !set.getNameAsString().equals("set") || set.getArguments().size() != 1
                || set.getScope().isEmpty()) {
            return false;
        }
        String local = set.getScope().get().toString();
        Expression value = set.getArgument(0);
        for (Node p = at.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?> || p instanceof LambdaExpr) {
                return false;
            }
            if (p instanceof IfStmt i && i.getThenStmt().isAncestorOf(at)
                    && nullTest(i.getCondition(), local, value, p)) {
                Expression fill = filling(i.getThenStmt(), value);
                return fill != null && !fromCaller(fill, p);
            }
        }
        return false;
    }

    /**
     * True when {@code cond} is {@code x == null} (either side) for {@code x} the thread-local's own {@code get()} or
     * the name the set stores, which the method read from that {@code get()}.
     */
    private static boolean nullTest(Expression cond, String local, Expression value, Node within) {
        while (cond instanceof com.github.javaparser.ast.expr.EnclosedExpr e) {
            cond = e.getInner();
        }
        if (!(cond instanceof BinaryExpr b) || b.getOperator() != BinaryExpr.Operator.EQUALS) {
            return false;
        }
        Expression tested = b.getRight().isNullLiteralExpr() ? b.getLeft()
                : b.getLeft().isNullLiteralExpr() ? b.getRight() : null;
        if (tested == null) {
            return false;
        }
        if (isGet(tested, local)) {
            return true;
        }
        if (!(tested instanceof NameExpr n) || !(value instanceof NameExpr v)
                || !n.getNameAsString().equals(v.getNameAsString())) {
            return false;
        }
        Node callable = within.findAncestor(CallableDeclaration.class).map(c -> (Node) c)
                .or(() -> within.findAncestor(LambdaExpr.class)).orElse(null);
        if (callable == null) {
            return false;
        }
        String name = n.getNameAsString();
        for (VariableDeclarator d : callable.findAll(VariableDeclarator.class)) {
            if (d.getNameAsString().equals(name) && d.getInitializer().filter(x -> isGet(x, local)).isPresent()) {
                return true;
            }
        }
        for (AssignExpr x : callable.findAll(AssignExpr.class)) {
            if (x.getTarget().toString().equals(name) && isGet(x.getValue(), local)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What builds the value the set stores: the set's own argument when it is a creation or a call, or the value the
     * tested local is given inside the guarded block ({@code t = new T(model)}); null for anything else (a value that
     * was there before the test, such as the request's tenant read above it, is no per-thread instance).
     */
    private static Expression filling(Node then, Expression value) {
        if (value.isObjectCreationExpr() || value.isMethodCallExpr()) {
            return value;
        }
        if (!(value instanceof NameExpr v)) {
            return null;
        }
        for (AssignExpr x : then.findAll(AssignExpr.class)) {
            if (x.getTarget().toString().equals(v.getNameAsString())
                    && (x.getValue().isObjectCreationExpr() || x.getValue().isMethodCallExpr())) {
                return x.getValue();
            }
        }
        return null;
    }

    /**
     * True when the building expression names a parameter or a local of its method: the value is then the caller's
     * or the request's, not a per-thread instance built from the object's own state (fields, constants).
     */
    private static boolean fromCaller(Expression fill, Node within) {
        CallableDeclaration<?> method = within.findAncestor(CallableDeclaration.class).orElse(null);
        if (method == null) {
            return false;
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (com.github.javaparser.ast.body.Parameter x : method.getParameters()) {
            names.add(x.getNameAsString());
        }
        for (VariableDeclarator d : method.findAll(VariableDeclarator.class)) {
            names.add(d.getNameAsString());
        }
        return fill.findAll(NameExpr.class).stream().anyMatch(n -> names.contains(n.getNameAsString()));
    }

    private static boolean isGet(Expression e, String local) {
        while (e instanceof com.github.javaparser.ast.expr.CastExpr c) {
            e = c.getExpression();
        }
        return e instanceof MethodCallExpr m && m.getNameAsString().equals("get") && m.getArguments().isEmpty()
                && m.getScope().map(Object::toString).orElse("").equals(local);
    }
}
