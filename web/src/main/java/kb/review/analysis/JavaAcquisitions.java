package kb.review.analysis;

import static kb.review.analysis.JavaExpressions.unwrap;
import static kb.review.analysis.OwnerReleases.owner;
import static kb.review.analysis.OwnerReleases.ownerRelease;

import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kb.review.analysis.Cfg.Kind;
import kb.review.analysis.Cfg.Node;
import kb.review.analysis.Lifecycle.Acquisition;

/**
 * What Java code acquires, by the library models, for the lifecycle pass ({@link JavaLifecycle}): constructors and
 * factory calls stored in a local (declared or assigned), calls that start a duty on their receiver
 * ({@code setAutoCommit(false)}, {@code ThreadLocal.set}, a holder's setter), what a helper returns to its caller
 * ({@link JavaOwnedReturns}), and what a constructor stores in a field ({@link JavaConstructors}). Declared types of
 * fields, parameters and locals decide receiver types; without one, the model's name pattern decides and the match
 * is not sure. Try-with-resources declarations are never acquisitions. One instance per parsed file.
 */
final class JavaAcquisitions {

    private final List<Model> models;
    private final Summaries summaries;
    private final JavaMatches matcher;
    private final Map<Node, List<Acquisition>> acquisitions = new HashMap<>();
    /** Acquisitions made by a call on a local ({@code in = resp.body()}), with that call's text. */
    private final Map<Acquisition, String> derivedFrom = new IdentityHashMap<>();
    /** The locals acquisitions were taken from, whose release ends them too (a connection, its statements). */
    private final OwnerReleases owners = new OwnerReleases();
    /**
     * Acquisitions a constructor stores in a field of the object it builds: the object owns them once the constructor
     * returns, so only an exception out of the constructor (with no catch closing them) leaks them.
     */
    private final Set<Acquisition> kept = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /**
     * What a constructor stores in a field after taking it from an object it was given (a statement of the caller's
     * connection): no path of the constructor leaks it, but the class's own close() still must (see
     * {@link JavaConstructors#neverReleased}).
     */
    private final Map<Node, List<Acquisition>> storedFromOwner = new HashMap<>();
    /** The methods whose callers own what they return (a resource they acquired). */
    private final JavaOwnedReturns owned;
    /** The declared types of the locals calls are stored in, as the file's imports name them. */
    private final DeclaredLocals locals;
    private final com.github.javaparser.ast.Node root;
    /**
     * The calls and constructors of the file that may acquire something and every node above them, found on the first
     * question: a node may acquire when it is in this set. JavaParser's {@code isAncestorOf} searches the whole subtree
     * of the asking node for each candidate, which cost more than the rest of the pass on files with many methods.
     */
    private Set<com.github.javaparser.ast.Node> candidates;

    /** The acquisitions of {@code models} in the file under {@code root}, with the review's helper summaries. */
    JavaAcquisitions(com.github.javaparser.ast.Node root, List<Model> models, Summaries summaries) {
        this.root = root;
        this.models = models;
        this.matcher = new JavaMatches(root, models, summaries.types());
        JavaTypeHints hints = new JavaTypeHints(summaries.types());
        // a helper's class is looked up (on demand) by the name the solver gives its simple name in this file
        this.summaries = summaries.typed(matcher.types(), t -> hints.qualify(t, root));
        this.owned = new JavaOwnedReturns(root, this::directly);
        this.locals = new DeclaredLocals(models, this.summaries, matcher.types(), owned.declared());
    }

    /** The helper summaries, with this file's declared types. */
    Summaries summaries() {
        return summaries;
    }

    List<Model> models() {
        return models;
    }

    /** The text of the owner's call {@code a} was taken from ({@code resp.body()} of {@code resp}), or null. */
    String derivedFrom(Acquisition a) {
        return derivedFrom.get(a);
    }

    /** What the constructor statement at {@code n} stored from a given object ({@link #acquire} first); or none. */
    List<Acquisition> storedFromOwner(Node n) {
        return storedFromOwner.getOrDefault(n, List.of());
    }

    /** True when a constructor stored {@code a} in a field of the object it builds. */
    boolean kept(Acquisition a) {
        return kept.contains(a);
    }

    /** True when {@code text} releases the local {@code a} was taken from and that ends {@code a} ({@code c.close()}). */
    boolean releasedWithOwner(Acquisition a, String text) {
        return owners.releasedWithOwner(a, text);
    }

    /** The local {@code a} was taken from, whatever its release does to {@code a}; or null. */
    String ownerCandidate(Acquisition a) {
        return owners.ownerCandidate(a);
    }

    /** True when the release of the local {@code a} was taken from ends {@code a} too. */
    boolean ownerCounts(Acquisition a) {
        return owners.ownerCounts(a);
    }

    /** Resources the file's returns hand over wrapped in another resource ({@link WrappedReturns}). */
    WrappedReturns wrapped() {
        if (wrapped == null) {
            wrapped = new WrappedReturns(summaries.types());
        }
        return wrapped;
    }

    private WrappedReturns wrapped;

    /** Which model entries expressions match. */
    JavaMatches matcher() {
        return matcher;
    }

    /** What a call of a helper hands its caller to release ({@link JavaOwnedReturns}), or null. */
    JavaOwnedReturns.Owned ownedBy(MethodCallExpr call) {
        return owned.call(call, summaries);
    }

    /**
     * True when some call or constructor under {@code n} matches an acquire entry of the models. The file's
     * candidates are found in one walk: a lambda is asked about after the method around it, and would otherwise
     * match the same expressions again.
     */
    boolean mayAcquire(com.github.javaparser.ast.Node n) {
        if (candidates == null) {
            candidates = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (ObjectCreationExpr e : JavaNodes.findAll(root, ObjectCreationExpr.class)) {
                if (matcher.anyMatch(e)) {
                    withAncestors(e);
                }
            }
            if (models.stream().anyMatch(m -> m.acquires().stream().anyMatch(q -> q.cast() != null))) {
                for (CastExpr e : JavaNodes.findAll(root, CastExpr.class)) {
                    if (matcher.anyMatch(e)) {
                        withAncestors(e);
                    }
                }
            }
            for (MethodCallExpr e : JavaNodes.findAll(root, MethodCallExpr.class)) {
                if (matcher.anyMatch(e) || RepositoryStreams.in(e).acquired(e, models) != null
                        || locals.byDeclaredReturn(e)
                        || owned.call(e, summaries) != null
                        || ThreadStates.holderSet(e, summaries, threadLocal()) != null
                        || ThreadStates.namedHolderSet(e, summaries, threadLocal()) != null) {
                    withAncestors(e);
                }
            }
        }
        return candidates.contains(n);
    }

    private void withAncestors(com.github.javaparser.ast.Node e) {
        // a node already in the set has its ancestors there too
        com.github.javaparser.ast.Node a = e;
        while (a != null && candidates.add(a)) {
            a = a.getParentNode().orElse(null);
        }
    }

    /** The first thread-local model the rule asked for: holders' setters take its id and wording. */
    private Model threadLocal() {
        return models.stream().filter(m -> m.kind().equals("thread-local")).findFirst().orElse(null);
    }

    /** The acquisitions at {@code n}, found once per node: the fixpoint asks again on every pass. */
    List<Acquisition> acquire(Node n) {
        return acquisitions.computeIfAbsent(n, this::scan);
    }

    private List<Acquisition> scan(Node n) {
        List<Acquisition> out = new ArrayList<>();
        if (n.kind == Kind.STMT && n.ast instanceof ExpressionStmt es) {
            Expression e = es.getExpression();
            if (e instanceof VariableDeclarationExpr vde) {
                for (VariableDeclarator vd : vde.getVariables()) {
                    vd.getInitializer().ifPresent(init -> {
                        if (!matchCast(n, init, vd.getNameAsString(), out)) {
                            match(n, unwrap(init), vd.getNameAsString(), vd.getTypeAsString(), out);
                        }
                    });
                }
            } else if (e instanceof AssignExpr as && as.getOperator() == AssignExpr.Operator.ASSIGN
                    && as.getTarget().isNameExpr() && !Locals.isField(as, as.getTarget().toString())
                    && !Locals.fieldOutOfView(as, as.getTarget().toString(),
                    summaries.context == null ? null : summaries.context.text())) {
                match(n, unwrap(as.getValue()), as.getTarget().toString(),
                        matcher.types().get(as.getTarget().toString()), out);
            } else if (e instanceof AssignExpr as && as.getOperator() == AssignExpr.Operator.ASSIGN
                    && JavaConstructors.constructorOf(es) != null) {
                String field = JavaConstructors.field(as);
                if (field != null) {
                    int before = out.size();
                    Expression value = unwrap(as.getValue());
                    match(n, value, field, null, out);
                    // a stream or statement taken from an object the constructor was given or keeps (a process's
                    // stream, a statement of a field's connection) is that object's: its owner ends it
                    String owner = owner(value);
                    List<Acquisition> added = out.subList(before, out.size());
                    if (JavaConstructors.takenFromOutside(JavaConstructors.constructorOf(es), owner)) {
                        for (Acquisition a : added) {
                            if (ownerRelease(a.model(), owner) != null) {
                                storedFromOwner.computeIfAbsent(n, x -> new ArrayList<>()).add(a);
                            }
                        }
                        added.removeIf(a -> ownerRelease(a.model(), owner) != null);
                    }
                    kept.addAll(added);
                }
            } else if (e instanceof MethodCallExpr call) {
                // a holder in view is judged by its own setter and clearing method: its class name alone
                // (TenantHolder.set(t)) would also meet the thread-local model, whose only release is remove()
                Model holder = ThreadStates.holderSet(call, summaries, threadLocal());
                if (holder == null) {
                    match(n, call, null, null, out);
                }
                if (holder != null) {
                    out.add(new Acquisition(n, call.getScope().get().toString(), null, holder, true));
                } else if (out.isEmpty()) {
                    // a holder out of sight, known by its names only: a guess
                    Model named = ThreadStates.namedHolderSet(call, summaries, threadLocal());
                    if (named != null) {
                        out.add(new Acquisition(n, call.getScope().get().toString(), null, named, false));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Adds the acquisition a cast of a parameter makes ({@code ByteBuf in = (ByteBuf) msg;} in {@code channelRead}),
     * by the models' {@code cast} entries; true when one did.
     */
    private boolean matchCast(Node n, Expression init, String var, List<Acquisition> out) {
        Expression e = init;
        while (e instanceof EnclosedExpr en) {
            e = en.getInner();
        }
        if (!(e instanceof CastExpr)) {
            return false;
        }
        for (Model m : models) {
            for (Model.Acquire q : m.acquires()) {
                if (q.cast() != null && matcher.matches(q, e) != null) {
                    out.add(new Acquisition(n, var, null, m, q.sure()));
                    return true;
                }
            }
        }
        return false;
    }

    /** What {@code e} acquires itself, by the resource models' entries (not the receiver-tracking ones); or null. */
    private JavaOwnedReturns.Owned directly(Expression e) {
        for (Model m : models) {
            if (!m.kind().equals("resource")) {
                continue;
            }
            for (Model.Acquire q : m.acquires()) {
                Boolean sure = q.tracksReceiver() || q.expressionOnly() ? null : matcher.matches(q, e);
                if (sure != null) {
                    return new JavaOwnedReturns.Owned(m, sure && q.sure());
                }
            }
        }
        return null;
    }

    /**
     * Adds the acquisition {@code e} makes, stored in {@code var} (null: the statement is the call itself) declared as
     * {@code localType} (null: not a local, or its type is not known).
     */
    private void match(Node n, Expression e, String var, String localType, List<Acquisition> out) {
        for (Model m : models) {
            for (Model.Acquire q : m.acquires()) {
                Boolean sure = q.expressionOnly() ? null : q.returns() != null
                        ? var == null || !(e instanceof MethodCallExpr c) ? null
                        : DeclaredReturns.matches(q, c, locals.evidence(c, localType), summaries, matcher.types())
                        : matcher.matches(q, e);
                if (sure == null || DroppedResults.givesWay(q, var)) {
                    continue;
                }
                String v = q.tracksReceiver() ? ((MethodCallExpr) e).getScope().map(Object::toString).orElse(null)
                        : var;
                if (v != null && m.closedWithOwner() && !q.tracksReceiver() && owner(e) != null
                        && Locals.declaredHere(e, owner(e)) && Locals.endedHere(e, owner(e), ownerRelease(m, owner(e)))) {
                    // a session or channel made on a connection the same method opens and closes: the library
                    // closes it with that connection, whose own duty (reported at its acquisition if it leaks) is
                    // the whole story. A connection the method borrows and never ends leaves the child its own duty
                    return;
                }
                if (v != null) {
                    Acquisition a = new Acquisition(n, v, null, ThreadStates.bind(m, e), sure && q.sure());
                    out.add(a);
                    if (!q.tracksReceiver() && e instanceof MethodCallExpr call && call.getScope().isPresent()
                            && call.getScope().get().isNameExpr()) {
                        derivedFrom.put(a, matcher.print(call).replace(" ", ""));
                    }
                    String owner = q.tracksReceiver() ? null : owner(e);
                    java.util.regex.Pattern released = owner == null ? null : ownerRelease(m, owner);
                    if (released != null) {
                        owners.taken(a, owner, released, m);
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
}
