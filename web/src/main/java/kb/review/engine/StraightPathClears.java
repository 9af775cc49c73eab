package kb.review.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.Position;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CONC-04 read from the clean-up the code itself writes: a per-thread value (an MDC or ThreadContext key, a
 * {@code ThreadLocal}, a tenant or security context held by a static holder class) cleared by a call that is not in a
 * {@code finally}, with a call that may throw (or a return) between the set and the clear. The author knows the value
 * must go (the clear is there); where it stands decides whether it goes on every path: an exception of the work it
 * brackets, or an early return, skips it, and the pooled thread serves its next request with this one's tenant, user,
 * log keys or deadline. The pair is the evidence, whatever the holder is called: {@code MDC.put(k)}/{@code remove(k)},
 * {@code x.set(v)}/{@code x.remove()} (a declared ThreadLocal, or the pair itself), {@code Holder.startX()}/{@code
 * endX()} on a class named as a context or holder. Without the set in sight, only a declared ThreadLocal's or the MDC's
 * clear written inside a try body after its work ("cleared on success only") is taken. Left alone: a clear in a
 * {@code finally} or a catch (or a twin of it there), a try-with-resources scope, a set whose clear is in another
 * method (interceptors' preHandle/afterCompletion), a bracket of nothing but logging, and a program's {@code main}.
 * Where an older CONC-04 rule names the same line, its finding stands ({@link BackstopDuplicates}).
 */
final class StraightPathClears {

    /** Per-thread logging contexts: their keyed removals and whole clears. */
    private static final Pattern LOG_CONTEXT = Pattern.compile("MDC|ThreadContext|NDC");
    private static final Set<String> LOG_CLEARS = Set.of("remove", "clear", "clearMap", "clearAll", "removeAll",
            "clearStack");
    /** A static holder of per-thread state by its class name ({@code PrivilegedCarbonContext}, {@code UserHolder}). */
    private static final Pattern HOLDER = Pattern.compile("[A-Z]\\w*(?:Context|ContextHolder|Holder)");
    private static final Pattern HOLDER_CLEAR = Pattern.compile("(?:end|clear|remove|reset|unset|unbind|pop)\\w*");
    private static final Pattern HOLDER_SET = Pattern.compile("(?:start|set|put|push|bind|begin)\\w*");
    /** Calls that do not throw in practice: logging, getters and formatting. */
    private static final Pattern QUIET_SCOPE = Pattern.compile("(?i)(?:log|logger|_?log|audit_?log|MDC|ThreadContext)");
    private static final Pattern QUIET_NAME = Pattern.compile(
            "(?:get|is|has)[A-Z]\\w*|get|toString|valueOf|format|size|length|isEmpty|equals|hashCode|trace|debug|info"
                    + "|warn|error|currentThread|currentTimeMillis|nanoTime|of|asList|emptyList|requireNonNull");

    private StraightPathClears() {
    }

    static boolean mayApply(String text) {
        return text.contains(".remove(") || text.contains(".clear") || text.contains(".end")
                || text.contains(".reset") || text.contains(".set(null)");
    }

    static List<JavaChecks.Report> check(Node root, boolean wholeFile) {
        Set<String> threadLocals = new HashSet<>();
        for (VariableDeclarator vd : root.findAll(VariableDeclarator.class)) {
            if (vd.getType().asString().matches("(?:Inheritable|Fast)?ThreadLocal\\b.*")
                    || vd.getInitializer().map(i -> i.toString().contains("ThreadLocal")).orElse(false)) {
                threadLocals.add(vd.getNameAsString());
            }
        }
        List<JavaChecks.Report> out = new ArrayList<>();
        Set<Node> reported = new HashSet<>();
        for (MethodCallExpr clear : root.findAll(MethodCallExpr.class)) {
            String scope = clear.getScope().map(StraightPathClears::lastName).orElse(null);
            if (scope == null || clear.getBegin().isEmpty() || !isClear(clear, scope, threadLocals)
                    || within(clear, CatchClause.class) || inFinally(clear)) {
                continue;
            }
            Node body = JavaChecks.callable(clear).orElse(null);
            if (body == null || startUp(body) || twinInFinallyOrCatch(body, clear)) {
                continue;
            }
            MethodCallExpr set = setBefore(body, clear, scope);
            Node from;
            if (set != null) {
                from = set;
            } else {
                // no set in sight: only a known per-thread value, cleared inside a try body after the work it guards
                TryStmt t = tryBodyAround(clear);
                if (t == null || !(threadLocals.contains(scope) || LOG_CONTEXT.matcher(scope).matches())) {
                    continue;
                }
                from = t.getTryBlock();
            }
            if (mayLeaveBetween(body, from, clear, scope, set != null)) {
                Node at = set != null ? set : clear;
                if (reported.add(at)) {
                    out.add(JavaChecks.Report.at(at, false));
                }
            }
        }
        return out;
    }

    /**
     * A program's {@code static main}: it runs on the main thread, which no pool hands to a next request, so a value
     * left there on an exception leaks into nothing (the process is ending or the value is the start-up's own).
     */
    private static boolean startUp(Node body) {
        return body instanceof MethodDeclaration m && m.isStatic() && m.getNameAsString().equals("main");
    }

    private static boolean isClear(MethodCallExpr c, String scope, Set<String> threadLocals) {
        String name = c.getNameAsString();
        if (LOG_CONTEXT.matcher(scope).matches()) {
            return LOG_CLEARS.contains(name);
        }
        if (name.equals("remove") && c.getArguments().isEmpty()) {
            return true; // a ThreadLocal's, declared or paired with its set below
        }
        if (name.equals("set") && c.getArguments().size() == 1 && c.getArgument(0) instanceof NullLiteralExpr) {
            return threadLocals.contains(scope);
        }
        return c.getArguments().isEmpty() && HOLDER.matcher(scope).matches()
                && HOLDER_CLEAR.matcher(name).matches();
    }

    /** The set this clear undoes, earlier in the same callable; null when none is in sight. */
    private static MethodCallExpr setBefore(Node body, MethodCallExpr clear, String scope) {
        Position at = clear.getBegin().get();
        String name = clear.getNameAsString();
        boolean log = LOG_CONTEXT.matcher(scope).matches();
        boolean holder = !log && HOLDER.matcher(scope).matches() && !name.equals("remove") && !name.equals("set");
        MethodCallExpr found = null;
        for (MethodCallExpr s : body.findAll(MethodCallExpr.class)) {
            if (s.getBegin().isEmpty() || !s.getBegin().get().isBefore(at)
                    || JavaChecks.callable(s).orElse(null) != body
                    || !s.getScope().map(StraightPathClears::lastName).orElse("").equals(scope)) {
                continue;
            }
            String n = s.getNameAsString();
            boolean pairs;
            if (log) {
                pairs = n.equals("put") && (!name.equals("remove") || clear.getArguments().size() == 1
                        && s.getArguments().size() >= 1
                        && s.getArgument(0).toString().equals(clear.getArgument(0).toString()));
            } else if (holder) {
                pairs = HOLDER_SET.matcher(n).matches() && !n.equals(name);
            } else {
                pairs = n.equals("set") && s.getArguments().size() == 1
                        && !(s.getArgument(0) instanceof NullLiteralExpr);
            }
            if (pairs) {
                found = s;
            }
        }
        return found;
    }

    /**
     * A way out of the callable between {@code from} and the clear that skips the clear: a call that may throw (not
     * the holder's own calls, logging or getters), a {@code throw}, or a {@code return} (the clear's own excepted).
     */
    private static boolean mayLeaveBetween(Node body, Node from, MethodCallExpr clear, String scope, boolean paired) {
        Position start = from.getEnd().orElse(from.getBegin().get());
        Position end = clear.getBegin().get();
        for (Node n : body.findAll(Node.class, x -> x instanceof MethodCallExpr || x instanceof ObjectCreationExpr
                || x instanceof ThrowStmt || x instanceof ReturnStmt)) {
            if (n.getBegin().isEmpty() || !n.getBegin().get().isAfter(start) || !n.getBegin().get().isBefore(end)
                    || JavaChecks.callable(n).orElse(null) != body || n == clear) {
                continue;
            }
            if (n instanceof ReturnStmt || n instanceof ThrowStmt) {
                if (paired || !within(n, CatchClause.class)) {
                    return true;
                }
                continue; // a catch that rethrows after the work: the work's exception, already counted
            }
            if (n instanceof MethodCallExpr m && quiet(m, scope)) {
                continue;
            }
            return true;
        }
        return false;
    }

    private static boolean quiet(MethodCallExpr m, String scope) {
        String s = m.getScope().map(Node::toString).orElse("");
        String first = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
        return QUIET_NAME.matcher(m.getNameAsString()).matches() || QUIET_SCOPE.matcher(lastName(s)).matches()
                || first.equals(scope) || lastName(s).equals(scope);
    }

    /** Another clear of the same value in a finally or a catch of the same callable: the other paths are covered. */
    private static boolean twinInFinallyOrCatch(Node body, MethodCallExpr clear) {
        String text = clear.toString();
        return body.findAll(MethodCallExpr.class).stream().anyMatch(m -> m != clear && m.toString().equals(text)
                && (inFinally(m) || within(m, CatchClause.class)));
    }

    /** The try whose body (not its catches or finally) holds {@code n}, within n's callable; null when none. */
    private static TryStmt tryBodyAround(Node n) {
        Node child = n;
        Optional<Node> p = n.getParentNode();
        while (p.isPresent() && !(p.get() instanceof CallableDeclaration<?> || p.get() instanceof LambdaExpr)) {
            if (p.get() instanceof TryStmt t && child == t.getTryBlock()
                    && (!t.getCatchClauses().isEmpty() || t.getFinallyBlock().isPresent())
                    && t.getResources().isEmpty()) {
                return t;
            }
            child = p.get();
            p = child.getParentNode();
        }
        return null;
    }

    private static boolean within(Node n, Class<? extends Node> kind) {
        Optional<Node> p = n.getParentNode();
        while (p.isPresent() && !(p.get() instanceof CallableDeclaration<?> || p.get() instanceof LambdaExpr)) {
            if (kind.isInstance(p.get())) {
                return true;
            }
            p = p.get().getParentNode();
        }
        return false;
    }

    private static boolean inFinally(Node n) {
        Node child = n;
        Optional<Node> p = n.getParentNode();
        while (p.isPresent() && !(p.get() instanceof CallableDeclaration<?> || p.get() instanceof LambdaExpr)) {
            if (p.get() instanceof TryStmt t && t.getFinallyBlock().isPresent() && t.getFinallyBlock().get() == child) {
                return true;
            }
            child = p.get();
            p = child.getParentNode();
        }
        return false;
    }

    private static String lastName(Expression e) {
        return lastName(e.toString());
    }

    private static String lastName(String s) {
        return s.substring(s.lastIndexOf('.') + 1);
    }
}
