package kb.review.analysis;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Methods that hand their caller a resource they acquired: a {@code return} of an acquiring call
 * ({@code return client.execute(request);}, {@code return ds.getConnection();}), of a local that holds one, or of
 * another such method's result. A call of such a method is an acquisition at the call site, of the same model, so the
 * caller must close what it gets like a direct acquisition. Methods of the reviewed file are found by name and arity
 * (also through {@code this.m(...)}); a static helper of another class ({@code Db.open(url)}) is found through the
 * declarations the review can see ({@link Summaries}). A method returning a field, a parameter, or something it only
 * reads returns nothing owned.
 */
final class JavaOwnedReturns {

    /** What a method returns: the model of the resource and whether its match was sure (a declared type). */
    record Owned(Model model, boolean sure) {
    }

    /** Bodies of helpers in other files, parsed once per text; bounded, since the texts come from reviewed code. */
    private static final Map<String, Optional<BlockStmt>> BODIES = new ConcurrentHashMap<>();

    private final Map<String, Owned> methods = new HashMap<>();
    /** The names of the file's methods with a body, whatever they return. */
    private final java.util.Set<String> declared = new java.util.HashSet<>();
    private final Function<Expression, Owned> acquires;

    /**
     * The methods of {@code root} that return an owned resource; {@code acquires} says what an expression acquires
     * directly (null: nothing).
     */
    JavaOwnedReturns(Node root, Function<Expression, Owned> acquires) {
        this.acquires = acquires;
        List<MethodDeclaration> declarations = JavaNodes.findAll(root, MethodDeclaration.class);
        for (MethodDeclaration m : declarations) {
            if (m.getBody().isPresent()) {
                declared.add(m.getNameAsString());
            }
        }
        // two rounds: a helper returning another helper's result (open() → connect()) in either order
        for (int round = 0; round < 2; round++) {
            for (MethodDeclaration m : declarations) {
                String key = m.getNameAsString() + "#" + m.getParameters().size();
                if (methods.containsKey(key) || m.getType().isVoidType() || m.getType().isPrimitiveType()
                        || m.getBody().isEmpty()) {
                    continue;
                }
                Owned o = returned(m.getBody().get(), m);
                if (o != null) {
                    methods.put(key, o);
                }
            }
        }
    }

    /** True when no method of the file returns an owned resource. */
    boolean isEmpty() {
        return methods.isEmpty();
    }

    /**
     * What the call hands its caller: a method of this file called without a receiver or on {@code this}, or a
     * static method of another class visible to {@code summaries}; null when it returns nothing owned.
     */
    Owned call(MethodCallExpr call, Summaries summaries) {
        Expression scope = call.getScope().orElse(null);
        if (scope == null || scope.isThisExpr()) {
            Owned own = methods.get(call.getNameAsString() + "#" + call.getArguments().size());
            return own != null || declared.contains(call.getNameAsString()) ? own : inherited(call, summaries);
        }
        String owner = scope.isNameExpr() ? Printed.of(scope) : null;
        if (owner == null || !Character.isUpperCase(owner.charAt(0))) {
            return null;
        }
        for (Summaries.Function f : summaries.declarations(owner + "." + call.getNameAsString())) {
            if (f.params().size() != call.getArguments().size() || f.variadic()) {
                continue;
            }
            BlockStmt body = body(f.body());
            Owned o = body == null ? null : returned(body, body);
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    /**
     * What an unqualified helper the file does not declare hands back (a superclass's {@code prepare(sql)}, seen in
     * the checkout or another changed file): every visible declaration of that name and arity with a body must return
     * the same owned resource, since the name alone does not tell which class's method the call reaches.
     */
    private Owned inherited(MethodCallExpr call, Summaries summaries) {
        Owned found = null;
        for (Summaries.Function f : summaries.declarations(call.getNameAsString())) {
            if (f.params().size() != call.getArguments().size() || f.variadic() || f.body() == null) {
                continue;
            }
            BlockStmt body = body(f.body());
            Owned o = body == null ? null : returned(body, body);
            if (o == null) {
                return null;
            }
            found = found == null ? o : found;
        }
        return found;
    }

    /**
     * True when the helper {@code call} reaches has a body the review can see (in the file, beside it or in the
     * checkout), by name and arity: what it returns is then judged by that body, not by the type the caller declares.
     */
    static boolean bodyInView(MethodCallExpr call, Summaries summaries, java.util.Set<String> fileMethods) {
        Expression scope = call.getScope().orElse(null);
        if ((scope == null || scope.isThisExpr()) && fileMethods.contains(call.getNameAsString())) {
            return true;
        }
        String callee = scope == null || scope.isThisExpr() ? call.getNameAsString()
                : Printed.of(scope) + "." + call.getNameAsString();
        return summaries.declarations(callee).stream().anyMatch(f -> f.body() != null
                && (f.params().size() == call.getArguments().size() || f.variadic()));
    }

    /** The names of the methods the file declares with a body. */
    java.util.Set<String> declared() {
        return declared;
    }

    private static BlockStmt body(String text) {
        if (BODIES.size() > 2_000) {
            BODIES.clear();
        }
        return BODIES.computeIfAbsent(text, t -> {
            ParseResult<BlockStmt> r = new JavaParser(new ParserConfiguration()
                    .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW).setAttributeComments(false))
                    .parseBlock(t);
            return r.isSuccessful() ? r.getResult() : Optional.empty();
        }).orElse(null);
    }

    /** The owned resource some {@code return} of {@code body} hands back, or null. */
    private Owned returned(BlockStmt body, Node owner) {
        for (ReturnStmt r : JavaNodes.findAll(body, ReturnStmt.class)) {
            if (r.getExpression().isEmpty() || !ownReturn(r, owner)) {
                continue;
            }
            Owned o = value(r.getExpression().get(), body, 0);
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    /** True when the return belongs to the method itself, not to a lambda or an anonymous class inside it. */
    private static boolean ownReturn(ReturnStmt r, Node owner) {
        for (Node p = r.getParentNode().orElse(null); p != null && p != owner; p = p.getParentNode().orElse(null)) {
            if (p instanceof LambdaExpr || p instanceof BodyDeclaration<?>) {
                return false;
            }
        }
        return true;
    }

    private Owned value(Expression e, BlockStmt body, int depth) {
        e = JavaExpressions.unwrap(e);
        if (e instanceof ConditionalExpr c) {
            Owned o = value(c.getThenExpr(), body, depth);
            return o != null ? o : value(c.getElseExpr(), body, depth);
        }
        if (e instanceof MethodCallExpr || e instanceof ObjectCreationExpr) {
            Owned o = acquires.apply(e);
            if (o == null && e instanceof MethodCallExpr call
                    && call.getScope().filter(s -> !s.isThisExpr()).isEmpty()) {
                o = methods.get(call.getNameAsString() + "#" + call.getArguments().size());
            }
            return o;
        }
        if (!e.isNameExpr() || depth > 0) {
            return null;
        }
        // a local assigned an acquisition in this body and returned; a name the body does not declare (nor its
        // method's parameters) is a field: a lazy getter that keeps what it opened in one (conn = ds.getConnection();
        // return conn;) lends the object's resource, which the object closes, and its callers own nothing
        String name = e.toString();
        boolean local = JavaNodes.findAll(body, VariableDeclarator.class).stream()
                .anyMatch(v -> v.getNameAsString().equals(name))
                || body.getParentNode().filter(p -> p instanceof com.github.javaparser.ast.body.CallableDeclaration<?> c
                && c.getParameterByName(name).isPresent()).isPresent();
        if (!local || keptInField(name, body)) {
            return null;
        }
        for (VariableDeclarator v : JavaNodes.findAll(body, VariableDeclarator.class)) {
            if (v.getNameAsString().equals(name) && v.getInitializer().isPresent()) {
                Owned o = value(v.getInitializer().get(), body, depth + 1);
                if (o != null) {
                    return o;
                }
            }
        }
        for (AssignExpr a : JavaNodes.findAll(body, AssignExpr.class)) {
            if (a.getTarget().isNameExpr() && a.getTarget().toString().equals(name)) {
                Owned o = value(a.getValue(), body, depth + 1);
                if (o != null) {
                    return o;
                }
            }
        }
        return null;
    }

    /**
     * True when the body also stores local {@code name} in a field ({@code this.session = session}): a caching getter
     * that opens a new value only when the cached one is gone lends the object's resource, as a getter returning the
     * field does, and the object's close ends it.
     */
    private static boolean keptInField(String name, BlockStmt body) {
        for (AssignExpr a : JavaNodes.findAll(body, AssignExpr.class)) {
            if (a.getValue().isNameExpr() && a.getValue().toString().equals(name)
                    && a.getTarget() instanceof FieldAccessExpr f && f.getScope().isThisExpr()) {
                return true;
            }
        }
        return false;
    }
}
