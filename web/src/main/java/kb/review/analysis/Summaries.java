package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import kb.review.analysis.Callees.Context;
import kb.review.analysis.Callees.Target;

/**
 * What the functions visible to the review do, computed once per function and used where they are called: which
 * parameters they release, whether they recover from a panic (Go), whether they catch every exception (Java).
 * Functions in the change (and, in repo mode, beside it) are found by simple name; when two share a name, the answer
 * must hold for both. With a checkout, a helper declared elsewhere in it is found from the call
 * ({@link CheckoutHelpers}): a Go {@code pkg.F(x)} through the file's imports, a Go method through the receiver's
 * declared type, a Java {@code Type.m(x)} or {@code field.m(x)} through the declaring class. For that, detectors ask
 * the view of one file ({@link #in}), with its declared types ({@link #typed}). A call found nowhere is an unknown
 * helper.
 */
public final class Summaries extends VisibleFunctions {

    /**
     * A function seen in the change or the checkout.
     *
     * @param params the parameter names in order
     * @param body   the text of the body
     * @param owner  a Go method's receiver type or a Java method's class; null for a Go function
     * @param file   the path of the file declaring it, or null
     * @param variadic the last parameter takes every remaining argument ({@code AutoCloseable... xs}, {@code xs ...io.Closer})
     * @param results  Go: the declared results as written ({@code (*http.Response, error)}), or null; Java, for a
     *                 method declared without a body ({@code body} null): its declared return type as written
     */
    public record Function(String name, List<String> params, String body, String owner, String file,
                           boolean variadic, String results) {

        public Function(String name, List<String> params, String body) {
            this(name, params, body, null, null, false, null);
        }

        public Function(String name, List<String> params, String body, String owner, String file, boolean variadic) {
            this(name, params, body, owner, file, variadic, null);
        }
    }

    private static final Pattern RECOVER = Pattern.compile("\\brecover\\s*\\(\\s*\\)");
    private static final Pattern CALL = Pattern.compile("([\\w.]+)\\s*\\(([^()]*)\\)");
    private static final Pattern DEFERRED = Pattern.compile("\\bdefer\\s+([\\w.]+)\\s*\\(");

    private final Map<String, Boolean> releases;
    private final Map<String, Boolean> recovers;
    private final Map<String, Boolean> keeps;
    /** {@link GoFactories#returnedNew} by body and pool models, known so far (see {@link #builtAnew}). */
    private final Map<BuiltKey, java.util.Optional<TimeoutModel>> builtAnew;

    public Summaries(List<Function> functions, Models models) {
        this(functions, models, Checkout.NONE);
    }

    /** The same, with what the review can learn from the checkout the functions come from. */
    public Summaries(List<Function> functions, Models models, Checkout checkout) {
        super(functions, models, checkout);
        this.releases = new ConcurrentHashMap<>();
        this.recovers = new ConcurrentHashMap<>();
        this.keeps = new ConcurrentHashMap<>();
        this.builtAnew = new ConcurrentHashMap<>();
    }

    private Summaries(Summaries shared, Context context) {
        super(shared, context);
        this.releases = shared.releases;
        this.recovers = shared.recovers;
        this.keeps = shared.keeps;
        this.builtAnew = shared.builtAnew;
    }

    /** The view from the file at {@code path}: its calls resolve through its imports and package. */
    public Summaries in(String path, String text) {
        return new Summaries(this, new Context(path, text, Map.of(), null));
    }

    /**
     * The same view knowing the declared types of the file's names ({@code tx → *store.Tx}) and, for Java, how to
     * qualify a type name (the symbol solver; null: by the file's imports alone).
     */
    Summaries typed(Map<String, String> types, UnaryOperator<String> qualify) {
        Context c = context == null ? new Context(null, null, types, qualify)
                : new Context(context.path(), context.text(), types, qualify);
        return new Summaries(this, c);
    }

    public static Summaries none(Models models) {
        return new Summaries(List.of(), models);
    }

    /** The simple name a callee text ends with: {@code s.store.closeAll} gives {@code closeAll}. */
    public static String simpleName(String callee) {
        int dot = callee.lastIndexOf('.');
        return dot < 0 ? callee : callee.substring(dot + 1);
    }

    /**
     * The model of a value {@code f} builds anew and returns on every call, among {@code pools}
     * ({@link GoFactories#returnedNew}), remembered for the whole review: every Go file of the change asks it of the
     * same functions. Null when there is none, and when it is not known yet and {@code wanted} says false (the body
     * is then not read, as before the answer was remembered).
     */
    /**
     * A body and the pool models it was read for. The models are compared as objects (the rule book's), not by value:
     * hashing them by value, every function times every file, cost more than reading the bodies. The same models in
     * a new list (each file filters them afresh) are the same key.
     */
    private record BuiltKey(String body, List<TimeoutModel> pools) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof BuiltKey k) || !body.equals(k.body) || pools.size() != k.pools.size()) {
                return false;
            }
            for (int i = 0; i < pools.size(); i++) {
                if (pools.get(i) != k.pools.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = body.hashCode();
            for (TimeoutModel m : pools) {
                h = 31 * h + System.identityHashCode(m);
            }
            return h;
        }
    }

    TimeoutModel builtAnew(Function f, List<TimeoutModel> pools, java.util.function.BooleanSupplier wanted) {
        BuiltKey key = new BuiltKey(f.body(), pools);
        java.util.Optional<TimeoutModel> known = builtAnew.get(key);
        if (known == null) {
            if (!wanted.getAsBoolean()) {
                return null;
            }
            known = builtAnew.computeIfAbsent(key,
                    k -> java.util.Optional.ofNullable(GoFactories.returnedNew(f.body(), pools)));
        }
        return known.orElse(null);
    }

    /**
     * True when the function {@code callee} releases its {@code arg}-th argument on some path (closes it, cancels
     * it, ends it, or hands it to another function that does), for the models of {@code language}.
     */
    public boolean releasesArgument(String callee, int arg, String language) {
        Target t = callees.target(callee, context);
        return t != null && releasesArgument(t, arg, language, 3);
    }

    private boolean releasesArgument(Target t, int arg, String language, int depth) {
        Boolean known = releases.get(t.key() + "#" + arg + "#" + language);
        if (known != null) {
            return known;
        }
        boolean r = depth > 0 && computeReleases(t, arg, language, depth);
        releases.putIfAbsent(t.key() + "#" + arg + "#" + language, r);
        return r;
    }

    private boolean computeReleases(Target t, int arg, String language, int depth) {
        for (Function f : t.functions()) {
            int at = f.variadic() ? Math.min(arg, f.params().size() - 1) : arg;
            if (at < 0 || at >= f.params().size()) {
                return false;
            }
            String p = f.params().get(at);
            String element = f.variadic() && at == f.params().size() - 1 ? Elements.loopVariable(f.body(), p) : null;
            boolean any = false;
            String code = CodeText.withoutComments(f.body()); // a release in a comment is none
            for (Model m : models.resources(language)) {
                if (m.releasePattern(p).matcher(code).find()
                        || element != null && m.releasePattern(element).matcher(code).find()) {
                    any = true;
                    break;
                }
            }
            if (!any && !passesOn(f, p, language, depth)) {
                return false;
            }
        }
        return true;
    }

    /** True when the body hands {@code p} to another function the review can see that releases it. */
    private boolean passesOn(Function f, String p, String language, int depth) {
        var m = CALL.matcher(f.body());
        Context home = null;
        while (m.find()) {
            String[] args = m.group(2).split(",");
            for (int i = 0; i < args.length; i++) {
                String a = args[i].strip();
                if (a.equals(p) || a.startsWith(p + ".")) {
                    home = home == null ? home(f) : home;
                    Target next = callees.target(m.group(1), home);
                    if (next != null && releasesArgument(next, i, language, depth - 1)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * True when the function keeps its {@code arg}-th argument beyond the call, and so takes it over: returns it,
     * stores it in a field, a struct or a collection, sends it on a channel, or wraps it in a new object
     * ({@code return &Client{conn: conn}}, {@code this.in = in}). Such a helper is a constructor or a registry, not a
     * borrower.
     */
    public boolean keepsArgument(String callee, int arg) {
        Target t = callees.target(callee, context);
        if (t == null) {
            return false;
        }
        Boolean known = keeps.get(t.key() + "#" + arg);
        if (known != null) {
            return known;
        }
        boolean r = t.functions().stream().anyMatch(f -> arg < f.params().size()
                && ArgumentUse.keeps(f.body(), f.params().get(arg)));
        keeps.putIfAbsent(t.key() + "#" + arg, r);
        return r;
    }

    /** True when the function recovers from a panic: calls recover(), or a model or visible recoverer. */
    public boolean recovers(String callee) {
        Target t = callees.target(callee, context);
        return t != null && recovers(t, 3);
    }

    private boolean recovers(Target t, int depth) {
        Boolean known = recovers.get(t.key());
        if (known != null) {
            return known;
        }
        java.util.function.Predicate<Function> recoversIn = f -> InlineGuards.recovers(f.body(), // a per-run guard covers its literal only
                level -> RECOVER.matcher(level).find() || deferredRecoverer(level, f, depth));
        boolean r = depth > 0 && allParts(t.functions(), recoversIn, recoversIn);
        recovers.putIfAbsent(t.key(), r);
        return r;
    }

    private boolean deferredRecoverer(String body, Function f, int depth) {
        var m = DEFERRED.matcher(body);
        while (m.find()) {
            String callee = m.group(1);
            Target next = isModelRecoverer(callee) ? null : callees.target(callee, home(f));
            if (isModelRecoverer(callee) || next != null && recovers(next, depth - 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the function's own panics cannot escape it: it recovers, or its body runs the program's code only
     * through calls to functions that are guarded in turn ({@link GoGuardedBodies}). Not a recoverer for a
     * {@code defer}: a recover works only when the deferred function calls it itself.
     */
    public boolean guarded(String callee) {
        Target t = callees.target(callee, context);
        return t != null && guarded(t, 3);
    }

    private boolean guarded(Target t, int depth) {
        if (recovers(t, 3)) {
            return true;
        }
        if (depth <= 0 || t.functions().isEmpty()) {
            return false;
        }
        java.util.function.Predicate<Function> defers = f -> GoGuardedBodies.defersUnseenRecoverer(f.body(),
                c -> isModelRecoverer(c) || callees.target(c, home(f)) != null);
        return allParts(t.functions(), defers, f -> defers.test(f) || GoGuardedBodies.runsOnlyGuardedWork(f.body(),
                c -> {
                    Target next = callees.target(c, home(f));
                    return next != null && guarded(next, depth - 1);
                }));
    }

    /**
     * True when every function of the target is guarded, where the parts of one function count as one: a diff that
     * shows a Go function in several runs (its first lines in one hunk, the rest in later hunks whose header names it
     * again) gives one declaration per run, all in the same file, of the same receiver type and name, which Go allows
     * only once. A recover deferred in one part ({@code anyPart}) guards the whole body; a guard that reads the work
     * ({@code eachPart}: only guarded calls) must hold in every part. Set 17's and 18's DZ: `defer
     * slogutil.RecoverAndLog(ctx, l)` at the top of a goroutine's method whose loop a later hunk edits.
     */
    private static boolean allParts(List<Function> functions, java.util.function.Predicate<Function> anyPart,
                                    java.util.function.Predicate<Function> eachPart) {
        Map<String, List<Function>> byFunction = new java.util.LinkedHashMap<>();
        for (Function f : functions) {
            byFunction.computeIfAbsent(f.file() + "|" + f.owner() + "|" + f.name(), k -> new ArrayList<>()).add(f);
        }
        return byFunction.values().stream().allMatch(parts -> parts.stream().anyMatch(anyPart)
                || parts.stream().allMatch(eachPart));
    }

    /** True when a library model names {@code callee} as a function that recovers. */
    public boolean isModelRecoverer(String callee) {
        return models.recovers().stream().anyMatch(p -> p.matcher(callee).find());
    }

    /** True when a model names {@code callee} as a logging call (it reads its arguments, never ends them). */
    boolean isLogger(String callee) {
        return models.loggers().stream().anyMatch(p -> p.matcher(callee).find());
    }

    /** True when the models say a call to {@code callee} cannot throw (a logger, a metric). */
    boolean neverThrows(String callee) {
        return models.neverThrows().stream().anyMatch(p -> p.matcher(callee).find());
    }

    /**
     * True when the function's body catches Exception, RuntimeException or Throwable and does not rethrow (Java), for
     * a call with {@code arity} arguments: declarations of that name that cannot take that many (an
     * overload, {@code send()} beside {@code send(id, emitter)}) are not the callee. When none can, or the arity is
     * unknown (-1), every declaration of the name must catch everything.
     */
    public boolean catchesAll(String callee, int arity) {
        Target t = callees.target(callee, context);
        if (t == null) {
            return false;
        }
        List<Function> fs = t.functions();
        if (arity >= 0) {
            List<Function> fit = fs.stream().filter(f -> f.variadic() ? f.params().size() - 1 <= arity
                    : f.params().size() == arity).toList();
            fs = fit.isEmpty() ? fs : fit;
        }
        return fs.stream().allMatch(f -> CatchAlls.swallows(f.body()));
    }
}
