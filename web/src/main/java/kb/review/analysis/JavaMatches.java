package kb.review.analysis;

import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which acquire entry of the models a Java expression matches: a constructor by type and arguments, a call by its
 * printed callee, arguments and receiver. A receiver whose declared type the file gives is matched by type (sure);
 * one without is matched by its name (not sure). One instance per parsed file: each expression is printed once.
 */
final class JavaMatches {

    private final List<Model> models;
    private final Map<String, String> types;
    // printing a call's scope and arguments is the costly part of matching; every model entry, the prefilter and
    // each enclosing lambda ask for the same expressions again, so each is printed once per file
    private final Map<Expression, String> printed = new IdentityHashMap<>();
    /** The argument list as {@code NodeList.toString} prints it ({@code [a, b]}), kept under the call. */
    private final Map<Expression, String> printedArguments = new IdentityHashMap<>();

    JavaMatches(com.github.javaparser.ast.Node root, List<Model> models, CheckoutTypes checkout) {
        this.models = models;
        this.types = types(root, checkout);
    }

    /** Declared types of the file's names (see {@link #types(com.github.javaparser.ast.Node, CheckoutTypes)}). */
    Map<String, String> types() {
        return types;
    }

    /**
     * Declared types by name. A {@code var} local takes the type its initialiser names ({@code new T(...)},
     * {@code (T) e}), or the return type the symbol solver finds for the method that initialises it
     * ({@link JavaTypeHints}); otherwise its type stays unknown, so models fall back to the receiver's name (low confidence)
     * rather than failing to match a type written as {@code var} (which, parsed without a language level, is a class
     * type named {@code var}).
     */
    private static Map<String, String> types(com.github.javaparser.ast.Node root, CheckoutTypes checkout) {
        Map<String, String> out = new HashMap<>();
        JavaTypeHints hints = new JavaTypeHints(checkout);
        List<Parameter> parameters = JavaNodes.findAll(root, Parameter.class);
        parameters.forEach(p -> hints.declare(p.getNameAsString(), p.getType()));
        for (VariableDeclarator v : JavaNodes.findAll(root, VariableDeclarator.class)) {
            if (!v.getType().isVarType() && !v.getType().asString().equals("var")) {
                out.put(v.getNameAsString(), v.getType().asString());
                hints.declare(v.getNameAsString(), v.getType());
                continue;
            }
            Expression init = v.getInitializer().orElse(null);
            String solved = init == null ? null : hints.varType(v.getNameAsString(), init);
            if (init instanceof ObjectCreationExpr oc) {
                out.put(v.getNameAsString(), oc.getType().asString());
            } else if (init instanceof CastExpr c) {
                out.put(v.getNameAsString(), c.getType().asString());
            } else if (solved != null) {
                out.put(v.getNameAsString(), solved);
            } else {
                out.remove(v.getNameAsString());
            }
        }
        for (Parameter p : parameters) {
            out.put(p.getNameAsString(), p.getType().asString());
        }
        HttpConnectionNames.infer(root, out);
        return out;
    }

    /** True when {@code e} matches some acquire entry of the models. */
    boolean anyMatch(Expression e) {
        for (Model m : models) {
            for (Model.Acquire q : m.acquires()) {
                if (matches(q, e) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True (sure), false (by name) or null (no match) for expression {@code e} against one acquire entry. */
    Boolean matches(Model.Acquire q, Expression e) {
        if (e instanceof ObjectCreationExpr oc) {
            if (q.newType() == null || !Finds.whole(q.newType(), oc.getType().getNameAsString())) {
                return null;
            }
            if ((q.args() != null || q.argType() != null) && StreamOwners.ownedByTryResource(oc)) {
                return null; // the socket or connection closed by the enclosing try releases what this wraps
            }
            boolean any = q.args() == null && q.argType() == null;
            boolean wraps = q.args() != null && q.args().matcher(arguments(oc, oc.getArguments())).find()
                    || q.wraps() && WrappedAcquisitions.wrapsAcquiredLocal(this, oc, oc.getArguments());
            if (wraps && !wrapsAcquired(oc)) {
                return null; // a wrapper over a stream its owner keeps (a socket's, a servlet request's)
            }
            return any || wraps
                    || q.argType() != null && oc.getArguments().isNonEmpty() && oc.getArgument(0).isNameExpr()
                    && types.containsKey(oc.getArgument(0).toString())
                    && q.argType().matcher(types.get(oc.getArgument(0).toString())).find() ? Boolean.TRUE : null;
        }
        if (e instanceof CastExpr c) {
            return castOfParameter(q, c) ? Boolean.TRUE : null;
        }
        if (!(e instanceof MethodCallExpr call) || q.call() == null) {
            return null;
        }
        String scope = call.getScope().map(this::print).orElse("");
        String callee = scope.isEmpty() ? call.getNameAsString() : scope + "." + call.getNameAsString();
        if (!Finds.in(q.call(), callee)
                || q.args() != null && !q.args().matcher(arguments(call, call.getArguments())).find()
                && !(q.wraps() && WrappedAcquisitions.wrapsAcquiredLocal(this, call, call.getArguments()))
                || StreamOwners.ownedByTryResource(call)) {
            return null;
        }
        if (q.receiver() == null && q.receiverType() == null) {
            return Boolean.TRUE;
        }
        String last = Summaries.simpleName(scope);
        return q.receiverMatch(last, types.get(last));
    }

    /**
     * True when {@code c} casts a parameter of the method around it, named as {@code q.inMethod()} says, to a type
     * {@code q.cast()} names ({@code (ByteBuf) msg} in {@code channelRead}), and the method hands that parameter
     * to no call as it is ({@code ReferenceCountUtil.release(msg)}, {@code ctx.fireChannelRead(msg)},
     * {@code super.channelRead(ctx, msg)}): such a call releases or passes on the message under its other name,
     * which the pass, following the cast local, would not see.
     */
    private static boolean castOfParameter(Model.Acquire q, CastExpr c) {
        if (q.cast() == null || q.inMethod() == null
                || !q.cast().matcher(c.getType().asString().replaceAll("<.*", "")).find()) {
            return false;
        }
        Expression inner = c.getExpression();
        while (inner instanceof com.github.javaparser.ast.expr.EnclosedExpr en) {
            inner = en.getInner();
        }
        if (!(inner instanceof com.github.javaparser.ast.expr.NameExpr name)) {
            return false;
        }
        var method = c.findAncestor(com.github.javaparser.ast.body.MethodDeclaration.class).orElse(null);
        if (method == null || !q.inMethod().matcher(method.getNameAsString()).find()
                || method.getParameters().stream().noneMatch(p -> p.getNameAsString().equals(name.getNameAsString()))) {
            return false;
        }
        String p = name.getNameAsString();
        return JavaNodes.findAll(method, MethodCallExpr.class).stream().noneMatch(call -> call.getArguments().stream()
                .anyMatch(a -> a.isNameExpr() && a.asNameExpr().getNameAsString().equals(p)));
    }

    String print(Expression e) {
        return printed.computeIfAbsent(e, Printed::of);
    }

    private String arguments(Expression call, com.github.javaparser.ast.NodeList<Expression> args) {
        return printedArguments.computeIfAbsent(call, c -> args.toString());
    }

    /**
     * False when the innermost wrapped value is a stream taken from an object by a call that is not itself an
     * acquisition ({@code new DataInputStream(socket.getInputStream())}, a servlet request's stream): the owner's
     * close ends it, so the wrapper holds nothing of its own. True otherwise.
     */
    private boolean wrapsAcquired(ObjectCreationExpr oc) {
        Expression e = oc;
        while (e instanceof ObjectCreationExpr w && w.getArguments().isNonEmpty()) {
            e = w.getArgument(0);
        }
        return !(e instanceof MethodCallExpr call && call.getScope().isPresent()
                && call.getNameAsString().matches("get(Input|Output|Error)Stream")) || anyMatch(e);
    }
}
