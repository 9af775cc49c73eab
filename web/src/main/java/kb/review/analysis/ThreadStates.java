package kb.review.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import kb.review.analysis.Lifecycle.Acquisition;

/**
 * Per-thread state (a {@code ThreadLocal}, MDC or ThreadContext entries): which acquisition a call makes when the
 * model's duty is per key, and when a set is a holder's half of a pair whose other half runs elsewhere.
 */
final class ThreadStates {

    private ThreadStates() {
    }

    /** The model an acquiring call {@code e} binds: for a keyed model, the one for the call's first argument. */
    static Model bind(Model m, Expression e) {
        if (m.keyed() && e instanceof MethodCallExpr call && call.getArguments().isNonEmpty()) {
            return m.forKey(call.getArgument(0).toString());
        }
        return m;
    }

    /**
     * True when the set at {@code a} is one half of a pair whose release is in another method of the same class (a
     * holder with set/clear, an interceptor's preHandle/afterCompletion, a filter's before/after hooks), or of any
     * class in the file when the value is a qualified holder ({@code Holder.CURRENT}); the callers then own the
     * pairing. Not when the method that sets it also releases it on some path after the set (the duty is then its
     * own, on every path), and not when the only other release is in {@code postHandle}, which is skipped when the handler throws.
     * A method whose body is only the set is a setter: the duty is its callers' (see {@link #holderSet}).
     */
    static boolean releasedElsewhere(Node root, Acquisition a) {
        var release = a.model().releasePattern(a.var());
        Node at = a.at().ast instanceof Node n ? n : null;
        Node own = at == null ? null : at.findAncestor(CallableDeclaration.class).map(c -> (Node) c)
                .or(() -> at.findAncestor(LambdaExpr.class)).orElse(null);
        if (own == null || releasesAfterSet(own, at, release)) {
            return false;
        }
        if (own instanceof com.github.javaparser.ast.body.MethodDeclaration md && md.getBody()
                .filter(b -> b.getStatements().size() == 1 && b.getStatement(0) == at).isPresent()
                && !frameworkHook(md)) {
            return true; // a setter that only sets it (a holder's set(x)): its callers own the pairing
        }
        Node scope = a.var().contains(".") ? root : outermostType(at).orElse(root);
        MethodCallExpr set = at.findFirst(MethodCallExpr.class).orElse(null);
        for (CallableDeclaration<?> c : scope.findAll(CallableDeclaration.class)) {
            if (c != own && !c.isAncestorOf(own) && !c.getNameAsString().equals("postHandle")
                    && release.matcher(c.toString()).find() && !setsToo(c, set, a.model().boundToKey())) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the set at {@code a} is in a {@code finally} block of its own method: there it puts back the state the
     * method found ({@code MDC.setContextMap(previous)}, {@code CURRENT.set(outer)}), which is the caller's again.
     */
    static boolean restores(Acquisition a) {
        Node at = a.at().ast instanceof Node n ? n : null;
        for (Node p = at == null ? null : at.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?> || p instanceof LambdaExpr) {
                return false;
            }
            if (p instanceof com.github.javaparser.ast.stmt.TryStmt t
                    && t.getFinallyBlock().filter(f -> f.isAncestorOf(at)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the method overrides a callback not named like a setter ({@code filter}, {@code run},
     * {@code doFilter}): the framework calls it and pairs nothing with it, so a set that is its whole body is its own
     * duty, not a holder's setter left to its callers.
     */
    private static boolean frameworkHook(com.github.javaparser.ast.body.MethodDeclaration md) {
        return md.isAnnotationPresent("Override") && !SETTER.matcher(md.getNameAsString()).matches();
    }

    /**
     * True when {@code own} releases the value where that can follow the set at {@code at}. A release written before
     * the set (clearing a stale value first) or on the other branch of an {@code if} that holds the set (put when a
     * value is there, remove when it is not) leaves the set to be paired elsewhere.
     */
    private static boolean releasesAfterSet(Node own, Node at, Pattern release) {
        var setAt = at.getBegin().orElse(null);
        for (MethodCallExpr r : own.findAll(MethodCallExpr.class)) {
            if (!release.matcher(r.toString()).find()) {
                continue;
            }
            boolean before = setAt != null && r.getBegin().map(b -> b.isBefore(setAt)).orElse(false);
            if (!before && !onOtherBranch(r, at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean onOtherBranch(Node release, Node set) {
        for (Node n = release.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof IfStmt i && i.getElseStmt().isPresent()) {
                Node then = i.getThenStmt();
                Node otherwise = i.getElseStmt().get();
                if (then.isAncestorOf(release) && otherwise.isAncestorOf(set)
                        || otherwise.isAncestorOf(release) && then.isAncestorOf(set)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when {@code c} makes the same set itself (it then pairs its own set, not this one's). */
    private static boolean setsToo(CallableDeclaration<?> c, MethodCallExpr set, boolean keyed) {
        if (set == null) {
            return false;
        }
        String scope = set.getScope().map(Object::toString).orElse("");
        String key = keyed && set.getArguments().isNonEmpty() ? set.getArgument(0).toString() : "";
        return c.findAll(MethodCallExpr.class).stream().anyMatch(m -> m.getNameAsString().equals(set.getNameAsString())
                && m.getScope().map(Object::toString).orElse("").equals(scope)
                && (key.isEmpty() || m.getArguments().isNonEmpty() && m.getArgument(0).toString().equals(key)));
    }

    /** Calls that end another value's duty: cleanup steps, treated as not throwing (see {@link LifecycleFacts#quiet}). */
    private static final Set<String> CLEANUP = Set.of("close", "closeQuietly", "closeSilently", "release", "remove",
            "clear", "rollback", "shutdown", "shutdownNow", "disconnect", "destroy", "dispose", "unlock");

    /**
     * True when, for a resource or per-thread state, the statement at {@code n} is a cleanup call on a name or a field
     * ({@code rs.close()}, {@code closeQuietly(ps)}) or a local initialised by a getter of the value itself
     * ({@code EntityTransaction tx = em.getTransaction()}); or, for per-thread state, sets more of it
     * ({@code MDC.put(k, v)} before the try whose finally removes both). A transaction keeps every exception edge: a
     * close that throws before its rollback is a real way to skip it.
     */
    static boolean quiet(Cfg.Node n, Acquisition a, List<Acquisition> acquiredThere) {
        if (!(n.ast instanceof ExpressionStmt es)) {
            return false;
        }
        if (es.getExpression() instanceof com.github.javaparser.ast.expr.VariableDeclarationExpr d
                && d.getVariables().size() == 1 && d.getVariable(0).getInitializer().orElse(null)
                instanceof MethodCallExpr get && get.getArguments().isEmpty() && get.getNameAsString().startsWith("get")
                && get.getScope().filter(sc -> sc.isNameExpr() && sc.toString().equals(a.var())).isPresent()) {
            return true; // a getter on the value itself (em.getTransaction(), conn.getMetaData()) before its try
        }
        if (!(es.getExpression() instanceof MethodCallExpr call)) {
            return false;
        }
        String kind = a.model().kind();
        if (kind.equals("thread-local") && acquiredThere.stream().anyMatch(o -> o.model().kind().equals(kind))) {
            return true;
        }
        return !kind.equals("transaction") && CLEANUP.contains(call.getNameAsString())
                && call.getScope().map(sc -> sc.isNameExpr() || sc.isFieldAccessExpr() || sc.isThisExpr()).orElse(true)
                && call.getArguments().stream().allMatch(x -> x.isNameExpr() || x.isLiteralExpr()
                        || x.isFieldAccessExpr());
    }

    private static final Pattern SETTER = Pattern.compile("^(set|put|bind|begin|enter|push|init|start)\\w*$");
    private static final Pattern SETS = Pattern.compile("\\.set\\s*\\(|\\b(MDC|ThreadContext)\\.put\\s*\\(");
    private static final Pattern CLEARS = Pattern.compile(
            "\\.remove\\s*\\(\\s*\\)|\\b(MDC|ThreadContext)\\.(remove|clear|clearMap|clearAll)\\s*\\(");
    private static final List<String> CLEARING = List.of("clear", "remove", "reset", "unset", "unbind", "clean",
            "cleanup", "close", "end", "exit", "pop", "release");

    /**
     * The duty a call to a visible holder's static setter starts ({@code TenantContext.set(id)} whose body sets a
     * thread-local or MDC entry and removes nothing): a thread-local model on the holder class, ended by a call of
     * the holder's clearing method ({@code TenantContext.clear()}, {@code clearTenant()}, any of {@link #CLEARING} or
     * one named after the setter) whose body removes it. Null when the holder or its clearing method is not visible.
     */
    static Model holderSet(MethodCallExpr call, Summaries summaries, Model threadLocal) {
        String name = call.getNameAsString();
        Expression scope = call.getScope().orElse(null);
        if (threadLocal == null || scope == null || !scope.isNameExpr() || !SETTER.matcher(name).matches()) {
            return null;
        }
        String holder = Printed.of(scope);
        if (!Character.isUpperCase(holder.charAt(0))) {
            return null;
        }
        List<Summaries.Function> setters = summaries.members(holder, name);
        if (setters.isEmpty() || !setters.stream().allMatch(f -> SETS.matcher(f.body()).find()
                && !CLEARS.matcher(f.body()).find())) {
            return null;
        }
        String suffix = name.replaceFirst("^(set|put|bind|begin|enter|push|init|start)", "");
        List<String> releases = new java.util.ArrayList<>();
        for (String c : CLEARING) {
            for (String r : suffix.isEmpty() ? List.of(c) : List.of(c, c + suffix)) {
                if (summaries.members(holder, r).stream().anyMatch(f -> CLEARS.matcher(f.body()).find())) {
                    releases.add("{v}." + r + "()");
                }
            }
        }
        return releases.isEmpty() ? null : new Model(threadLocal.id(), "java", "thread-local",
                "{v} (set by " + name + ")", threadLocal.verb(), threadLocal.acquires(), releases,
                threadLocal.borrows(), false, threadLocal.source() + "#" + holder + "." + name);
    }

    /** A class named as a per-thread holder: {@code SecurityContextHolder}, {@code TenantThreadLocal}, {@code ThreadContext}. */
    private static final Pattern HOLDER_CLASS = Pattern.compile("(Holder|ThreadLocals?|ThreadContext)$");
    /** A setter named after per-thread state: {@code setThreadLocals}, {@code setCurrentTenant}, {@code bindCurrent}. */
    private static final Pattern THREAD_SETTER = Pattern.compile("^(set|bind|push)\\w*(ThreadLocal|Current(?![a-z])"
            + "(?!" + CurrentValues.WORDS + "(?![a-z])))\\w*$");
    private static final Pattern ANY_SETTER = Pattern.compile("^(set|bind|push)\\w*$");
    /**
     * A context class that keeps its current instance per thread behind a static setter named after itself
     * ({@code RequestContext.setRequestContext(ctx)}, {@code BroadleafRequestContext.setBroadleafRequestContext}):
     * the setter's name says it stores an instance of its own class for later static reads, which per request is a
     * thread-local. Only in a method given a request, an exchange or a chain to pass it on: a worker thread of its
     * own that overwrites its context on every turn pins nothing another request could see.
     */
    private static final Pattern OWN_CONTEXT = Pattern.compile("[a-z]Context$");
    /**
     * What makes a method a step of a request's handling (its header may be cut off by the hunk): a parameter typed
     * as the request, its exchange or the chain, or a request or chain passed on in its body.
     */
    private static final Pattern REQUEST_STEP = Pattern.compile("\\b\\w*(?:Request|Exchange|Chain|Invocation)\\s+\\w+\\s*[,)]"
            + "|\\b(?:chain|filterChain)\\s*\\.\\s*\\w+\\s*\\(|[(,]\\s*(?:request|req|exchange)\\s*[,)]");

    /**
     * The duty a static setter of a project's own per-thread holder starts when the review cannot see the holder (its
     * class is in no file of the change or the checkout): {@code DataSourceContextHolder.setDataSource(key)},
     * {@code TenantHolder.set(id)}, {@code ServletRequest.setThreadLocals(req, ctx)}, {@code
     * RequestContext.setCurrent(r)}. Known by its names alone: a class named as a holder (see {@link #HOLDER_CLASS})
     * with a setter, or any class with a setter named after per-thread state. Ended by a call on the same class of a
     * method named for clearing ({@link #CLEARING}, with any suffix: {@code clearDataSource()},
     * {@code resetRequestAttributes()}). A guess: the finding is marked low confidence. Null when the call is no such
     * setter, or when the holder is visible ({@link #holderSet} judges it by its body).
     */
    static Model namedHolderSet(MethodCallExpr call, Summaries summaries, Model threadLocal) {
        Expression scope = call.getScope().orElse(null);
        if (threadLocal == null || scope == null || !scope.isNameExpr()) {
            return null;
        }
        String name = call.getNameAsString();
        String holder = Printed.of(scope);
        if (call.getArguments().isEmpty() && Character.isLowerCase(holder.charAt(0))
                && SELF_INSTALL.matcher(name).matches()) {
            return new Model(threadLocal.id(), "java", "thread-local", "{v} (set by " + name + ")", threadLocal.verb(),
                    threadLocal.acquires(), SELF_RELEASES, threadLocal.borrows(), false,
                    threadLocal.source() + "#" + name + SELF);
        }
        boolean ownInstance = OWN_CONTEXT.matcher(holder).find() && name.equals("set" + holder)
                && call.findAncestor(CallableDeclaration.class).filter(c -> REQUEST_STEP.matcher(c.toString()).find())
                        .isPresent();
        if (!Character.isUpperCase(holder.charAt(0)) || call.getArguments().isEmpty()
                || CurrentValues.processWide(holder)
                || call.getArgument(0).isNullLiteralExpr()
                || !(THREAD_SETTER.matcher(name).matches() || ownInstance
                || HOLDER_CLASS.matcher(holder).find() && ANY_SETTER.matcher(name).matches()
                || ANY_SETTER.matcher(name).matches() && HolderPairs.clearedBelow(call, holder))
                || !summaries.members(holder, name).isEmpty()) {
            return null;
        }
        List<String> releases = new java.util.ArrayList<>();
        for (String c : CLEARING) {
            releases.add("{v}." + c + "{*}()");
        }
        releases.add("{v}." + name + "(null)"); // the setter given null: a clear, if a poor one
        return new Model(threadLocal.id(), "java", "thread-local", "{v} (set by " + name + ")", threadLocal.verb(),
                threadLocal.acquires(), releases, threadLocal.borrows(), false,
                threadLocal.source() + "#" + holder + "." + name);
    }

    /**
     * Session 46: a value that installs itself as the thread's current one, named for it and given nothing
     * ({@code context.setAsThreadLocal()}, {@code session.bindToThread()}): a holder's setter seen from the value's
     * side, whose thread-local is as much the pooled thread's after the request as a holder's (round 83's service
     * context left on the thread by a filter; the class of Ahoo-Wang/CoSec#779 and ops4j/org.ops4j.pax.cdi#165:
     * per-request state bound to the thread and never cleared). Ended by a clearing call named for the thread on the
     * value or its class ({@code ServiceContext.clearAsThreadLocal()}, {@code session.unbindFromThread()}).
     */
    private static final Pattern SELF_INSTALL = Pattern.compile(
            "^(?:set|bind|attach|install)(?:As|To|On)?(?:Current)?(?:ThreadLocal|Thread)s?$");
    private static final String SELF = "@self";

    /**
     * True when {@code m} is a value's own install on the thread: its clearing call may name only the value's class
     * ({@code AppContext.clearThread()}), not the variable the review follows.
     */
    static boolean selfInstalled(Model m) {
        return m.source().endsWith(SELF);
    }

    private static final List<String> SELF_RELEASES = List.of("{*}.clear{*}Thread{*}()", "{*}.remove{*}Thread{*}()",
            "{*}.unset{*}Thread{*}()", "{*}.reset{*}Thread{*}()", "{*}.unbind{*}Thread{*}()",
            "{*}.detach{*}Thread{*}()");

    private static Optional<Node> outermostType(Node n) {
        Node found = null;
        for (Node p = n; p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof TypeDeclaration<?>) {
                found = p;
            }
        }
        return Optional.ofNullable(found);
    }
}
