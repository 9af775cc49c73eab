package kb.review.analysis;

import static kb.review.analysis.TimeoutBuilds.match;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.analysis.TimeoutBuilds.Built;
import kb.review.diff.SyntaxNode;

/**
 * The "needs timeout" analysis (Go and Java, on the tree-sitter tree): finds each construction a
 * {@link TimeoutModel} describes, follows it to what holds it, and decides whether a timeout is set on it — in the
 * struct literal, in the builder chain, or later by a setter or field assignment on the variable holding it — before
 * it is returned, stored or used. A value handed to a configuring helper (a call statement whose result is not kept,
 * taking the value as an argument) is not reported: the helper may set the timeout.
 *
 * <p>The later setters are looked for in the rest of the enclosing function after the construction (in the whole file
 * when a field or package variable holds the value). For a local, a setter counts only on the paths that pass it
 * ({@link TimeoutPaths}): a use reached on a path that skips it is reported.
 */
public final class Timeouts extends TimeoutReading {

    /** One construction without a timeout. */
    public record Spot(int line, int column, String model, List<Lifecycle.Step> steps) {
    }

    private final TimeoutSetters setters;
    private final TimeoutHandOvers handOvers;

    Timeouts(byte[] src, boolean go) {
        super(src, go);
        this.setters = new TimeoutSetters(src, go);
        this.handOvers = new TimeoutHandOvers(src, go);
    }

    /** Every construction in the tree that the models say needs a timeout and that gets none. */
    public static List<Spot> run(SyntaxNode root, byte[] src, boolean go, List<TimeoutModel> models) {
        List<Spot> out = new ArrayList<>();
        if (models.stream().anyMatch(m -> m.localFile() != null)) {
            String file = new String(src, StandardCharsets.UTF_8);
            models = models.stream().filter(m -> m.localFile() == null || !m.localFile().matcher(file).find())
                    .toList();
        }
        if (!models.isEmpty()) {
            new Timeouts(src, go).walk(root, models, out);
        }
        return out;
    }

    private void walk(SyntaxNode n, List<TimeoutModel> models, List<Spot> out) {
        Built built = match(n, src, models);
        if (built != null) {
            Spot s = check(n, built.model(), built.build());
            if (s != null) {
                out.add(s);
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            walk(n.getNamedChild(i), models, out);
        }
    }

    private Spot check(SyntaxNode built, TimeoutModel m, TimeoutModel.Build b) {
        int line = built.getStartPoint().getRow() + 1;
        int column = built.getStartPoint().getColumn() + 1;
        if (go && b.via() == TimeoutModel.Via.NAME && BoundedRequests.bounded(built, src)) {
            return null; // the one request sent through it carries a deadline the function sets (set 12, AV)
        }
        if (m.fixed() && TimeoutForwards.forwards(built, src)) {
            return null; // a wrapper's same-named method passing its caller's arguments on: the caller's choice
        }
        if (m.fixed()) {
            return new Spot(line, column, m.id(), List.of(new Lifecycle.Step(line, "`" + text(built).split("\\(")[0]
                    + "` uses " + m.shows() + ", which has no timeout and cannot be given one here")));
        }
        Seen seen = new Seen(m.timeout().size());
        if (b.via() == TimeoutModel.Via.LITERAL) {
            literalKeys(built.getChildByFieldName("body"), m, seen);
        }
        SyntaxNode top = chain(built, m, seen);
        for (SyntaxNode[] call : TimeoutBuilds.below(built, b)) {
            mark(m, text(call[0]), arguments(call[1]), seen);
        }
        String holder = b.via() == TimeoutModel.Via.NAME ? text(built) : holder(top);
        boolean[] initial = seen.set.clone();
        boolean wide = holder == null || b.via() == TimeoutModel.Via.NAME || holder.contains(".")
                || declaredOutsideFunction(top);
        if (holder != null) {
            SyntaxNode scope = wide ? root(top) : function(top);
            int from = wide ? scope.getStartByte() : top.getEndByte();
            setters.laterSetters(holder, scope, from, m, seen);
            if (!wide || b.via() != TimeoutModel.Via.NAME) {
                handOvers.handedOver(holder, scope, from, m, seen);
            }
        }
        if (holder == null && !go && b.receiverType() != null) {
            setters.earlierSetters(built, m, seen);
        }
        if (holder != null && !wide && !go) {
            setters.configuredSetters(function(top), holder, m, initial);
        }
        if (seen.local || seen.bounded) {
            return null;
        }
        if (go && holder != null && !wide && BoundedRequests.onlyBoundedSends(holder, function(top), src)) {
            return null; // every request sent through the local carries a deadline the function sets (set 19, AV)
        }
        if (go && holder != null && !wide && !m.unreadBy().isEmpty() && handOvers.onlyUnreadBy(holder, function(top),
                top.getEndByte(), m)) {
            return null; // handed only to calls that never read the timeout field (round 22, go-09)
        }
        boolean ok = b.safe() ? !seen.disabled : satisfied(m, seen);
        // a local's later setter counts only on the paths through it (not for the 'safe' defaults: only a 0 is wrong)
        Spot partial = ok && !wide && !b.safe() && !seen.handedOver
                ? TimeoutPaths.report(function(top), src, go, line, column, top.getEndByte(), holder, m, initial,
                text(top).contains("uilder")) : null;
        if (partial != null) {
            return partial;
        }
        if (!ok && holder != null && !go && !m.perUse().isEmpty() && setters.everyUseBounded(holder, wide ? root(top)
                : function(top), wide ? root(top).getStartByte() : top.getEndByte(), m)) {
            return null;
        }
        if (!ok && !go && holder != null && !wide && b.via() == TimeoutModel.Via.NEW
                && Pattern.compile("\\breturn\\s+" + Pattern.quote(holder) + "\\s*;").matcher(text(function(top))).find()
                && setters.configuredByHelper(root(top), function(top), b, m)) {
            return null;
        }
        if (!ok && !go && holder != null && !wide && onlyConnected(holder, function(top), top.getEndByte(), m)) {
            return null; // connected (or bound) and closed, never read or written: a port probe waits on no peer
        }
        if (ok || seen.handedOver || holder == null && !text(top).contains("uild")
                && TimeoutPaths.returnedToSet(top, m)) {
            return null;
        }
        String names = String.join(m.all() ? " and " : " or ", m.timeout().stream()
                .map(p -> p.pattern().replaceAll("[\\^$()?:\\\\]", "").replace("|", "/")).toList());
        String what = seen.disabled ? "a timeout is switched off" : "no timeout is set (" + names + ")";
        List<Lifecycle.Step> steps = new ArrayList<>();
        steps.add(new Lifecycle.Step(line, "`" + (holder == null ? m.shows() : holder) + "` (" + m.shows()
                + ") is built here and " + what + " before it is used, returned or stored"));
        return new Spot(line, column, m.id(), steps);
    }

    private static boolean satisfied(TimeoutModel m, Seen seen) {
        if (seen.disabled) {
            return false;
        }
        boolean any = false;
        boolean all = true;
        for (boolean s : seen.set) {
            any |= s;
            all &= s;
        }
        return m.all() ? all : any;
    }

    /** The keys of a Go struct literal: {@code Timeout: 5 * time.Second}. */
    private void literalKeys(SyntaxNode body, TimeoutModel m, Seen seen) {
        if (body == null || body.isNull()) {
            return;
        }
        for (int i = 0; i < body.getNamedChildCount(); i++) {
            SyntaxNode e = body.getNamedChild(i);
            if (e.getType().equals("keyed_element") && e.getNamedChildCount() == 2) {
                mark(m, text(e.getNamedChild(0)), text(e.getNamedChild(1)), seen);
                if (go) {
                    // a part that bounds the wait itself: Transport.ResponseHeaderTimeout (session 38, log38)
                    for (PartTimeouts.Key k : new PartTimeouts(src).keys(text(e.getNamedChild(0)),
                            e.getNamedChild(1), body)) {
                        if (m.disabled() == null || !m.disabled().matcher(k.value().strip()).find()) {
                            mark(m, k.name(), k.value(), seen); // a part's 0 is its default, not a switch
                        }
                    }
                }
            }
        }
    }

    /**
     * Climbs the builder chain above the construction ({@code HttpClient.newBuilder().connectTimeout(d).build()}),
     * marking the timeout methods it calls, and returns the outermost expression of the chain.
     */
    SyntaxNode chain(SyntaxNode built, TimeoutModel m, Seen seen) {
        SyntaxNode cur = built;
        while (true) {
            SyntaxNode p = cur.getParent();
            if (p.isNull()) {
                return cur;
            }
            String t = p.getType();
            if (t.equals("parenthesized_expression") || t.equals("cast_expression")
                    || t.equals("unary_expression") && text(p).startsWith("&")) {
                cur = p;
            } else if (t.equals("method_invocation") && same(p.getChildByFieldName("object"), cur)) {
                mark(m, text(p.getChildByFieldName("name")), arguments(p.getChildByFieldName("arguments")), seen);
                cur = p;
            } else if (t.equals("selector_expression") && same(p.getChildByFieldName("operand"), cur)
                    && p.getParent().getType().equals("call_expression")
                    && same(p.getParent().getChildByFieldName("function"), p)) {
                mark(m, text(p.getChildByFieldName("field")),
                        arguments(p.getParent().getChildByFieldName("arguments")), seen);
                cur = p.getParent();
            } else if (t.equals("selector_expression") && same(p.getChildByFieldName("operand"), cur)) {
                // a method value taken right on the construction, `(&net.Dialer{}).DialContext`: the function is handed
                // on and called later with its caller's arguments, which the models' local-use sees as "()"
                mark(m, text(p.getChildByFieldName("field")), "", seen);
                return cur;
            } else {
                return cur;
            }
        }
    }

    /** The name of the variable or field the chain's value is assigned to, or null when nothing names it. */
    String holder(SyntaxNode top) {
        SyntaxNode p = top.getParent();
        switch (p.getType()) {
            case "variable_declarator", "resource" -> {
                SyntaxNode name = p.getChildByFieldName("name");
                return same(p.getChildByFieldName("value"), top) && !name.isNull() ? text(name) : null;
            }
            case "assignment_expression" -> {
                return same(p.getChildByFieldName("right"), top) ? text(p.getChildByFieldName("left")) : null;
            }
            case "var_spec" -> {
                SyntaxNode name = p.getChildByFieldName("name");
                return name.isNull() ? null : text(name);
            }
            case "expression_list" -> {
                SyntaxNode stmt = p.getParent();
                String st = stmt.getType();
                if ((st.equals("short_var_declaration") || st.equals("assignment_statement"))
                        && same(stmt.getChildByFieldName("right"), p)) {
                    int index = -1;
                    for (int i = 0; i < p.getNamedChildCount(); i++) {
                        if (same(p.getNamedChild(i), top)) {
                            index = i;
                        }
                    }
                    SyntaxNode left = stmt.getChildByFieldName("left");
                    return index >= 0 && index < left.getNamedChildCount() ? text(left.getNamedChild(index)) : null;
                }
                if (st.equals("var_spec")) {
                    SyntaxNode name = stmt.getChildByFieldName("name");
                    return name.isNull() ? null : text(name);
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private static final java.util.Set<String> FUNCTIONS = java.util.Set.of("function_declaration",
            "method_declaration", "func_literal", "constructor_declaration", "lambda_expression",
            "static_initializer");

    /** A method called right where a match ended: group 1 its name. */
    private static final Pattern CALLED = Pattern.compile("\\G\\s*\\.\\s*([\\w$]+)\\s*\\(");

    /** The calls on a value that end it or ask about its state: neither reads nor writes through it. */
    private static final java.util.Set<String> IDLE = java.util.Set.of("close", "isConnected", "isClosed", "isBound",
            "getLocalPort", "getPort", "getInetAddress", "getLocalAddress", "getRemoteSocketAddress");

    /**
     * True when a Java local the model can configure ({@code configures}: a socket's connect and bind) is, after its
     * construction, only ever the receiver of those calls or of {@link #IDLE} ones: never read, written, returned,
     * stored or handed to a call (round 117's port probe, connected with a timeout and closed). A value with nothing
     * to read from waits on no peer, so its read timeout bounds nothing.
     */
    private boolean onlyConnected(String holder, SyntaxNode function, int from, TimeoutModel m) {
        if (m.configures().isEmpty() || !holder.matches("[\\w$]+")) {
            return false;
        }
        int start = Math.max(from, function.getStartByte());
        String rest = new String(src, start, Math.max(0, function.getEndByte() - start), StandardCharsets.UTF_8);
        Matcher use = Pattern.compile("(?<![\\w$.])" + Pattern.quote(holder) + "(?![\\w$])").matcher(rest);
        boolean any = false;
        while (use.find()) {
            Matcher call = CALLED.matcher(rest);
            if (!call.find(use.end()) || !m.configures().contains(call.group(1)) && !IDLE.contains(call.group(1))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    static SyntaxNode function(SyntaxNode n) {
        for (SyntaxNode p = n; !p.isNull(); p = p.getParent()) {
            if (FUNCTIONS.contains(p.getType())) {
                return p;
            }
        }
        return root(n);
    }

    static SyntaxNode root(SyntaxNode n) {
        SyntaxNode r = n;
        while (!r.getParent().isNull()) {
            r = r.getParent();
        }
        return r;
    }

    private static boolean declaredOutsideFunction(SyntaxNode n) {
        return function(n).getParent().isNull();
    }
}
