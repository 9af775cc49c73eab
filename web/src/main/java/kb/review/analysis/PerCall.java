package kb.review.analysis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * The "built per call" analysis (Go and Java, on the tree-sitter tree): a client or pool the models list as built
 * once ({@code built-once:}) is reported where it is built on a path that runs per call. One-time initialisation is
 * decided from program facts, not names: the construction is in {@code main}/{@code init}, a constructor, a provider
 * method ({@code @Bean}, {@code @Provides}, {@code @Produces}, {@code @PostConstruct}), a static or field initialiser,
 * a package-level declaration, or a function literal run by {@code sync.Once.Do} or {@code computeIfAbsent}; or the
 * value is kept beyond the call (stored in a field, a package variable or a struct, or returned: a factory, whose
 * caller decides how often it runs); or every caller of the enclosing function visible in the file is itself one-time.
 * A construction inside a loop is per iteration even in a one-time function, unless the value is kept. Whether it
 * is kept, and by what, is read by {@link KeptValues}.
 */
public final class PerCall {

    /** One construction on a per-call path. */
    public record Spot(int line, int column, String model, List<Lifecycle.Step> steps) {
    }

    static final Set<String> NAMED = Set.of("function_declaration", "method_declaration",
            "constructor_declaration");
    static final Set<String> LOOPS = Set.of("for_statement", "enhanced_for_statement", "while_statement",
            "do_statement");

    private final byte[] src;
    private final boolean go;
    private final Timeouts helper;
    private final DialTargets peers;
    private final OneTimeContexts once;
    private final KeptValues values;
    private List<SyntaxNode> calls;
    private Callers callers = Callers.NONE;
    private Summaries summaries;
    private String path = "";
    private java.util.Map<String, String> clients = java.util.Map.of();
    /** Clients built by helpers: Go factories of other files, Java factory methods called per call elsewhere. */
    private HelperClients helpers;
    /** Go: what the change's deleted lines held (a shared client replaced by a new one), or null. */
    private SharedBeforeEdit edits;
    /** Go: constructions the file shows run again whatever their peer (a loop's turns, a per-event function). */
    private RepeatedBuilds repeats;
    /** Per-call constructions reported so far: the start of their function and their holder's name. */
    private final List<String[]> reported = new ArrayList<>();

    PerCall(byte[] src, boolean go) {
        this.src = src;
        this.go = go;
        this.helper = new Timeouts(src, go);
        this.peers = new DialTargets(src);
        this.once = new OneTimeContexts(src, go);
        this.values = new KeptValues(src, go, helper, once);
    }

    /**
     * Every construction of the given built-once entries ({@code pools}) that runs per call. The callers of the
     * enclosing function are looked for in the whole checkout ({@code callers}, {@link Callers#NONE} without one;
     * {@code path} is the file's path in it). With the functions of the change ({@code summaries}, may be null), a
     * Java pool in a field initialiser is per call when the change makes its owner per call ({@link PerCallOwners}),
     * and a Java class of the change made per call whose constructor builds one of {@code clientModels} is reported
     * ({@link ClientClasses}). A Go call of one of {@code factories} (functions of the change in other files that
     * build a new value of a model per call, {@link GoFactories}) is reported where it is made per call. The change's
     * deleted lines ({@code removed}, keyed by the new line they stood before) and its added lines tell a Go client
     * built where the old line took the same variable from the method's receiver: per call whatever peer it dials
     * ({@link SharedBeforeEdit}).
     */
    public static List<Spot> run(SyntaxNode root, byte[] src, boolean go, List<TimeoutModel> pools, Callers callers,
                                 String path, Summaries summaries, List<TimeoutModel> clientModels,
                                 java.util.Map<String, GoFactories.Factory> factories,
                                 java.util.NavigableMap<Integer, String> removed,
                                 java.util.function.IntPredicate addedLine) {
        return run(root, src, go, pools, callers, path, summaries, clientModels, factories, removed, addedLine,
                List.of());
    }

    /**
     * As above; Go: {@code perEventHeads} are the models' per-event signatures, by which a construction whose entry
     * asks for a peer condition is per call anyway when its function runs per event ({@link RepeatedBuilds}).
     */
    public static List<Spot> run(SyntaxNode root, byte[] src, boolean go, List<TimeoutModel> pools, Callers callers,
                                 String path, Summaries summaries, List<TimeoutModel> clientModels,
                                 java.util.Map<String, GoFactories.Factory> factories,
                                 java.util.NavigableMap<Integer, String> removed,
                                 java.util.function.IntPredicate addedLine, List<Pattern> perEventHeads) {
        List<Spot> out = new ArrayList<>();
        java.util.Map<String, String> clients = go || summaries == null || clientModels.isEmpty() ? java.util.Map.of()
                : ClientClasses.madeIn(new String(src, StandardCharsets.UTF_8), clientModels, summaries);
        if (!pools.isEmpty() || !clients.isEmpty() || !factories.isEmpty()) {
            PerCall p = new PerCall(src, go);
            p.clients = clients;
            p.summaries = summaries;
            p.helpers = new HelperClients(src, factories, summaries, p.helper, p.once);
            p.callers = callers;
            p.path = path;
            p.edits = go ? new SharedBeforeEdit(src, removed, addedLine) : null;
            p.repeats = go ? RepeatedBuilds.of(root, src, perEventHeads) : null;
            p.walk(root, pools, out);
        }
        return out;
    }

    /** Java: true when the file makes (with {@code new}) a class of the change whose constructor builds a client. */
    public static boolean makesClients(byte[] src, List<TimeoutModel> clientModels, Summaries summaries) {
        return summaries != null && !ClientClasses.madeIn(new String(src, StandardCharsets.UTF_8), clientModels,
                summaries).isEmpty();
    }

    private void walk(SyntaxNode n, List<TimeoutModel> pools, List<Spot> out) {
        TimeoutBuilds.Built b = TimeoutBuilds.match(n, src, pools);
        if (b == null && !go) {
            b = storedBuilder(n, pools);
        }
        GoFactories.Factory made = b == null ? helpers.factory(n) : null;
        if (made != null) {
            String why = once.constructorNamed(Timeouts.function(n)) ? null : perCall(n, made.model());
            if (why != null) {
                int line = n.getStartPoint().getRow() + 1;
                out.add(new Spot(line, n.getStartPoint().getColumn() + 1, made.model().id(), List.of(
                        new Lifecycle.Step(line, made.model().shows() + " is built anew by " + made.name() + " ("
                                + made.file() + ") on this call, " + why))));
            }
            return;
        }
        if (b != null) {
            boolean peerOk = b.build().inHandler() ? go ? RequestHandlers.serves(n, src) : inJavaLoop(n)
                    : b.build().configuredPeer() ? peers.servesFromConfig(n) && !edits.rebuiltInPlace(n)
                    : !b.build().fixedPeer() || peers.dialsOwnPeer(n);
            SyntaxNode chain = helper.chain(n, null, null);
            if (!peerOk && edits != null) {
                peerOk = edits.replacesShared(n, helper.holder(chain));
            }
            if (!peerOk && repeats != null && (b.build().inHandler() || b.build().configuredPeer()
                    || b.build().fixedPeer())) {
                peerOk = repeats.repeated(n); // session 53: built again every turn or every event, whatever it reads
            }
            values.lastPerCallUse = -1;
            String why = peerOk ? perCall(n, b.model()) : null;
            int use = values.lastPerCallUse;
            if (why != null && use > 0) {
                // a provider called per call: the call is the per-call client, where the change makes one per request
                // (session 45: blind rounds 20, 35, 74 and 80 name the call, the provider's body builds once per
                // call of it); the construction is the second step, where ConstructionPasses reports it when the
                // change left the call alone
                int line = n.getStartPoint().getRow() + 1;
                if (out.stream().noneMatch(o -> o.line() == use)) {
                    out.add(new Spot(use, 1, b.model().id(), List.of(
                            new Lifecycle.Step(use, "this call builds a new client through the provider"),
                            new Lifecycle.Step(line, b.model().shows() + " is built here " + why))));
                }
            } else if (why != null && (go || !wrapsReported(chain))) {
                int line = n.getStartPoint().getRow() + 1;
                out.add(new Spot(line, n.getStartPoint().getColumn() + 1, b.model().id(), List.of(
                        new Lifecycle.Step(line, b.model().shows() + " is built here " + why))));
            }
            if (peerOk || !n.getType().equals("composite_literal")) {
                return; // a builder chain is one construction
            }
            // a struct literal that is not per call here may still hold one that is (a client's Transport literal)
        }
        if (!clients.isEmpty() && n.getType().equals("object_creation_expression")) {
            String inside = clients.get(ClientClasses.simple(text(n.getChildByFieldName("type"))));
            if (inside != null && !ClientClasses.closedHere(n, helper.holder(n), src)) {
                String why = perCall(n, ClientClasses.AS_CLIENT);
                if (why != null) {
                    int line = n.getStartPoint().getRow() + 1;
                    out.add(new Spot(line, n.getStartPoint().getColumn() + 1, "client-class", List.of(
                            new Lifecycle.Step(line, inside + "; this one is made here " + why))));
                    return;
                }
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            walk(n.getNamedChild(i), pools, out);
        }
    }

    /**
     * {@code builder.readTimeout(t).build()} where {@code builder} is a field, parameter or local declared with a
     * builder type the models list as a construction ({@code OkHttpClient.Builder}) or hand out from a factory
     * ({@code HttpClientBuilder.create()}, see {@link BuilderTypes}): each {@code build()} makes a new client, so the
     * builder kept for later is built per call where a {@code new} would be. Null otherwise.
     */
    private TimeoutBuilds.Built storedBuilder(SyntaxNode n, List<TimeoutModel> pools) {
        if (!n.getType().equals("method_invocation") || !text(n.getChildByFieldName("name")).equals("build")) {
            return null;
        }
        SyntaxNode root = n;
        while (root.getType().equals("method_invocation") && !root.getChildByFieldName("object").isNull()) {
            root = root.getChildByFieldName("object");
        }
        if (!root.getType().equals("identifier")) {
            return null;
        }
        String type = Declared.type(Timeouts.root(n), src, text(root), n.getStartByte());
        if (type == null) {
            return null;
        }
        for (TimeoutModel m : pools) {
            for (TimeoutModel.Build b : m.builds()) {
                if (BuilderTypes.makes(type, b)) {
                    return new TimeoutBuilds.Built(m, b);
                }
            }
        }
        return null;
    }

    /** Per-item calls of Java's collections and streams: a lambda handed to one runs once per element. */
    private static final Set<String> PER_ITEM = Set.of("forEach", "map", "flatMap", "filter", "peek", "anyMatch",
            "allMatch", "noneMatch", "forEachOrdered", "mapToObj", "mapToInt", "mapToLong", "computeIfPresent",
            "replaceAll", "removeIf");

    /**
     * Java, an entry with {@code peer: request-handler} (session 53): a value that is the same every time (its
     * model's arguments say so) built inside a loop of its own method, or in a lambda a collection or stream runs per
     * element: built again for every item. Not a loop of an enclosing method around a lambda handed to anything else
     * (a task, a callback: it may run once).
     */
    private boolean inJavaLoop(SyntaxNode n) {
        for (SyntaxNode p = n.getParent(); !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (LOOPS.contains(t)) {
                return true;
            }
            if (t.equals("lambda_expression")) {
                SyntaxNode call = p.getParent().getType().equals("argument_list") ? p.getParent().getParent() : null;
                if (call == null || !call.getType().equals("method_invocation")
                        || !PER_ITEM.contains(text(call.getChildByFieldName("name")))) {
                    return false;
                }
                return true;
            }
            if (NAMED.contains(t) || t.equals("class_body")) {
                return false;
            }
        }
        return false;
    }

    String text(SyntaxNode n) {
        return SyntaxNode.text(src, n);
    }

    /** A JDK thread pool made by hand: scoped to a call when the call shuts it down in finally. */
    private static final java.util.regex.Pattern THREAD_POOL = java.util.regex.Pattern.compile(
            "^new\\s+(?:java\\.util\\.concurrent\\.)?(?:Scheduled)?(?:ThreadPoolExecutor|ForkJoinPool)\\b");

    /** Why the construction runs per call, or null when it is one-time or kept beyond the call. */
    private String perCall(SyntaxNode built, TimeoutModel model) {
        SyntaxNode top = outermostLiteral(helper.chain(built, null, null));
        if (!go) {
            top = KeptByReturn.throughChoice(top); // a branch of a conditional: the conditional's fate is its own
            top = owner(top);
        }
        // Java: a call of the chain that uses the object (`new HikariDataSource(cfg).getConnection()`) yields another
        // value; the pool itself is dropped there, whatever becomes of that value (session 30)
        boolean usedUp = !go && UsedUp.inChain(built, top, model.uses(), src);
        SyntaxNode field = go || usedUp ? null : PerCallOwners.initialised(top);
        if (field != null) {
            return PerCallOwners.field(field, top, src, summaries);
        }
        if (!usedUp && values.kept(top, model)) {
            if (go && repeats != null && repeats.storedPerTurn(top)) {
                return "and stored in a field on every turn of the loop around it: each turn drops the one before";
            }
            String stored = go ? values.storedFactory(top) : null;
            String provided = stored != null ? stored : values.providedPerCall(top);
            return provided != null || go ? provided : helpers.factoryCalledElsewhere(top, model);
        }
        if (!go && ScopedPools.shutDownByTheCall(top, helper.holder(top),
                text(Timeouts.function(top)), src)) {
            return null;
        }
        if (!go && THREAD_POOL.matcher(text(top)).find() && ScopedPools.shutDownInFinally(helper.holder(top),
                text(Timeouts.function(top)))) {
            return null; // a thread pool for one call's fork/join, shut down by it
        }
        // a gRPC channel (or any other client) built for one call and shut down by it is still one per call: RES-04's
        // text ("a constructor of a pool or client inside ... a function that runs per call is a review finding"), no
        // connection is reused; only thread pools scoped to the call are left alone (session 25)
        boolean loop = false;
        boolean block = false;
        for (SyntaxNode p = top.getParent(); !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (LOOPS.contains(t)) {
                loop = true;
            }
            if (go && t.equals("labeled_statement") && !block) {
                // `apnsClient: &http.Client{...},` where the hunk starts inside a literal: a keyed element of a
                // literal the diff cuts (Go labels stand before statements, never before a value): the literal
                // holds it (session 53, round 120's clean towns case)
                return null;
            }
            if (t.equals("block") || t.equals("statement_list")) {
                block = true;
            }
            if (t.equals("func_literal") || t.equals("lambda_expression")) {
                if (once.runOnce(p)) {
                    return null;
                }
                continue;
            }
            if (t.equals("field_declaration") || t.equals("static_initializer")) {
                return null;
            }
            if (NAMED.contains(t)) {
                if (loop) {
                    return "inside a loop: once per iteration";
                }
                if (once.oneTime(p) || go && new RunsUntilStopped(src).runsUntilStopped(p, top)) {
                    return null;
                }
                String name = text(p.getChildByFieldName("name"));
                if (allCallersOneTime(name, p)) {
                    return null;
                }
                return "in " + name + ", which runs per call, and is neither kept in a field nor returned";
            }
        }
        if (!go && CutMethodBodies.inCutBody(top, src)) {
            return loop ? "inside a loop: once per iteration"
                    : "among the statements of a method the diff shows only in part, and is neither kept in a field"
                    + " nor returned";
        }
        return null; // package level
    }

    /**
     * Java: true when the construction is built on a value already reported in the same function ({@code
     * HttpClients.custom().setConnectionManager(manager).build()} after the per-call {@code manager}): one pool and
     * the client over it are one finding, at the pool. Remembers this construction's holder otherwise.
     */
    private boolean wrapsReported(SyntaxNode chain) {
        int fn = Timeouts.function(chain).getStartByte();
        String body = text(chain);
        for (String[] r : reported) {
            if (r[0].equals(String.valueOf(fn)) && Pattern.compile("(?<![\\w$.])" + Pattern.quote(r[1])
                    + "(?![\\w$(])").matcher(body).find()) {
                return true;
            }
        }
        String holder = helper.holder(chain);
        if (holder != null) {
            reported.add(new String[] {String.valueOf(fn), holder});
        }
        return false;
    }

    /**
     * A value written inside a composite literal ({@code &http.Client{Transport: &http.Transport{...}}}) lives as long
     * as that literal: whether it is kept is the outermost literal's question. So does a value handed to a wrapper
     * whose result the literal holds ({@code Transport: otelhttp.NewTransport(&http.Transport{...})}, an instrumented
     * round tripper): the wrapper keeps what it wraps.
     */
    private static SyntaxNode outermostLiteral(SyntaxNode top) {
        SyntaxNode out = top;
        for (SyntaxNode p = top.getParent(); !p.isNull() && (LITERAL_PARTS.contains(p.getType()) || wrapsInto(p));
             p = p.getParent()) {
            if (p.getType().equals("composite_literal")
                    || p.getType().equals("unary_expression") && out.getType().equals("composite_literal")) {
                out = p;
            }
        }
        return out;
    }

    /**
     * Java: a pool handed to a constructor ({@code new CloseableExecutorService(Executors.newSingleThreadExecutor(f),
     * true)}) lives as long as the object made with it, which owns it: whether it is kept (a field, a factory's
     * return, a {@code this(...)} argument of a constructor) or dropped per call is that object's question, as a Go
     * value inside a composite literal is the literal's. The outermost such construction, through builder chains and
     * conditionals.
     */
    private SyntaxNode owner(SyntaxNode top) {
        SyntaxNode cur = top;
        for (int depth = 0; depth < 8; depth++) {
            SyntaxNode args = cur.getParent();
            if (!args.getType().equals("argument_list")
                    || !args.getParent().getType().equals("object_creation_expression")) {
                return cur;
            }
            cur = KeptByReturn.throughChoice(helper.chain(args.getParent(), null, null));
        }
        return cur;
    }

    /** Go: a call's arguments, or the call, whose result is an element of a composite literal. */
    private static boolean wrapsInto(SyntaxNode p) {
        SyntaxNode call = p.getType().equals("argument_list") ? p.getParent() : p;
        return call.getType().equals("call_expression") && LITERAL_PARTS.contains(call.getParent().getType());
    }

    private static final Set<String> LITERAL_PARTS = Set.of("keyed_element", "literal_element", "literal_value",
            "composite_literal", "unary_expression");

    /**
     * Java: a call on a type other than the method's own class ({@code MediaType.get("application/json")} in a
     * static initialiser, {@code Duration.of(...)}): a static method of that type that only shares the name, not a
     * call of this method.
     */
    private boolean staticOfOtherType(SyntaxNode call, SyntaxNode self) {
        SyntaxNode object = call.getChildByFieldName("object");
        if (object == null || object.isNull() || !object.getType().equals("identifier")) {
            return false;
        }
        String qualifier = text(object);
        if (qualifier.isEmpty() || !Character.isUpperCase(qualifier.charAt(0))) {
            return false;
        }
        for (SyntaxNode p = self.getParent(); !p.isNull(); p = p.getParent()) {
            if (p.getType().endsWith("_declaration") && !p.getChildByFieldName("name").isNull()
                    && text(p.getChildByFieldName("name")).equals(qualifier)) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the function is called, and every call is itself in a one-time context: anywhere in the checkout
     * when the review has one, otherwise in this file.
     */
    private boolean allCallersOneTime(String name, SyntaxNode self) {
        if (name.isEmpty()) {
            return false;
        }
        Boolean checkout = callers.allOneTime(name, go, go && self.getType().equals("method_declaration"), path,
                new String(src, StandardCharsets.UTF_8));
        if (checkout != null) {
            return checkout;
        }
        if (calls == null) {
            calls = once.calls(Timeouts.root(self));
        }
        int seen = 0;
        for (SyntaxNode c : calls) {
            String callee = once.callee(c);
            if (!callee.equals(name) && !callee.endsWith("." + name) || !go && staticOfOtherType(c, self)) {
                continue;
            }
            seen++;
            if (!once.oneTimeCall(c)) {
                return false;
            }
        }
        return seen > 0;
    }
}
