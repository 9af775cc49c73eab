package kb.review.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A Java resource handed to the call whose result the method returns, when that result is a resource itself: the
 * method is declared to return an {@code AutoCloseable} type ({@code ResultSet getTables(...)} returning
 * {@code ProxyFactory.getProxyResultSet(conn, st, rs)}). What the call builds from the value is the caller's to
 * close, and closing it closes what it wraps, as {@code return new BufferedReader(new FileReader(f))} does with a
 * constructor. A method declared to return something else ({@code String read(...)} returning {@code parse(in)}) only
 * used the value, which stays its own to close: the rule asks the declaration, never the callee's name.
 */
final class WrappedReturns {

    private final JavaTypeHints hints;
    private final Map<MethodDeclaration, Boolean> returnsResource = new IdentityHashMap<>();

    WrappedReturns(CheckoutTypes types) {
        this.hints = new JavaTypeHints(types);
    }

    /**
     * True when {@code value} is an argument (at any depth of calls and constructors) of the expression a
     * {@code return} hands back, and the method is declared to return a resource. A value returned bare, or used as
     * a receiver ({@code return rs.getString(1)}), is not wrapped.
     */
    private boolean handedOver(Expression value, String valueType) {
        Node at = value;
        boolean wrapped = false;
        while (true) {
            Node parent = at.getParentNode().orElse(null);
            if (parent instanceof MethodCallExpr call && isArgument(call.getArguments(), at)
                    || parent instanceof ObjectCreationExpr oc && isArgument(oc.getArguments(), at)) {
                wrapped = true;
            } else if (!(parent instanceof CastExpr || parent instanceof EnclosedExpr)) {
                return wrapped && parent instanceof ReturnStmt r && returnsResource(r, valueType);
            }
            at = parent;
        }
    }

    /**
     * True when the variable {@code name}, declared with {@code type} (null: not known), is wrapped so by the return
     * statement {@code r}. A method declared to return the variable's own type returns a resource of that type even
     * where the hunk shows no import to resolve it by: the wrapper stands in for the value (a decorator).
     */
    boolean handedOver(ReturnStmt r, String name, String type) {
        return r.getExpression().isPresent() && JavaNodes.findAll(r.getExpression().get(), NameExpr.class).stream()
                .anyMatch(n -> n.getNameAsString().equals(name) && handedOver(n, type));
    }

    /**
     * True when the method holding acquisition {@code a} is such a factory: declared to return a resource, with a
     * {@code return} of its own that wraps the acquired variable. It is judged on its normal paths only (an early
     * return or an explicit throw that skips the close still leaks): an exception while the wrapper is being built
     * is the factory's failure, which the caller sees instead of a resource, as in the JDK's own factories
     * ({@code new BufferedReader(new InputStreamReader(Files.newInputStream(p)))} closes nothing if the reader's
     * constructor throws).
     */
    boolean factoryOf(Lifecycle.Acquisition a, String type) {
        if (!a.model().kind().equals("resource") || !(a.at().ast instanceof Node at)) {
            return false;
        }
        Node owner = at.findAncestor(n -> n instanceof LambdaExpr || n instanceof CallableDeclaration<?>, Node.class)
                .orElse(null);
        if (!(owner instanceof MethodDeclaration md) || md.getBody().isEmpty()) {
            return false;
        }
        return factories.computeIfAbsent(md, m -> new java.util.HashMap<>()).computeIfAbsent(a.var(),
                v -> JavaNodes.findAll(md.getBody().get(), ReturnStmt.class).stream()
                        .filter(r -> r.findAncestor(n -> n instanceof LambdaExpr || n instanceof CallableDeclaration<?>,
                                Node.class).orElse(null) == md)
                        .anyMatch(r -> handedOver(r, v, type)));
    }

    private final Map<MethodDeclaration, Map<String, Boolean>> factories = new IdentityHashMap<>();

    private static boolean isArgument(com.github.javaparser.ast.NodeList<Expression> args, Node at) {
        return args.stream().anyMatch(x -> x == at);
    }

    /** True when the method the return belongs to (not a lambda: its type is not written) returns a resource. */
    private boolean returnsResource(ReturnStmt r, String valueType) {
        Node owner = r.findAncestor(n -> n instanceof LambdaExpr || n instanceof MethodDeclaration, Node.class)
                .orElse(null);
        return owner instanceof MethodDeclaration md && (valueType != null
                && simple(md.getType().asString()).equals(simple(valueType))
                || returnsResource.computeIfAbsent(md, m -> hints.closeable(m.getType())));
    }

    private static String simple(String type) {
        return Summaries.simpleName(type.replaceAll("<.*", "").strip());
    }
}
