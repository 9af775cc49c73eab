package kb.review.analysis;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.analysis.Cfg.Edge;
import kb.review.analysis.Cfg.Kind;
import kb.review.analysis.Cfg.Node;
import kb.review.analysis.Lifecycle.Acquisition;
import kb.review.analysis.Lifecycle.Effect;

/**
 * The resource-lifecycle pass for Java: the acquisitions the models describe ({@link JavaAcquisitions}) in each
 * method, constructor and lambda, checked on every path of its control-flow graph ({@link JavaCfg}) including the
 * exception edges; and what is used up or dropped without ever being stored ({@link JavaDrops}). This class is the
 * path search's view of a statement: what it does to one acquisition (releases, overwrites, hands over, uses).
 */
public final class JavaLifecycle implements LifecycleFacts {

    private final JavaAcquisitions acquisitions;
    private final Summaries summaries;

    private JavaLifecycle(JavaAcquisitions acquisitions) {
        this.acquisitions = acquisitions;
        this.summaries = acquisitions.summaries();
    }

    /** Every leak of the given models in the callables under {@code root}. */
    public static List<Lifecycle.Found> run(com.github.javaparser.ast.Node root, List<Model> models,
                                                Summaries summaries) {
        List<Lifecycle.Found> out = new ArrayList<>();
        if (models.isEmpty()) {
            return out;
        }
        // locals closed by hand are recognised by that close, not by a call the library models name
        boolean byHand = HandClosed.wanted(models);
        if (byHand) {
            models = models.stream().filter(m -> !m.id().equals(HandClosed.ID)).toList();
        }
        JavaAcquisitions acquisitions = new JavaAcquisitions(root, models, summaries);
        JavaLifecycle facts = new JavaLifecycle(acquisitions);
        JavaDrops drops = new JavaDrops(acquisitions);
        List<Cfg> graphs = new ArrayList<>();
        Map<Cfg, CallableDeclaration<?>> callables = new java.util.IdentityHashMap<>();
        for (CallableDeclaration<?> c : JavaNodes.findAll(root, CallableDeclaration.class)) {
            // most methods acquire nothing the models know: skip building their graphs
            Cfg g = acquisitions.mayAcquire(c) ? JavaCfg.build(c, summaries::neverThrows) : null;
            if (g != null) {
                graphs.add(g);
                callables.put(g, c);
            }
        }
        for (LambdaExpr l : JavaNodes.findAll(root, LambdaExpr.class)) {
            if (acquisitions.mayAcquire(l)) {
                graphs.add(JavaCfg.build(l, summaries::neverThrows));
            }
        }
        if (byHand) {
            handClosed(root, acquisitions, facts, callables, out);
        }
        for (Cfg cfg : graphs) {
            Map<String, Acquisition> leaking = new HashMap<>();
            List<Lifecycle.Found> derived = new ArrayList<>();
            Cfg unchecked = null;
            for (Node n : cfg.nodes()) {
                for (Acquisition a : acquisitions.acquire(n)) {
                    if (a.model().kind().equals("thread-local")
                            && (ThreadStates.restores(a) || FinallyRestores.restored(a)
                            || RestoreHelpers.restoringHalf(a)
                            || ThreadStates.releasedElsewhere(root, a) || StartupStates.notPerRequest(a)
                            || PerThreadCaches.lazilyFilled(a))) {
                        continue;
                    }
                    Lifecycle.Leak leak;
                    if (a.model().kind().equals("transaction") && callables.containsKey(cfg)) {
                        // a rollback in catch (SQLException e) only leaves a RuntimeException of the caller's
                        // callback with the transaction open: its paths are followed on the graph where those escape
                        if (unchecked == null) {
                            Cfg u = JavaCfg.buildWithUnchecked(callables.get(cfg), summaries::neverThrows);
                            unchecked = u == null ? cfg : u;
                        }
                        leak = Lifecycle.check(unchecked, unchecked == cfg ? a : same(unchecked, a), facts);
                    } else {
                        leak = Lifecycle.check(cfg, a, facts);
                    }
                    if (leak != null && AsyncReleases.inCompletionHandler(a)) {
                        leak = null; // ended by the handler that runs when the work it started completes
                    }
                    if (leak == null && acquisitions.kept(a)) {
                        leak = JavaConstructors.neverReleased(a); // the object's close() forgets the field
                    }
                    if (leak == null && a.model().kind().equals("resource")) {
                        leak = CollectedCloses.leak(a); // collected for a close after its loop (RES-03)
                    }
                    if (leak != null) {
                        (acquisitions.derivedFrom(a) != null ? derived : out).add(new Lifecycle.Found(leak, a.sure()));
                        leaking.put(a.model().show(a.var()).replace(" ", ""), a);
                    }
                }
                for (Acquisition a : acquisitions.storedFromOwner(n)) {
                    Lifecycle.Leak leak = JavaConstructors.neverReleased(a);
                    if (leak != null) {
                        out.add(new Lifecycle.Found(leak, a.sure()));
                    }
                }
                drops.consumed(n, out);
            }
            // the very value another acquisition's model says it holds ({@code resp.body()} of a streaming response)
            // is the same duty: when that owner already leaks, its finding covers the body, so only one is reported
            for (Lifecycle.Found f : derived) {
                if (!leaking.containsKey(acquisitions.derivedFrom(f.leak().acquisition()))) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /**
     * The leaks of locals the method closes by hand ({@link HandClosed}), on the graphs already built where the
     * method also acquires something a model knows; a local a model tracks is left to it.
     */
    private static void handClosed(com.github.javaparser.ast.Node root, JavaAcquisitions acquisitions,
                                   JavaLifecycle facts, Map<Cfg, CallableDeclaration<?>> built,
                                   List<Lifecycle.Found> out) {
        Map<com.github.javaparser.ast.Node, Cfg> graphs = new java.util.IdentityHashMap<>();
        built.forEach((g, c) -> graphs.put(c, g));
        List<com.github.javaparser.ast.Node> callables = new ArrayList<>(
                JavaNodes.findAll(root, CallableDeclaration.class));
        callables.addAll(JavaNodes.findAll(root, LambdaExpr.class));
        for (com.github.javaparser.ast.Node c : callables) {
            List<com.github.javaparser.ast.stmt.ExpressionStmt> candidates = HandClosed.candidates(c);
            List<com.github.javaparser.ast.stmt.ExpressionStmt> inFinally = HandClosed.finallyCandidates(c);
            if (candidates.isEmpty() && inFinally.isEmpty()) {
                continue;
            }
            Cfg cfg = graphs.get(c);
            if (cfg == null) {
                cfg = c instanceof CallableDeclaration<?> cd ? JavaCfg.build(cd, facts.summaries::neverThrows)
                        : JavaCfg.build((LambdaExpr) c, facts.summaries::neverThrows);
            }
            if (cfg == null) {
                continue;
            }
            List<Acquisition> hand = new ArrayList<>(HandClosed.acquisitions(candidates, cfg, HandClosed.MODEL));
            hand.addAll(HandClosed.acquisitions(inFinally, cfg, HandClosed.FINALLY_MODEL));
            for (Acquisition a : hand) {
                if (acquisitions.acquire(a.at()).stream().anyMatch(o -> o.var().equals(a.var()))) {
                    continue;
                }
                Lifecycle.Leak leak = Lifecycle.check(cfg, a, facts);
                if (leak != null) {
                    out.add(new Lifecycle.Found(leak, false));
                }
            }
        }
    }

    /** {@code a}, acquired at the node of {@code other} built from the same statement. */
    private static Acquisition same(Cfg other, Acquisition a) {
        for (Node n : other.nodes()) {
            if (n.ast == a.at().ast && n.kind == a.at().kind) {
                return new Acquisition(n, a.var(), a.errorVar(), a.model(), a.sure());
            }
        }
        return a;
    }

    @Override
    public Effect effect(Node n, Acquisition a) {
        if (n != a.at()) {
            for (Acquisition other : acquisitions.acquire(n)) {
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
            if (n.text().strip().equals(a.var())) {
                return Effect.RELEASE; // try (existing) { ... } closes it
            }
            if (TryResourceReleases.closes(ast, a)) {
                return Effect.RELEASE; // try (ResponseBody b = response.body()): closing b is a release of the model
            }
            for (ObjectCreationExpr w : JavaNodes.findAll(ast, ObjectCreationExpr.class)) {
                int arg = w.getArguments().indexOf(new com.github.javaparser.ast.expr.NameExpr(a.var()));
                if (arg >= 0 && Wrappers.closeReleases(summaries, w.getType().getNameAsString(), arg, a.model())) {
                    return Effect.RELEASE; // try (var r = new AutoRollback(conn)): its close() ends it
                }
            }
        }
        if (n.text().startsWith("catch (") || n.text().equals("finally")) {
            return Effect.NONE;
        }
        if (acquisitions.kept(a)) {
            String text = n.text().replace("this." + a.var(), a.var());
            if (JavaConstructors.closesItself(text)) {
                return Effect.RELEASE; // the failing constructor closes what it built so far
            }
            return Uses.effect(text, a, summaries, n.kind == Kind.BRANCH || n.kind == Kind.LOOP);
        }
        if (acquisitions.releasedWithOwner(a, n.text())) {
            return Effect.RELEASE; // c.close() closes the statements made from c, and a statement its result sets
        }
        if (ThreadStates.selfInstalled(a.model())
                && a.model().releasedIn(CodeText.withoutComments(n.text()), a.var())) {
            return Effect.RELEASE; // AppContext.clearThread() ends what context.bindToThread() began
        }
        Effect e = Uses.effect(n.text(), a, summaries, n.kind == Kind.BRANCH || n.kind == Kind.LOOP);
        if (e == Effect.NONE && n.kind == Kind.RETURN && a.model().kind().equals("resource")
                && n.ast instanceof ReturnStmt r && acquisitions.wrapped().handedOver(r, a.var(),
                acquisitions.matcher().types().get(a.var()))) {
            return Effect.ESCAPE; // a helper the review sees builds the resource the method returns around it
        }
        return e == Effect.ESCAPE && (lentToCall(n, a) || intoStreamWithoutOnClose(n, a)
                || WrappedThenClosed.lent(n, a, !acquisitions.acquire(n).isEmpty())) ? Effect.NONE : e;
    }

    /**
     * True when the resource is handed, in a statement other than the return, to an object of a method that returns
     * a {@code Stream} and registers no {@code onClose} ({@code new ResultSetIterator<>(rs, mapper)} wrapped into
     * {@code StreamSupport.stream(...)}): the only way out is a lazy stream whose close cannot reach the resource, so
     * the duty never leaves this method.
     */
    /** Printed method bodies, once per method: the two checks below search them. */
    private final Map<com.github.javaparser.ast.Node, String> bodies = new java.util.IdentityHashMap<>();

    private boolean intoStreamWithoutOnClose(Node n, Acquisition a) {
        // a normal-paths-only value (a Netty buffer) released on one branch and passed on (ctx.write) on another is
        // handed over by the call: the lend this looks for only matters on the exception paths such a model skips
        if (!a.model().kind().equals("resource") || a.model().normalPathsOnly() || !(n.ast instanceof ExpressionStmt es)) {
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
     * (an exception out of the call skips a close written after it). The same holds for a local declared or assigned
     * from such a call (a view over the value, {@link LendingCalls}). A constructor or a return still hands the value
     * on, and so does a call when the method closes the value only in a catch.
     */
    private boolean lentToCall(Node n, Acquisition a) {
        // a normal-paths-only value (a Netty buffer) released on one branch and passed on (ctx.write) on another is
        // handed over by the call: the lend this looks for only matters on the exception paths such a model skips
        if (!a.model().kind().equals("resource") || a.model().normalPathsOnly() || !(n.ast instanceof ExpressionStmt es)) {
            return false;
        }
        MethodCallExpr call = LendingCalls.of(es.getExpression());
        if (call == null
                || call.getArguments().stream().noneMatch(x -> x.isNameExpr() && x.toString().equals(a.var()))
                || !LendingCalls.keptResultClosedAfter(es, a.model().releasePattern(a.var()))) {
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
        for (ExpressionStmt s : JavaNodes.findAll(callable, ExpressionStmt.class)) {
            if (a.model().releasePattern(a.var()).matcher(s.toString()).find() && s.findAncestor(
                    com.github.javaparser.ast.stmt.CatchClause.class).filter(callable::isAncestorOf).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean keptOnNormalExit(Acquisition a) {
        // a try whose finally is below the hunk (CutTries): every normal way out passes that finally
        return acquisitions.kept(a) || CutTries.leavesThroughCut(a.at().ast, a.var())
                || CutTries.insideOwnersTry(a.at().ast, acquisitions.ownerCandidate(a));
    }

    @Override
    public boolean quiet(Node n, Acquisition a) {
        if (n.kind != Kind.THROW && a.model().normalPathsOnly()) {
            return true; // the model asks for the release on normal ways out only
        }
        if (n.kind != Kind.THROW && a.model().heldFrom() != null && n.line <= connectedAt(a)) {
            return true; // not connected yet (or its connect failed): nothing is held on this exception path
        }
        if (n.kind != Kind.THROW && acquisitions.wrapped().factoryOf(a,
                acquisitions.matcher().types().get(a.var()))) {
            return true; // a factory building the resource it returns around this one: judged on normal paths
        }
        if (CutTries.handledBelowCut(n.ast, a.at().ast, a.var()) || CutTries.sameOwnersTry(a.at().ast,
                n.ast, acquisitions.ownerCandidate(a))) {
            return true; // a finally below the hunk, or the try-with-resources of its owner, is the way out
        }
        return ThreadStates.quiet(n, a, acquisitions.acquire(n));
    }

    /** First line of a connecting call per acquisition ({@link Model#heldFrom}). */
    private final Map<Acquisition, Integer> connected = new HashMap<>();

    /**
     * The line of the first call of one of the model's connecting methods on the acquired variable at or after the
     * acquisition, in the method that acquires it; {@code Integer.MAX_VALUE} when the method makes none (a factory
     * that configures it and returns it unconnected); -1 when the method cannot be read.
     */
    private int connectedAt(Acquisition a) {
        return connected.computeIfAbsent(a, k -> {
            if (!(a.at().ast instanceof com.github.javaparser.ast.Node at)) {
                return -1;
            }
            com.github.javaparser.ast.Node callable = at.findAncestor(p -> p instanceof CallableDeclaration<?>
                    || p instanceof LambdaExpr, com.github.javaparser.ast.Node.class).orElse(null);
            if (callable == null) {
                return -1;
            }
            int first = Integer.MAX_VALUE;
            for (MethodCallExpr c : JavaNodes.findAll(callable, MethodCallExpr.class)) {
                String scope = c.getScope().map(Object::toString).orElse("");
                int line = c.getBegin().map(b -> b.line).orElse(-1);
                if ((scope.equals(a.var()) || scope.equals("this." + a.var())) && line >= a.at().line
                        && a.model().heldFrom().matcher(c.getNameAsString()).find()) {
                    first = Math.min(first, line);
                }
            }
            // never connected here: the method builds or configures it and hands it on unconnected (a factory), so no
            // exception path of this method holds a connection
            return first;
        });
    }

    @Override
    public String unseen(Node n, Acquisition a) {
        return effect(n, a) == Effect.UNSEEN ? Uses.unseenHelper(n.text(), a, summaries) : null;
    }

    @Override
    public boolean assignsError(Node n, Acquisition a) {
        return false;
    }

    @Override
    public Edge deadEdge(Node branch, Acquisition a, boolean errorLive) {
        Edge dead = Guards.deadEdge(branch.text(), a, false, "null");
        String owner = acquisitions.ownerCandidate(a);
        if (dead == null && owner != null) {
            // where the owner is null, nothing was taken from it: if (s != null) { s.close(); }
            Edge ownerDead = Guards.deadEdge(branch.text(), new Acquisition(a.at(), owner, null, a.model(), a.sure()),
                    false, "null");
            dead = ownerDead != null && acquisitions.ownerCounts(a) ? ownerDead : null;
        }
        return dead != null ? dead : takenOn(branch, a);
    }

    /**
     * A condition that is a collection's or queue's insertion of the value, whose result says whether it took it
     * ({@code if (!pending.offer(buf)) { buf.release(); }}, {@code if (queue.offer(item, 1, SECONDS)) { return; }}):
     * on the edge where the call succeeded the collection holds the value, and the duty moves with it to the code that
     * empties the collection. It counts as handed on only when another method of the class takes values out of that
     * collection and releases them ({@code while ((b = pending.poll()) != null) { b.release(); }} in
     * {@code channelInactive}); a queue nobody drains and releases keeps the leak at the acquisition (round 117's
     * x-pipe, a handler that parks buffers and never frees those left when the client goes). The refused edge still
     * owes the release.
     */
    private static final Pattern TAKING_CONDITION = Pattern.compile(
            "^\\s*(!)?\\s*(?:this\\.)?([\\w$]+)\\s*\\.\\s*(?:offer|offerFirst|offerLast|add|addFirst|addLast"
                    + "|tryTransfer|tryPut|tryAdd)\\s*\\(\\s*([\\w$]+)\\s*(?:,[^()]*)?\\)\\s*$");

    private Edge takenOn(Node branch, Acquisition a) {
        String c = branch.text().strip();
        while (c.startsWith("(") && c.endsWith(")")) {
            c = c.substring(1, c.length() - 1).strip();
        }
        Matcher m = TAKING_CONDITION.matcher(c);
        if (!m.matches() || !m.group(3).equals(a.var()) || !(branch.ast instanceof com.github.javaparser.ast.Node at)
                || !drainedAndReleased(at, m.group(2), a)) {
            return null;
        }
        return m.group(1) != null ? Edge.FALSE : Edge.TRUE;
    }

    /** True when a method of the class other than the one holding {@code at} releases what it takes out of {@code coll}. */
    private boolean drainedAndReleased(com.github.javaparser.ast.Node at, String coll, Acquisition a) {
        var own = at.findAncestor(CallableDeclaration.class).orElse(null);
        var type = at.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class).orElse(null);
        if (own == null || type == null) {
            return false;
        }
        String field = "(?:this\\.)?" + Pattern.quote(coll) + "\\s*";
        Pattern taken = Pattern.compile("([\\w$]+)\\s*=\\s*" + field + "\\.\\s*(?:poll|pollFirst|pollLast|take|remove|removeFirst"
                + "|removeLast|pop)\\s*\\(|\\bfor\\s*\\([^:;()]*?([\\w$]+)\\s*:\\s*" + field + "\\)");
        for (CallableDeclaration<?> other : JavaNodes.findAll(type, CallableDeclaration.class)) {
            if (other == own) {
                continue;
            }
            String body = bodies.computeIfAbsent(other, Object::toString);
            Matcher t = taken.matcher(body);
            while (t.find()) {
                String v = t.group(1) != null ? t.group(1) : t.group(2);
                if (a.model().releasePattern(v).matcher(body).find()) {
                    return true;
                }
            }
        }
        return false;
    }
}
