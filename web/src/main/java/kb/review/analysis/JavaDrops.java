package kb.review.analysis;

import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kb.review.analysis.Cfg.Node;
import kb.review.analysis.Lifecycle.Acquisition;

/**
 * Resources that are never stored (the other half of the Java lifecycle pass, next to the path search of
 * {@link JavaLifecycle}): opened and used up in one expression, or dropped by a statement that only makes the call.
 * Each is a leak at its own line; no path needs to be followed.
 */
final class JavaDrops {

    /** Stream operations that return a stream over the same source, keeping it open. */
    private static final Set<String> PIPELINE = Set.of("filter", "map", "mapToInt",
            "mapToLong", "mapToDouble", "mapToObj", "flatMap", "distinct", "sorted", "peek", "limit", "skip",
            "takeWhile", "dropWhile", "parallel", "sequential", "unordered", "onClose", "boxed");

    /**
     * Calls whose result, once closed, closes the value they were called on: a socket's or a file's stream or channel,
     * an HTTP response's body (OkHttp's and the JDK client's close their exchange with it).
     */
    private static final Set<String> CLOSES_SOURCE = Set.of("getInputStream", "getOutputStream", "getChannel", "body");

    private final JavaAcquisitions acquisitions;
    private final List<Model> models;

    JavaDrops(JavaAcquisitions acquisitions) {
        this.acquisitions = acquisitions;
        this.models = acquisitions.models();
    }

    /**
     * Resources opened and used up in one expression without a variable: the receiver of another call
     * ({@code Files.lines(p).count()}) or the argument of a method that does not release it
     * ({@code props.load(new FileInputStream(f))}). Constructors take their argument over, as wrappers do. In a
     * try-with-resources header only the receiver of the call that makes the declared value is asked
     * ({@link #madeToKeep}); elsewhere such a receiver is reported even though the
     * value made from it is tracked itself.
     */
    void consumed(Node n, List<Lifecycle.Found> out) {
        if (!(n.ast instanceof com.github.javaparser.ast.Node ast)) {
            return;
        }
        boolean header = ast.getParentNode().filter(p -> p instanceof TryStmt).isPresent();
        List<Expression> created = new ArrayList<>();
        List<Expression> calls = new ArrayList<>();
        own(ast, ast, created, calls);
        created.addAll(calls);
        for (Expression e : created) {
            if (HandleCallbacks.lent(e)) {
                continue; // made from a handle the callback's lender closes, with all it made
            }
            // a stream pipeline keeps the source open until its terminal operation: follow it up
            Expression used = e;
            while (used.getParentNode().orElse(null) instanceof MethodCallExpr up && up.getScope().isPresent()
                    && up.getScope().get() == used && PIPELINE.contains(up.getNameAsString())) {
                used = up;
            }
            Expression chainEnd = used;
            var parent = chainEnd.getParentNode().orElse(null);
            boolean kept = madeToKeep(chainEnd, parent);
            if (header && !kept) {
                continue; // what a try-with-resources header declares is closed by it
            }
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
                    acquisitions.summaries(), models)) {
                continue;
            }
            if (!modelled(e) && e instanceof MethodCallExpr call && acquisitions.ownedBy(call) != null) {
                // a helper the review sees returns what it opened (ConfigFiles.open(f)): the caller owns it here
                JavaOwnedReturns.Owned o = acquisitions.ownedBy(call);
                if (!receiver || !o.model().releasePattern("X").matcher("X." + pc.getNameAsString() + "()").find()) {
                    used(n, e, pc, receiver, o.model(), o.sure(), out);
                }
                continue;
            }
            for (Model m : models) {
                if (!m.kind().equals("resource")) {
                    continue;
                }
                for (Model.Acquire q : RepositoryStreams.in(e).acquires(m, e, models)) {
                    // a stream taken from an owner (a socket, a process) is released with its owner
                    if (q.tracksReceiver() || (q.receiver() != null || q.receiverType() != null)
                            && !LentConnections.lent(m)) {
                        continue; // (a pool's connection is lent, never closed with the pool: LentConnections)
                    }
                    Boolean sure = q == RepositoryStreams.ACQUIRE ? Boolean.TRUE : acquisitions.matcher().matches(q, e);
                    if (sure == null) {
                        continue;
                    }
                    if (receiver && (m.releasePattern("X").matcher("X." + pc.getNameAsString() + "()").find()
                            || !kept && acquisitions.matcher().anyMatch(pc))) {
                        break; // opened and closed in one expression, or what the call returns is tracked itself
                    }
                    used(n, e, pc, receiver, m, sure && q.sure(), out);
                    break;
                }
            }
        }
    }

    /**
     * True when {@code chainEnd} is opened only to make the value a declaration or an assignment keeps, as the receiver
     * of that chain ({@code PreparedStatement ps = dataSource.getConnection().prepareStatement(sql)}, in a
     * try-with-resources header or not): whoever closes the statement, nothing closes the connection it came from. A
     * value whose close ends its source is left alone: a socket's or a file stream's own stream or channel
     * ({@code new Socket(h, p).getInputStream()}) and a stream pipeline over its source ({@code Files.lines(p)
     * .filter(...)}), followed up to its end before this is asked.
     */
    private static boolean madeToKeep(Expression chainEnd, com.github.javaparser.ast.Node parent) {
        if (!(parent instanceof MethodCallExpr pc) || pc.getScope().filter(s -> s == chainEnd).isEmpty()
                || CLOSES_SOURCE.contains(pc.getNameAsString())) {
            return false;
        }
        Expression last = pc; // up the rest of the chain: dataSource.getConnection().getMetaData().getTables(...)
        while (last.getParentNode().orElse(null) instanceof MethodCallExpr up && up.getScope().orElse(null) == last) {
            last = up;
        }
        com.github.javaparser.ast.Node holder = last.getParentNode().orElse(null);
        if (holder instanceof VariableDeclarator d && chainEnd instanceof ObjectCreationExpr made) {
            // Scanner s = new Scanner(f).useDelimiter(","): a call returning the object itself keeps the one value
            return !d.getType().isVarType()
                    && !d.getType().asString().equals(made.getType().getNameAsString());
        }
        return holder instanceof VariableDeclarator || holder instanceof AssignExpr a && a.getValue() == last;
    }

    /** True when an entry of a resource model matches {@code e} itself. */
    private boolean modelled(Expression e) {
        for (Model m : models) {
            if (!m.kind().equals("resource")) {
                continue;
            }
            for (Model.Acquire q : RepositoryStreams.in(e).acquires(m, e, models)) {
                if (q == RepositoryStreams.ACQUIRE || !q.tracksReceiver() && acquisitions.matcher().matches(q, e) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Reports {@code e}, opened and used up by the call {@code pc} as its receiver or one of its arguments. */
    private static void used(Node n, Expression e, MethodCallExpr pc, boolean receiver, Model m, boolean sure,
                             List<Lifecycle.Found> out) {
        String what = what(e);
        String summary = (receiver ? "uses `" + what + "` in one expression and never closes it"
                : "passes `" + what + "` to `" + pc.getNameAsString() + "`, which does not close it")
                + " (line " + n.line + ")";
        Acquisition a = new Acquisition(n, what, null, m, sure);
        out.add(new Lifecycle.Found(new Lifecycle.Leak(a, List.of(new Lifecycle.Step(n.line, summary)), summary),
                sure));
    }

    /**
     * The constructors and calls that belong to the node itself, in the order of a pre-order walk: not those of a
     * lambda in it, nor of a statement nested in it (the body of a loop or a {@code synchronized} block, whose own
     * nodes are asked in turn, and which would otherwise be reported again at the header's line).
     */
    private static void own(com.github.javaparser.ast.Node n, com.github.javaparser.ast.Node top,
                            List<Expression> created, List<Expression> calls) {
        if (n != top && (n instanceof LambdaExpr || n instanceof com.github.javaparser.ast.stmt.Statement)) {
            return;
        }
        if (n instanceof ObjectCreationExpr oc) {
            created.add(oc);
        } else if (n instanceof MethodCallExpr mc) {
            calls.add(mc);
        }
        for (com.github.javaparser.ast.Node c : n.getChildNodes()) {
            own(c, top, created, calls);
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
                Boolean sure = q == RepositoryStreams.ACQUIRE ? Boolean.TRUE : acquisitions.matcher().matches(q, e);
                if (sure == null) {
                    continue;
                }
                drop(n, what(e), m, sure && q.sure(), out);
                return;
            }
        }
        JavaOwnedReturns.Owned o = e instanceof MethodCallExpr call ? acquisitions.ownedBy(call) : null;
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
}
