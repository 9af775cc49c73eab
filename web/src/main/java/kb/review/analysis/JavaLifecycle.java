package kb.review.analysis;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kb.review.analysis.Cfg.Edge;
import kb.review.analysis.Cfg.Kind;
import kb.review.analysis.Cfg.Node;
import kb.review.analysis.Lifecycle.Acquisition;
import kb.review.analysis.Lifecycle.Effect;

/**
 * The resource-lifecycle pass for Java: acquisitions the models describe (constructors, factory calls, and calls
 * that start a duty on their receiver such as {@code setAutoCommit(false)} or {@code ThreadLocal.set}) in each
 * method, constructor and lambda, checked on every path including the exception edges. Declared types of fields,
 * parameters and locals in the parsed code decide receiver types; without one, the model's name pattern decides
 * and the finding is low confidence. Try-with-resources declarations are never acquisitions.
 */
public final class JavaLifecycle implements Lifecycle.Facts {

    /** The object's own close, called by a constructor that fails after storing a resource. */
    private static final java.util.regex.Pattern OWN_CLOSE = java.util.regex.Pattern.compile(
            "^(this\\.)?(close|closeQuietly|dispose|release|shutdown)\\(\\)\\s*;");

    /** Stream operations that return a stream over the same source, keeping it open. */
    private static final Set<String> PIPELINE = Set.of("filter", "map", "mapToInt",
            "mapToLong", "mapToDouble", "mapToObj", "flatMap", "distinct", "sorted", "peek", "limit", "skip",
            "takeWhile", "dropWhile", "parallel", "sequential", "unordered", "onClose", "boxed");

    private final List<Model> models;
    private final Summaries summaries;
    private final Map<String, String> types;
    private final Map<Node, List<Acquisition>> acquisitions = new HashMap<>();
    /** Acquisitions made by a call on a local ({@code in = resp.body()}), with that call's text. */
    private final Map<Acquisition, String> derivedFrom = new IdentityHashMap<>();
    /**
     * For models with release templates naming the owner ({@code {r}.close()}), the pattern of those releases for the
     * local the acquiring call was made on: closing a JDBC connection closes the statements made from it.
     */
    private final Map<Acquisition, java.util.regex.Pattern> ownerReleases = new IdentityHashMap<>();
    private final Map<Acquisition, String> owners = new IdentityHashMap<>();
    // printing a call's scope and arguments is the costly part of matching; every model entry, the prefilter and
    // each enclosing lambda ask for the same expressions again, so each is printed once per file
    private final Map<Expression, String> printed = new IdentityHashMap<>();
    /**
     * Acquisitions a constructor stores in a field of the object it builds: the object owns them once the constructor
     * returns, so only an exception out of the constructor (with no catch closing them) leaks them.
     */
    private final Set<Acquisition> kept = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** The methods whose callers own what they return (a resource they acquired). */
    private JavaOwnedReturns owned;

    private JavaLifecycle(List<Model> models, Summaries summaries, Map<String, String> types) {
        this.models = models;
        this.summaries = summaries;
        this.types = types;
    }

    /** Every leak of the given models in the callables under {@code root}. */
    public static List<Lifecycle.Found> run(com.github.javaparser.ast.Node root, List<Model> models,
                                                Summaries summaries) {
        List<Lifecycle.Found> out = new ArrayList<>();
        if (models.isEmpty()) {
            return out;
        }
        Map<String, String> types = types(root, summaries.types());
        JavaTypeHints hints = new JavaTypeHints(summaries.types());
        // a helper's class is looked up (on demand) by the name the solver gives its simple name in this file
        JavaLifecycle facts = new JavaLifecycle(models, summaries.typed(types, t -> hints.qualify(t, root)), types);
        facts.owned = new JavaOwnedReturns(root, facts::directly);
        List<Cfg> graphs = new ArrayList<>();
        for (CallableDeclaration<?> c : root.findAll(CallableDeclaration.class)) {
            // most methods acquire nothing the models know: skip building their graphs
            Cfg g = facts.mayAcquire(c) ? JavaCfg.build(c, summaries::neverThrows) : null;
            if (g != null) {
                graphs.add(g);
            }
        }
        for (LambdaExpr l : root.findAll(LambdaExpr.class)) {
            if (facts.mayAcquire(l)) {
                graphs.add(JavaCfg.build(l, summaries::neverThrows));
            }
        }
        for (Cfg cfg : graphs) {
            Map<String, Acquisition> leaking = new HashMap<>();
            List<Lifecycle.Found> derived = new ArrayList<>();
            for (Node n : cfg.nodes()) {
                for (Acquisition a : facts.acquire(n)) {
                    if (a.model().kind().equals("thread-local") && ThreadStates.releasedElsewhere(root, a)) {
                        continue;
                    }
                    Lifecycle.Leak leak = Lifecycle.check(cfg, a, facts);
                    if (leak != null) {
                        (facts.derivedFrom.containsKey(a) ? derived : out).add(new Lifecycle.Found(leak, a.sure()));
                        leaking.put(a.model().show(a.var()).replace(" ", ""), a);
                    }
                }
                facts.consumed(n, out);
            }
            // the very value another acquisition's model says it holds ({@code resp.body()} of a streaming response)
            // is the same duty: when that owner already leaks, its finding covers the body, so only one is reported
            for (Lifecycle.Found f : derived) {
                if (!leaking.containsKey(facts.derivedFrom.get(f.leak().acquisition()))) {
                    out.add(f);
                }
            }
        }
        return out;
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
        List<Parameter> parameters = root.findAll(Parameter.class);
        parameters.forEach(p -> hints.declare(p.getNameAsString(), p.getType()));
        for (VariableDeclarator v : root.findAll(VariableDeclarator.class)) {
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
        return out;
    }

    /** True when some call or constructor under {@code n} matches an acquire entry of the models. */
    private boolean mayAcquire(com.github.javaparser.ast.Node n) {
        for (ObjectCreationExpr e : n.findAll(ObjectCreationExpr.class)) {
            if (anyMatch(e)) {
                return true;
            }
        }
        for (MethodCallExpr e : n.findAll(MethodCallExpr.class)) {
            if (anyMatch(e) || RepositoryStreams.in(e).acquired(e, models) != null || owned.call(e, summaries) != null
                    || ThreadStates.holderSet(e, summaries, threadLocal()) != null) {
                return true;
            }
        }
        return false;
    }

    /** The first thread-local model the rule asked for: holders' setters take its id and wording. */
    private Model threadLocal() {
        return models.stream().filter(m -> m.kind().equals("thread-local")).findFirst().orElse(null);
    }

    private boolean anyMatch(Expression e) {
        for (Model m : models) {
            for (Model.Acquire q : m.acquires()) {
                if (matches(q, e) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The acquisitions at {@code n}, found once per node: the fixpoint asks again on every pass. */
    private List<Acquisition> acquire(Node n) {
        return acquisitions.computeIfAbsent(n, this::scan);
    }

    private List<Acquisition> scan(Node n) {
        List<Acquisition> out = new ArrayList<>();
        if (n.kind == Kind.STMT && n.ast instanceof ExpressionStmt es) {
            Expression e = es.getExpression();
            if (e instanceof VariableDeclarationExpr vde) {
                for (VariableDeclarator vd : vde.getVariables()) {
                    vd.getInitializer().ifPresent(init -> match(n, unwrap(init), vd.getNameAsString(), out));
                }
            } else if (e instanceof AssignExpr as && as.getOperator() == AssignExpr.Operator.ASSIGN
                    && as.getTarget().isNameExpr() && !Locals.isField(as, as.getTarget().toString())) {
                match(n, unwrap(as.getValue()), as.getTarget().toString(), out);
            } else if (e instanceof AssignExpr as && as.getOperator() == AssignExpr.Operator.ASSIGN
                    && constructorOf(es) != null) {
                String field = field(as);
                if (field != null) {
                    int before = out.size();
                    Expression value = unwrap(as.getValue());
                    match(n, value, field, out);
                    // a stream or statement taken from an object the constructor was given or keeps (a process's
                    // stream, a statement of a field's connection) is that object's: its owner ends it
                    String owner = owner(value);
                    List<Acquisition> added = out.subList(before, out.size());
                    if (owner != null && constructorOf(es).findAll(VariableDeclarator.class).stream()
                            .noneMatch(v -> v.getNameAsString().equals(owner))) {
                        added.removeIf(a -> ownerRelease(a.model(), owner) != null);
                    }
                    kept.addAll(added);
                }
            } else if (e instanceof MethodCallExpr call) {
                match(n, call, null, out);
                Model holder = out.isEmpty() ? ThreadStates.holderSet(call, summaries, threadLocal()) : null;
                if (holder != null) {
                    out.add(new Acquisition(n, call.getScope().get().toString(), null, holder, true));
                }
            }
        }
        return out;
    }

    /** The constructor whose own body holds {@code s} (not a lambda or a nested class in it), or null. */
    private static ConstructorDeclaration constructorOf(com.github.javaparser.ast.Node s) {
        for (var p = s.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof ConstructorDeclaration c) {
                return c;
            }
            if (p instanceof LambdaExpr || p instanceof com.github.javaparser.ast.body.BodyDeclaration<?>) {
                return null;
            }
        }
        return null;
    }

    /** The field an assignment stores into ({@code this.f = ...}, or {@code f = ...} naming a field), or null. */
    private static String field(AssignExpr as) {
        Expression t = as.getTarget();
        if (t instanceof FieldAccessExpr fa && fa.getScope().isThisExpr()) {
            return fa.getNameAsString();
        }
        return t.isNameExpr() && Locals.isField(as, t.toString()) ? t.toString() : null;
    }

    private static Expression unwrap(Expression e) {
        while (e instanceof CastExpr || e instanceof EnclosedExpr) {
            e = e instanceof CastExpr c ? c.getExpression() : ((EnclosedExpr) e).getInner();
        }
        return e;
    }

    /** What {@code e} acquires itself, by the resource models' entries (not the receiver-tracking ones); or null. */
    private JavaOwnedReturns.Owned directly(Expression e) {
        for (Model m : models) {
            if (!m.kind().equals("resource")) {
                continue;
            }
            for (Model.Acquire q : m.acquires()) {
                Boolean sure = q.tracksReceiver() || q.expressionOnly() ? null : matches(q, e);
                if (sure != null) {
                    return new JavaOwnedReturns.Owned(m, sure && q.sure());
                }
            }
        }
        return null;
    }

    /** Adds the acquisition {@code e} makes, stored in {@code var} (null: the statement is the call itself). */
    private void match(Node n, Expression e, String var, List<Acquisition> out) {
        for (Model m : models) {
            for (Model.Acquire q : m.acquires()) {
                Boolean sure = q.expressionOnly() ? null : matches(q, e);
                if (sure == null) {
                    continue;
                }
                String v = q.tracksReceiver() ? ((MethodCallExpr) e).getScope().map(Object::toString).orElse(null)
                        : var;
                if (v != null) {
                    Acquisition a = new Acquisition(n, v, null, ThreadStates.bind(m, e), sure && q.sure());
                    out.add(a);
                    if (!q.tracksReceiver() && e instanceof MethodCallExpr call && call.getScope().isPresent()
                            && call.getScope().get().isNameExpr()) {
                        derivedFrom.put(a, print(call).replace(" ", ""));
                    }
                    String owner = q.tracksReceiver() ? null : owner(e);
                    java.util.regex.Pattern released = owner == null ? null : ownerRelease(m, owner);
                    if (released != null && handledItself(n, v, m)) {
                        owners.put(a, owner);
                        ownerReleases.put(a, released);
                    }
                }
                return;
            }
        }
        if (var != null && e instanceof MethodCallExpr call) {
            JavaOwnedReturns.Owned o = owned.call(call, summaries);
            if (o != null) {
                out.add(new Acquisition(n, var, null, o.model(), o.sure())); // a helper that returns what it opened
            }
        }
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

    /**
     * The local the value was taken from: the receiver of the acquiring call ({@code c} in {@code c.prepareStatement(q)}),
     * or of the call a wrapper is built around ({@code s} in {@code new DataInputStream(s.getInputStream())}); or null.
     */
    private static String owner(Expression e) {
        while (e instanceof ObjectCreationExpr oc && oc.getArguments().isNonEmpty()) {
            e = oc.getArgument(0);
        }
        if (e instanceof MethodCallExpr call && call.getScope().filter(Expression::isNameExpr).isPresent()
                && !Character.isUpperCase(call.getScope().get().toString().charAt(0))) {
            return call.getScope().get().toString(); // a variable, not a class (Files.newInputStream)
        }
        return null;
    }

    private final Map<com.github.javaparser.ast.Node, String> bodies = new IdentityHashMap<>();

    /**
     * True when the function closes {@code v} itself somewhere, or keeps it (returns it, stores it in a field): then
     * a path on which it closes the owner instead (the connection, in the catch of a failing constructor) ends the
     * value too. A function that never closes the statement and relies on the connection's close on every path is
     * still reported: that is the habit the rule is about.
     */
    private boolean handledItself(Node n, String v, Model m) {
        if (!(n.ast instanceof com.github.javaparser.ast.Node ast)) {
            return false;
        }
        com.github.javaparser.ast.Node callable = ast.findAncestor(n2 -> n2 instanceof CallableDeclaration<?>
                || n2 instanceof LambdaExpr, com.github.javaparser.ast.Node.class).orElse(null);
        if (callable == null) {
            return false;
        }
        String body = bodies.computeIfAbsent(callable, Object::toString);
        return m.releasePattern(v).matcher(body).find() || ArgumentUse.keeps(body, v);
    }

    /** The release templates of {@code m} that name the owner ({@code {r}}), as a pattern for {@code owner}; or null. */
    private static java.util.regex.Pattern ownerRelease(Model m, String owner) {
        List<String> parts = new ArrayList<>();
        for (String t : m.releases()) {
            if (t.contains("{r}")) {
                parts.add(Model.template(t.replace("{r}", "{v}"), owner));
            }
        }
        return parts.isEmpty() ? null : java.util.regex.Pattern.compile(String.join("|", parts));
    }

    /** True (sure), false (by name) or null (no match) for expression {@code e} against one acquire entry. */
    private Boolean matches(Model.Acquire q, Expression e) {
        if (e instanceof ObjectCreationExpr oc) {
            if (q.newType() == null || !q.newType().matcher(oc.getType().getNameAsString()).matches()) {
                return null;
            }
            if ((q.args() != null || q.argType() != null) && StreamOwners.ownedByTryResource(oc)) {
                return null; // the socket or connection closed by the enclosing try releases what this wraps
            }
            boolean any = q.args() == null && q.argType() == null;
            boolean wraps = q.args() != null && q.args().matcher(arguments(oc, oc.getArguments())).find();
            if (wraps && !wrapsAcquired(oc)) {
                return null; // a wrapper over a stream its owner keeps (a socket's, a servlet request's)
            }
            return any || wraps
                    || q.argType() != null && oc.getArguments().isNonEmpty() && oc.getArgument(0).isNameExpr()
                    && types.containsKey(oc.getArgument(0).toString())
                    && q.argType().matcher(types.get(oc.getArgument(0).toString())).find() ? Boolean.TRUE : null;
        }
        if (!(e instanceof MethodCallExpr call) || q.call() == null) {
            return null;
        }
        String scope = call.getScope().map(this::print).orElse("");
        String callee = scope.isEmpty() ? call.getNameAsString() : scope + "." + call.getNameAsString();
        if (!q.call().matcher(callee).find()
                || q.args() != null && !q.args().matcher(arguments(call, call.getArguments())).find()
                || StreamOwners.ownedByTryResource(call)) {
            return null;
        }
        if (q.receiver() == null && q.receiverType() == null) {
            return Boolean.TRUE;
        }
        String last = Summaries.simpleName(scope);
        String type = types.get(last);
        if (q.receiverType() != null && type != null) {
            return q.receiverType().matcher(type).find() ? Boolean.TRUE : null;
        }
        if (q.receiver() != null) {
            return q.receiver().matcher(last).find() ? Boolean.FALSE : null;
        }
        return null;
    }

    private String print(Expression e) {
        return printed.computeIfAbsent(e, Object::toString);
    }

    /** The argument list as {@code NodeList.toString} prints it ({@code [a, b]}), kept under the call. */
    private final Map<Expression, String> printedArguments = new IdentityHashMap<>();

    private String arguments(Expression call, com.github.javaparser.ast.NodeList<Expression> args) {
        return printedArguments.computeIfAbsent(call, c -> args.toString());
    }

    /**
     * Resources opened and used up in one expression without a variable: the receiver of another call
     * ({@code Files.lines(p).count()}) or the argument of a method that does not release it
     * ({@code props.load(new FileInputStream(f))}). Constructors take their argument over, as wrappers do.
     */
    private void consumed(Node n, List<Lifecycle.Found> out) {
        if (!(n.ast instanceof com.github.javaparser.ast.Node ast)
                || ast.getParentNode().filter(p -> p instanceof TryStmt).isPresent()) {
            return;
        }
        List<Expression> candidates = new ArrayList<>(ast.findAll(ObjectCreationExpr.class));
        candidates.addAll(ast.findAll(MethodCallExpr.class));
        for (Expression e : candidates) {
            if (e.findAncestor(LambdaExpr.class).filter(l -> ast.isAncestorOf(l)).isPresent()) {
                continue;
            }
            // a stream pipeline keeps the source open until its terminal operation: follow it up
            Expression used = e;
            while (used.getParentNode().orElse(null) instanceof MethodCallExpr up && up.getScope().isPresent()
                    && up.getScope().get() == used && PIPELINE.contains(up.getNameAsString())) {
                used = up;
            }
            Expression chainEnd = used;
            var parent = chainEnd.getParentNode().orElse(null);
            if (chainEnd == e && parent == ast && ast instanceof ExpressionStmt
                    && !(ast.getParentNode().orElse(null) instanceof LambdaExpr)) {
                dropped(n, e, out);
                continue;
            }
            if (!(parent instanceof MethodCallExpr pc)) {
                continue;
            }
            boolean receiver = pc.getScope().filter(s -> s == chainEnd).isPresent();
            boolean argument = pc.getArguments().stream().anyMatch(x -> x == chainEnd);
            if (!receiver && !argument) {
                continue;
            }
            if (argument && StreamOwners.handedOver(pc.getNameAsString(), pc.getArguments().indexOf(chainEnd),
                    summaries, models)) {
                continue;
            }
            for (Model m : models) {
                if (!m.kind().equals("resource")) {
                    continue;
                }
                for (Model.Acquire q : RepositoryStreams.in(e).acquires(m, e, models)) {
                    // a stream taken from an owner (a socket, a process) is released with its owner
                    if (q.tracksReceiver() || q.receiver() != null || q.receiverType() != null) {
                        continue;
                    }
                    Boolean sure = q == RepositoryStreams.ACQUIRE ? Boolean.TRUE : matches(q, e);
                    if (sure == null) {
                        continue;
                    }
                    if (receiver && (m.releasePattern("X").matcher("X." + pc.getNameAsString() + "()").find()
                            || anyMatch(pc))) {
                        break; // opened and closed in one expression, or what the call returns is tracked itself
                    }
                    String what = e.toString().length() > 50 ? e.toString().substring(0, 47) + "..." : e.toString();
                    String summary = (receiver ? "uses `" + what + "` in one expression and never closes it"
                            : "passes `" + what + "` to `" + pc.getNameAsString() + "`, which does not close it")
                            + " (line " + n.line + ")";
                    Acquisition a = new Acquisition(n, what, null, m, sure && q.sure());
                    out.add(new Lifecycle.Found(new Lifecycle.Leak(a,
                            List.of(new Lifecycle.Step(n.line, summary)), summary), sure && q.sure()));
                    break;
                }
            }
        }
    }

    /**
     * A statement that is only a call returning a resource ({@code client.newCall(req).execute();},
     * {@code httpClient.execute(get);}): the caller drops what it owns without closing it. An expression lambda's body
     * is its result, not a statement, and is left alone.
     */
    private void dropped(Node n, Expression e, List<Lifecycle.Found> out) {
        for (Model m : models) {
            if (!m.kind().equals("resource")) {
                continue;
            }
            for (Model.Acquire q : RepositoryStreams.in(e).acquires(m, e, models)) {
                if (q.tracksReceiver()) {
                    continue;
                }
                Boolean sure = q == RepositoryStreams.ACQUIRE ? Boolean.TRUE : matches(q, e);
                if (sure == null) {
                    continue;
                }
                drop(n, what(e), m, sure && q.sure(), out);
                return;
            }
        }
        JavaOwnedReturns.Owned o = e instanceof MethodCallExpr call ? owned.call(call, summaries) : null;
        if (o != null) {
            drop(n, what(e), o.model(), o.sure(), out);
        }
    }

    private static String what(Expression e) {
        return e.toString().length() > 50 ? e.toString().substring(0, 47) + "..." : e.toString();
    }

    private static void drop(Node n, String what, Model m, boolean sure, List<Lifecycle.Found> out) {
        String summary = "drops what `" + what + "` returns without closing it (line " + n.line + ")";
        Acquisition a = new Acquisition(n, what, null, m, sure);
        out.add(new Lifecycle.Found(new Lifecycle.Leak(a, List.of(new Lifecycle.Step(n.line, summary)), summary),
                sure));
    }

    @Override
    public Effect effect(Node n, Acquisition a) {
        if (n != a.at()) {
            for (Acquisition other : acquire(n)) {
                if (other.var().equals(a.var()) && other.model() == a.model() && !a.model().kind().equals("transaction")
                        && !a.model().kind().equals("thread-local")) {
                    return Effect.OVERWRITE;
                }
            }
        }
        if (n.kind == Kind.ENTRY || n.kind == Kind.EXIT || n.kind == Kind.JUMP) {
            return Effect.NONE;
        }
        if (n.ast instanceof com.github.javaparser.ast.Node ast && ast.getParentNode()
                .filter(p -> p instanceof TryStmt).isPresent()) {
            if (n.text.strip().equals(a.var())) {
                return Effect.RELEASE; // try (existing) { ... } closes it
            }
            for (ObjectCreationExpr w : ast.findAll(ObjectCreationExpr.class)) {
                int arg = w.getArguments().indexOf(new com.github.javaparser.ast.expr.NameExpr(a.var()));
                if (arg >= 0 && Wrappers.closeReleases(summaries, w.getType().getNameAsString(), arg, a.model())) {
                    return Effect.RELEASE; // try (var r = new AutoRollback(conn)): its close() ends it
                }
            }
        }
        if (n.text.startsWith("catch (") || n.text.equals("finally")) {
            return Effect.NONE;
        }
        if (kept.contains(a)) {
            String text = n.text.replace("this." + a.var(), a.var());
            if (OWN_CLOSE.matcher(text).find()) {
                return Effect.RELEASE; // the failing constructor closes what it built so far
            }
            return Uses.effect(text, a, summaries, n.kind == Kind.BRANCH || n.kind == Kind.LOOP);
        }
        java.util.regex.Pattern owner = ownerReleases.get(a);
        if (owner != null && owner.matcher(n.text).find()) {
            return Effect.RELEASE; // c.close() closes the statements made from c, and a statement its result sets
        }
        Effect e = Uses.effect(n.text, a, summaries, n.kind == Kind.BRANCH || n.kind == Kind.LOOP);
        return e == Effect.ESCAPE && (lentToCall(n, a) || intoStreamWithoutOnClose(n, a)) ? Effect.NONE : e;
    }

    /**
     * True when the resource is handed, in a statement other than the return, to an object of a method that returns
     * a {@code Stream} and registers no {@code onClose} ({@code new ResultSetIterator<>(rs, mapper)} wrapped into
     * {@code StreamSupport.stream(...)}): the only way out is a lazy stream whose close cannot reach the resource, so
     * the duty never leaves this method.
     */
    private boolean intoStreamWithoutOnClose(Node n, Acquisition a) {
        if (!a.model().kind().equals("resource") || !(n.ast instanceof ExpressionStmt es)) {
            return false;
        }
        var method = es.findAncestor(p -> p instanceof CallableDeclaration<?> || p instanceof LambdaExpr,
                com.github.javaparser.ast.Node.class).orElse(null);
        return method instanceof com.github.javaparser.ast.body.MethodDeclaration md
                && md.getType().asString().matches("(java\\.util\\.stream\\.)?Stream(<.*>)?")
                && !bodies.computeIfAbsent(md, Object::toString).contains(".onClose(");
    }

    /**
     * True when the statement at {@code n} only calls a method with the resource as a direct argument
     * ({@code marshaller.marshal(report, out);}) and the method it stands in closes that resource itself: its author
     * keeps the duty, so the callee only borrowed it and the close after the call is still owed on every path
     * (an exception out of the call skips a close written after it). A constructor, a return or an assignment still
     * hands the value on, and so does a call when the method closes the value only in a catch.
     */
    private boolean lentToCall(Node n, Acquisition a) {
        if (!a.model().kind().equals("resource") || !(n.ast instanceof ExpressionStmt es)
                || !(es.getExpression() instanceof MethodCallExpr call)
                || call.getArguments().stream().noneMatch(x -> x.isNameExpr() && x.toString().equals(a.var()))) {
            return false;
        }
        com.github.javaparser.ast.Node callable = es.findAncestor(p -> p instanceof CallableDeclaration<?>
                || p instanceof LambdaExpr, com.github.javaparser.ast.Node.class).orElse(null);
        if (callable == null || !a.model().releasePattern(a.var())
                .matcher(bodies.computeIfAbsent(callable, Object::toString)).find()) {
            return false;
        }
        // a close in a catch only is the failure half of a hand-over (close if registering fails, else the
        // registry owns it): only a close on the normal path says the method kept the value
        for (ExpressionStmt s : callable.findAll(ExpressionStmt.class)) {
            if (a.model().releasePattern(a.var()).matcher(s.toString()).find() && s.findAncestor(
                    com.github.javaparser.ast.stmt.CatchClause.class).filter(callable::isAncestorOf).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean keptOnNormalExit(Acquisition a) {
        return kept.contains(a);
    }

    @Override
    public boolean quiet(Node n, Acquisition a) {
        return ThreadStates.quiet(n, a, acquire(n));
    }

    @Override
    public String unseen(Node n, Acquisition a) {
        return effect(n, a) == Effect.UNSEEN ? Uses.unseenHelper(n.text, a, summaries) : null;
    }

    @Override
    public boolean assignsError(Node n, Acquisition a) {
        return false;
    }

    @Override
    public Edge deadEdge(Node branch, Acquisition a, boolean errorLive) {
        Edge dead = Guards.deadEdge(branch.text, a, false, "null");
        String owner = owners.get(a);
        if (dead == null && owner != null) {
            // where the owner is null, nothing was taken from it: if (s != null) { s.close(); }
            dead = Guards.deadEdge(branch.text, new Acquisition(a.at(), owner, null, a.model(), a.sure()), false,
                    "null");
        }
        return dead;
    }
}
