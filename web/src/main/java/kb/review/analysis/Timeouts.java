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
public final class Timeouts {

    /** One construction without a timeout. */
    public record Spot(int line, int column, String model, List<Lifecycle.Step> steps) {
    }

    private static final Pattern NAMES = Pattern.compile("\\w+(\\s*,\\s*\\w+)*");

    private final byte[] src;
    private final boolean go;

    Timeouts(byte[] src, boolean go) {
        this.src = src;
        this.go = go;
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

    private String text(SyntaxNode n) {
        return SyntaxNode.text(src, n);
    }

    private static boolean same(SyntaxNode a, SyntaxNode b) {
        return a.getStartByte() == b.getStartByte() && a.getEndByte() == b.getEndByte()
                && a.getType().equals(b.getType());
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

    /** What has been seen of the timeouts of one construction. */
    private static final class Seen {
        final boolean[] set;
        boolean disabled;
        boolean handedOver;
        /** A call on the construction that reaches no network peer (a dial of a unix socket). */
        boolean local;
        /** A call on the construction under a context the function bounds ({@link TimeoutModel#contextBound}). */
        boolean bounded;

        Seen(int n) {
            set = new boolean[n];
        }
    }

    private Spot check(SyntaxNode built, TimeoutModel m, TimeoutModel.Build b) {
        int line = built.getStartPoint().getRow() + 1;
        int column = built.getStartPoint().getColumn() + 1;
        if (go && b.via() == TimeoutModel.Via.NAME && BoundedRequests.bounded(built, src)) {
            return null; // the one request sent through it carries a deadline the function sets (set 12, AV)
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
            laterSetters(holder, scope, from, m, seen);
            if (!wide || b.via() != TimeoutModel.Via.NAME) {
                handedOver(holder, scope, from, m, seen);
            }
        }
        if (holder == null && !go && b.receiverType() != null) {
            earlierSetters(built, m, seen);
        }
        if (holder != null && !wide && !go) {
            configuredSetters(function(top), holder, m, initial);
        }
        if (seen.local || seen.bounded) {
            return null;
        }
        if (go && holder != null && !wide && BoundedRequests.onlyBoundedSends(holder, function(top), src)) {
            return null; // every request sent through the local carries a deadline the function sets (set 19, AV)
        }
        if (go && holder != null && !wide && !m.unreadBy().isEmpty() && onlyUnreadBy(holder, function(top),
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
        if (!ok && holder != null && !go && !m.perUse().isEmpty() && everyUseBounded(holder, wide ? root(top)
                : function(top), wide ? root(top).getStartByte() : top.getEndByte(), m)) {
            return null;
        }
        if (!ok && !go && holder != null && !wide && b.via() == TimeoutModel.Via.NEW
                && Pattern.compile("\\breturn\\s+" + Pattern.quote(holder) + "\\s*;").matcher(text(function(top))).find()
                && configuredByHelper(root(top), function(top), b, m)) {
            return null;
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

    private void mark(TimeoutModel m, String name, String value, Seen seen) {
        if (m == null) {
            return; // only climbing the chain
        }
        if (m.localUse() != null && m.localUse().matcher(name + "(" + value + ")").find()) {
            seen.local = true;
        }
        for (int i = 0; i < m.timeout().size(); i++) {
            if (m.timeout().get(i).matcher(name).matches()) {
                if (m.disabled() != null && m.disabled().matcher(value.strip()).find()) {
                    seen.disabled = true;
                } else {
                    seen.set[i] = true;
                }
            }
        }
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

    private String arguments(SyntaxNode args) {
        if (args == null || args.isNull()) {
            return "";
        }
        String a = text(args).strip();
        return a.startsWith("(") && a.endsWith(")") ? a.substring(1, a.length() - 1) : a;
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

    /**
     * A Java call on an object the function already holds, kept as a statement ({@code session.connect();}): the
     * call is what waits, and the object's own setters called earlier in the function ({@code
     * session.setTimeout(ms)}) are its timeout.
     */
    private void earlierSetters(SyntaxNode built, TimeoutModel m, Seen seen) {
        SyntaxNode object = built.getChildByFieldName("object");
        if (!built.getType().equals("method_invocation") || object == null || object.isNull()
                || !object.getType().equals("identifier")) {
            return;
        }
        SyntaxNode scope = function(built);
        if (scope.getStartByte() >= built.getStartByte()) {
            return;
        }
        laterSetters(text(object), scope, scope.getStartByte(), m, seen, built.getStartByte());
    }

    private void laterSetters(String holder, SyntaxNode scope, int from, TimeoutModel m, Seen seen) {
        laterSetters(holder, scope, from, m, seen, scope.getEndByte());
    }

    /**
     * Every statement after {@code from} that makes a call on {@code holder} ({@code db.select(...)...}, also through
     * {@code this.}) carries one of the model's per-query timeout calls ({@code .queryTimeout(5)}), and there is at
     * least one: each query sets its own bound, so the object built without one is not what waits.
     */
    private boolean everyUseBounded(String holder, SyntaxNode scope, int from, TimeoutModel m) {
        int end = scope.getEndByte();
        if (from >= end) {
            return false;
        }
        String name = holder.substring(holder.lastIndexOf('.') + 1);
        String code = CodeText.code(new String(src, from, end - from, StandardCharsets.UTF_8));
        Matcher use = Pattern.compile("(?<![\\w$])(?:this\\s*\\.\\s*)?" + Pattern.quote(name) + "\\s*\\.\\s*[\\w$]+\\s*\\(")
                .matcher(code);
        Pattern bound = Pattern.compile("\\.\\s*(" + String.join("|", m.perUse().stream().map(Pattern::pattern).toList())
                + ")\\s*\\(\\s*(?!0\\s*\\))");
        int uses = 0;
        int after = 0;
        while (use.find()) {
            if (use.start() < after) {
                continue;
            }
            int stop = code.indexOf(';', use.end());
            String statement = code.substring(use.start(), stop < 0 ? code.length() : stop);
            if (!bound.matcher(statement).find()) {
                return false;
            }
            uses++;
            after = stop < 0 ? code.length() : stop;
        }
        return uses > 0;
    }

    /**
     * Java: another method of the file takes a parameter of a type this entry builds ({@code FTPClient client}) and
     * calls one of the entry's timeout setters on it: a factory that returns the object unconfigured hands it to
     * that configuring step (set 17, class JT: a client factory whose configure method sets the timeouts).
     */
    private boolean configuredByHelper(SyntaxNode root, SyntaxNode own, TimeoutModel.Build b, TimeoutModel m) {
        java.util.ArrayDeque<SyntaxNode> work = new java.util.ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            SyntaxNode n = work.pop();
            if (n.getType().equals("method_declaration") && !same(n, own)) {
                SyntaxNode params = n.getChildByFieldName("parameters");
                SyntaxNode body = n.getChildByFieldName("body");
                for (int i = 0; params != null && !params.isNull() && body != null && !body.isNull()
                        && i < params.getNamedChildCount(); i++) {
                    SyntaxNode param = params.getNamedChild(i);
                    SyntaxNode type = param.getChildByFieldName("type");
                    SyntaxNode name = param.getChildByFieldName("name");
                    if (type == null || type.isNull() || name == null || name.isNull()
                            || !b.pattern().matcher(text(type).replaceAll("<.*", "").replaceAll(".*\\.", "")).find()) {
                        continue;
                    }
                    Matcher x = setter(text(name)).matcher(CodeText.code(text(body)));
                    while (x.find()) {
                        for (Pattern t : m.timeout()) {
                            if (t.matcher(x.group(1)).matches()) {
                                return true;
                            }
                        }
                    }
                }
                continue;
            }
            for (int i = 0; i < n.getNamedChildCount(); i++) {
                work.push(n.getNamedChild(i));
            }
        }
        return false;
    }

    /** The value a configuration test asks about: {@code E != null}, {@code E > 0}, {@code !isEmpty(E)}... */
    private static final List<Pattern> CONFIG_TESTS = List.of(
            Pattern.compile("^(.+?)\\s*(?:!=\\s*null|>\\s*0[lL]?|>=\\s*1[lL]?|!=\\s*0[lL]?)$"),
            Pattern.compile("^null\\s*!=\\s*(.+)$"),
            Pattern.compile("^!\\s*[\\w.]*(?:isEmpty|isBlank|isNull)\\((.+)\\)$"),
            Pattern.compile("^[\\w.]*(?:isNotEmpty|isNotBlank|nonNull|hasText|hasLength)\\((.+)\\)$"),
            Pattern.compile("^(.+)\\.isPresent\\(\\)$"));

    /**
     * Java: a timeout setter on the local {@code holder} under an {@code if} that only asks whether the value it is
     * given is configured ({@code if (t != null) c.setConnectTimeout(t)}, {@code if (s.getReadTimeout() > 0)
     * b.setResponseTimeout(ofMillis(s.getReadTimeout()))}) counts on every path: when the test fails no timeout was
     * configured, and the library's own default is what the configuration chose (set 17, class JT). Marks those
     * entries in {@code initial}.
     */
    private void configuredSetters(SyntaxNode function, String holder, TimeoutModel m, boolean[] initial) {
        java.util.ArrayDeque<SyntaxNode> work = new java.util.ArrayDeque<>();
        work.push(function);
        while (!work.isEmpty()) {
            SyntaxNode n = work.pop();
            if (n.getType().equals("method_invocation") && holder.equals(text(n.getChildByFieldName("object")))) {
                String name = text(n.getChildByFieldName("name"));
                String value = arguments(n.getChildByFieldName("arguments"));
                for (int i = 0; i < m.timeout().size(); i++) {
                    if (!initial[i] && m.timeout().get(i).matcher(name).matches()
                            && (m.disabled() == null || !m.disabled().matcher(value.strip()).find())
                            && configuredTest(n, value)) {
                        initial[i] = true;
                    }
                }
            }
            for (int i = 0; i < n.getNamedChildCount(); i++) {
                work.push(n.getNamedChild(i));
            }
        }
    }

    /** The nearest {@code if} above the setter has it in its then-branch and tests only the setter's value. */
    private boolean configuredTest(SyntaxNode setter, String value) {
        SyntaxNode child = setter;
        for (SyntaxNode p = setter.getParent(); !p.isNull(); child = p, p = p.getParent()) {
            String t = p.getType();
            if (t.equals("if_statement")) {
                if (!same(p.getChildByFieldName("consequence"), child)) {
                    return false;
                }
                String cond = kb.review.diff.CodeText.unwrap(text(p.getChildByFieldName("condition")));
                String v = value.replaceAll("\\s+", "");
                for (Pattern test : CONFIG_TESTS) {
                    Matcher x = test.matcher(cond.replaceAll("\\s+", " ").strip());
                    if (x.matches()) {
                        String e = x.group(1).replaceAll("\\s+", "");
                        return e.matches("[\\w$.()]+") && !e.matches("\\d+") && v.contains(e);
                    }
                }
                return false;
            }
            if (t.equals("method_declaration") || t.equals("constructor_declaration") || t.equals("lambda_expression")
                    || t.equals("for_statement") || t.equals("enhanced_for_statement") || t.equals("while_statement")
                    || t.equals("try_statement") || t.equals("switch_expression")) {
                return false;
            }
        }
        return false;
    }

    /** {@code v.Timeout = d}, {@code v.setReadTimeout(ms)} and {@code v.SetTimeout(d)} after the construction. */
    private void laterSetters(String holder, SyntaxNode scope, int from, TimeoutModel m, Seen seen, int end) {
        if (from >= end) {
            return;
        }
        String code = new String(src, from, end - from, StandardCharsets.UTF_8);
        Matcher x = setter(holder).matcher(code);
        while (x.find()) {
            int valueStart = x.end();
            int eol = code.indexOf('\n', valueStart);
            String value = code.substring(valueStart, eol < 0 ? code.length() : eol);
            if (x.group(2).startsWith("(")) {
                int close = value.lastIndexOf(')');
                value = close >= 0 ? value.substring(0, close) : value;
            }
            mark(m, x.group(1), value, seen);
            if (m.contextBound() != null && m.contextBound().matcher(x.group(1)).matches()
                    && boundedContext(value, scope)) {
                seen.bounded = true;
            }
        }
    }

    /**
     * True when the first argument of a call ({@code dctx, network, addr}) is a context the function bounds itself:
     * assigned from {@code context.WithTimeout} or {@code context.WithDeadline} somewhere in it (also under an
     * {@code if timeout > 0}: without one the caller's context is the bound the configuration asked for).
     */
    private boolean boundedContext(String arguments, SyntaxNode function) {
        String ctx = arguments.split(",", 2)[0].strip();
        return function.getParent() != null && !function.getParent().isNull() && ctx.matches("[\\w$]+") && Pattern.compile("(?<![\\w$.])" + Pattern.quote(ctx)
                + "\\s*(?:,\\s*[\\w$]+\\s*)*:?=\\s*context\\.With(?:Timeout|Deadline)\\s*\\(")
                .matcher(text(function)).find();
    }

    private static Pattern setter(String holder) {
        String name = holder.contains(".") ? holder.substring(holder.lastIndexOf('.') + 1) : holder;
        String before = holder.contains(".") ? "(?<![\\w$])" : "(?<![\\w.$])";
        return Pattern.compile(before + Pattern.quote(name) + "\\s*\\.\\s*([\\w$]+)\\s*(\\(|=(?!=))");
    }

    /** A later call statement that takes the value as an argument and keeps no result but an error: a configurer. */
    private void handedOver(String holder, SyntaxNode n, int from, TimeoutModel m, Seen seen) {
        if (seen.handedOver || n.getEndByte() <= from) {
            return;
        }
        String t = n.getType();
        if ((t.equals("call_expression") || t.equals("method_invocation")) && n.getStartByte() >= from) {
            SyntaxNode args = n.getChildByFieldName("arguments");
            for (int i = 0; args != null && i < args.getNamedChildCount(); i++) {
                String a = text(args.getNamedChild(i)).replaceFirst("^&\\s*", "");
                if (a.equals(holder) && configures(n, m)) {
                    seen.handedOver = true;
                    return;
                }
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            handedOver(holder, n.getNamedChild(i), from, m, seen);
        }
    }

    private boolean configures(SyntaxNode call, TimeoutModel m) {
        SyntaxNode fn = call.getChildByFieldName(go ? "function" : "name");
        String callee = fn.isNull() ? "" : text(fn);
        String simple = callee.substring(callee.lastIndexOf('.') + 1);
        if (m.uses().contains(simple) || simple.startsWith("New") || simple.startsWith("new")) {
            return false; // used, or wrapped by a new object that keeps it as it is
        }
        SyntaxNode p = call.getParent();
        if (p.getType().equals("expression_statement")) {
            return true;
        }
        if (p.getType().equals("expression_list")) {
            SyntaxNode stmt = p.getParent();
            SyntaxNode left = stmt.getChildByFieldName("left");
            if (!(stmt.getType().equals("short_var_declaration") || stmt.getType().equals("assignment_statement"))
                    || left.isNull() || !NAMES.matcher(text(left)).matches()) {
                return false;
            }
            // only an error comes back (`err := http2.ConfigureServer(srv, nil)`): an error by its name or by the
            // check that hands it on, whatever it is called
            String body = text(function(call));
            return java.util.Arrays.stream(text(left).split("\\s*,\\s*"))
                    .allMatch(name -> name.equals("_") || GoErrors.holdsError(name, body));
        }
        return false;
    }

    /**
     * Go: true when the local {@code holder} appears after {@code from} in {@code fn} at least once and only as an
     * argument of calls whose callee matches the model's {@code unread-by} (a config handed to
     * {@code ssh.NewClientConn}, which never reads its {@code Timeout}).
     */
    private boolean onlyUnreadBy(String holder, SyntaxNode fn, int from, TimeoutModel m) {
        int[] counts = new int[2];
        countUses(holder, fn, from, m, counts, false);
        return counts[0] > 0 && counts[0] == counts[1];
    }

    private void countUses(String holder, SyntaxNode n, int from, TimeoutModel m, int[] counts, boolean inUnread) {
        if (n.getEndByte() <= from) {
            return;
        }
        String t = n.getType();
        if (t.equals("identifier") && n.getStartByte() >= from && text(n).equals(holder)) {
            counts[0]++;
            if (inUnread) {
                counts[1]++;
            }
            return;
        }
        boolean unread = inUnread;
        if (t.equals("call_expression")) {
            SyntaxNode fn = n.getChildByFieldName("function");
            String callee = fn == null || fn.isNull() ? "" : text(fn);
            unread = m.unreadBy().stream().anyMatch(p -> p.matcher(callee).find());
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            SyntaxNode c = n.getNamedChild(i);
            boolean arg = unread && t.equals("call_expression") && "argument_list".equals(c.getType());
            countUses(holder, c, from, m, counts, t.equals("call_expression") ? arg : unread);
        }
    }
}
