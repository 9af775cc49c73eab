package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * The detectable part of TMO-02 (Go, on the tree-sitter tree): a function that receives the caller's context — a
 * {@code context.Context} parameter, or an {@code *http.Request} whose {@code Context()} it is — and makes a
 * downstream call that drops it: one the models list under {@code context-variants} ({@code context.Background()},
 * {@code db.Query} where {@code QueryContext} exists, {@code http.NewRequest}). Work started by {@code go} and
 * cleanup in {@code defer} are left alone: detaching them from a request that may already be cancelled is often the
 * point. A function literal is judged with the contexts of the functions around it.
 */
public final class ContextDrops {

    /** One call that drops the caller's context. */
    public record Spot(int line, int column, String model, boolean sure, List<Lifecycle.Step> steps) {
    }

    private static final Pattern CONTEXT_TYPE = Pattern.compile("(^|\\.)Context$");
    private static final Pattern REQUEST_TYPE = Pattern.compile("^\\*?http\\.Request$");

    private final byte[] src;
    private final List<ContextModel> models;
    private final Map<String, String> types;
    private final FreshRoots roots;
    private final SyntaxNode root;
    /** The context-taking twins the code in sight or the removed lines call (session 36). */
    private final ContextTwins twins;
    private ContextReach reach;
    private final Map<Integer, String> reached = new java.util.HashMap<>();

    private ContextDrops(SyntaxNode root, byte[] src, List<ContextModel> models, Map<String, String> types,
                         FreshRoots roots, java.util.function.Supplier<String> removed) {
        this.root = root;
        this.src = src;
        this.models = models;
        this.types = types;
        this.roots = roots;
        this.twins = new ContextTwins(src, removed);
    }

    public static List<Spot> run(SyntaxNode root, byte[] src, List<ContextModel> models) {
        return run(root, src, models, () -> "");
    }

    /** @param removed the lines the edit removed from the file, one a line */
    public static List<Spot> run(SyntaxNode root, byte[] src, List<ContextModel> models,
                                 java.util.function.Supplier<String> removed) {
        List<Spot> out = new ArrayList<>();
        if (!models.isEmpty()) {
            Map<String, String> types = GoTypes.declared(root, src);
            new ContextDrops(root, src, models, types, new FreshRoots(root, src, types), removed)
                    .walk(root, null, null, out);
        }
        return out;
    }

    private String text(SyntaxNode n) {
        return SyntaxNode.text(src, n);
    }

    /**
     * @param ctx    how the caller's context is reached here ({@code ctx}, {@code r.Context()}), or null
     * @param helper the declared function without a context this node is in, or null
     */
    private void walk(SyntaxNode n, String ctx, SyntaxNode helper, List<Spot> out) {
        String t = n.getType();
        if (t.equals("go_statement") || t.equals("defer_statement")) {
            return;
        }
        if (t.equals("function_declaration") || t.equals("method_declaration")) {
            ctx = context(n.getChildByFieldName("parameters"));
            helper = ctx == null ? n : null;
        } else if (t.equals("func_literal")) {
            String own = context(n.getChildByFieldName("parameters"));
            ctx = own != null ? own : ctx;
        } else if (t.equals("call_expression") && ctx != null) {
            check(n, ctx, false, out);
        } else if (t.equals("call_expression") && helper != null && listed(n)) {
            String inherited = callerContext(helper);
            if (inherited != null) {
                check(n, inherited, true, out);
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            walk(n.getNamedChild(i), ctx, helper, out);
        }
    }

    /** True when a model lists the call (cheap: the callee's text against each entry's pattern). */
    private boolean listed(SyntaxNode call) {
        String callee = text(call.getChildByFieldName("function"));
        for (ContextModel m : models) {
            for (ContextModel.Call c : m.calls()) {
                if (c.call().matcher(callee).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The context of the callers that alone reach a helper without one (see {@link ContextReach}), or null. */
    private String callerContext(SyntaxNode helper) {
        return reached.computeIfAbsent(helper.getStartByte(), k -> {
            if (reach == null) {
                reach = ContextReach.of(root, src, this::context);
            }
            String c = reach.callerContext(helper);
            return c == null ? "" : c;
        }).transform(c -> c.isEmpty() ? null : c);
    }

    /**
     * True when {@code exec.Command}'s result is kept in a name that the enclosing function only starts
     * ({@code cmd.Start()}) and never waits for ({@code Wait}, {@code Run}, {@code Output}, {@code CombinedOutput}): a
     * daemon or helper process launched to outlive the call, which {@code CommandContext} would kill when the caller's
     * context ends (the copilot SDK's CLI process, github/copilot-sdk#668).
     */
    private boolean outlives(SyntaxNode call) {
        SyntaxNode list = call.getParent();
        SyntaxNode holder = list == null || list.isNull() ? null : list.getParent();
        if (holder == null || holder.isNull() || !(holder.getType().equals("short_var_declaration")
                || holder.getType().equals("assignment_statement"))) {
            return false;
        }
        String name = text(holder.getChildByFieldName("left")).strip();
        if (!name.matches("[A-Za-z_][\\w.]*")) {
            return false;
        }
        String body = enclosingFunction(holder);
        String q = Pattern.quote(name);
        return Pattern.compile("(?<![\\w.])" + q + "\\.Start\\s*\\(").matcher(body).find()
                && !Pattern.compile("(?<![\\w.])" + q + "\\.(?:Wait|Run|Output|CombinedOutput)\\s*\\(")
                .matcher(body).find();
    }

    private static final Pattern IS_NIL = Pattern.compile("^\\(?\\s*(\\w+)\\s*==\\s*nil\\s*\\)?$");

    /**
     * {@code if ctx == nil { ctx = context.Background() }}: the call replaces a nil context with the empty one and
     * drops nothing (a caller that passed a context keeps it). Only the assignment of the call, alone, to the tested
     * variable, in the consequence of that test; any other use of Background under the test is still a drop.
     */
    private boolean nilGuard(SyntaxNode call, String ctx) {
        SyntaxNode list = call.getParent();
        SyntaxNode assign = list == null || list.isNull() ? null : list.getParent();
        if (assign == null || assign.isNull() || !assign.getType().equals("assignment_statement")
                || !list.getType().equals("expression_list") || list.getNamedChildCount() != 1
                || !text(assign.getChildByFieldName("left")).strip().equals(ctx)) {
            return false;
        }
        for (SyntaxNode p = assign.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (p.getType().equals("if_statement")) {
                var m = IS_NIL.matcher(text(p.getChildByFieldName("condition")).strip());
                SyntaxNode then = p.getChildByFieldName("consequence");
                return m.matches() && m.group(1).equals(ctx) && then != null && !then.isNull()
                        && then.getStartByte() <= assign.getStartByte() && assign.getEndByte() <= then.getEndByte();
            }
            if (!p.getType().equals("block") && !p.getType().equals("statement_list")) {
                return false;
            }
        }
        return false;
    }

    private static final Pattern EMPTY_CONTEXT = Pattern.compile("^context\\.(?:Background|TODO)$");

    /**
     * {@code readCtx := context.Background()} in a loop that only watches it ({@code case <-readCtx.Done():}), or
     * {@code c.readTimeout <- context.Background()} sent to such a loop: the empty context is the "no deadline yet"
     * value of a timer kept as a context, and no downstream call is made with it. A variable handed to any call, or
     * a channel whose receiver passes what it gets on, is still a drop. Judged on the seventh held-out precision set
     * (CK: websocket's connection timeout loop, three findings, none true).
     */
    private boolean deadlineSentinel(SyntaxNode call, String callee) {
        if (!EMPTY_CONTEXT.matcher(Regexes.withoutSpace(callee)).matches()) {
            return false;
        }
        SyntaxNode list = call.getParent();
        SyntaxNode holder = list == null || list.isNull() ? null : list.getParent();
        if (holder == null || holder.isNull()) {
            return false;
        }
        String file = new String(src, java.nio.charset.StandardCharsets.UTF_8);
        if (holder.getType().equals("short_var_declaration") || holder.getType().equals("assignment_statement")
                && list.getType().equals("expression_list") && list.getNamedChildCount() == 1) {
            String left = text(holder.getChildByFieldName("left")).strip();
            return left.matches("\\w+") && onlyWatched(left, enclosingFunction(holder));
        }
        if (list.getType().equals("send_statement")) {
            String channel = text(list.getChildByFieldName("channel")).strip();
            String field = channel.substring(channel.lastIndexOf('.') + 1);
            var received = Pattern.compile("(\\w+)\\s*:?=\\s*<-\\s*(?:[\\w.]*\\.)?" + Pattern.quote(field) + "(?!\\w)")
                    .matcher(file);
            boolean any = false;
            while (received.find()) {
                if (!onlyWatched(received.group(1), file)) {
                    return false;
                }
                any = true;
            }
            // and the channel carries nothing else anywhere: no receive that hands it on
            return any && !Pattern.compile("<-\\s*(?:[\\w.]*\\.)?" + Pattern.quote(field) + "(?!\\w)")
                    .matcher(file.replaceAll("\\w+\\s*:?=\\s*<-\\s*(?:[\\w.]*\\.)?" + Pattern.quote(field)
                            + "(?!\\w)", "")).find();
        }
        return false;
    }

    /**
     * True when the function waits for the caller's context to end before {@code call} ({@code <-ctx.Done()}, alone
     * or as a select case): a context derived from it there would be over already, so the fresh one that bounds a
     * graceful shutdown after it drops nothing (session 39; contextcheck's own false positive, its issue 2).
     */
    private boolean waitedOut(SyntaxNode call, String ctx) {
        for (SyntaxNode p = call; p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("function_declaration") || t.equals("method_declaration") || t.equals("func_literal")) {
                String before = new String(src, p.getStartByte(), call.getStartByte() - p.getStartByte(),
                        java.nio.charset.StandardCharsets.UTF_8);
                return Pattern.compile("<-\\s*" + Pattern.quote(ctx) + "\\s*\\.\\s*Done\\(\\s*\\)")
                        .matcher(before).find();
            }
        }
        return false;
    }

    private String enclosingFunction(SyntaxNode n) {
        for (SyntaxNode p = n; p != null && !p.isNull(); p = p.getParent()) {
            if (p.getType().equals("function_declaration") || p.getType().equals("method_declaration")
                    || p.getType().equals("func_literal")) {
                return text(p);
            }
        }
        return "";
    }

    /** True when every use of {@code var} in {@code code} assigns it or watches it (Done, Err, Deadline). */
    private static boolean onlyWatched(String var, String code) {
        String q = Pattern.quote(var);
        String rest = code.replaceAll("(?<![\\w.])" + q + "\\s*:?=(?!=)", "")
                .replaceAll("(?<![\\w.])" + q + "\\s*\\.\\s*(?:Done|Err|Deadline)\\s*\\(\\s*\\)", "");
        return !Pattern.compile("(?<![\\w.])" + q + "(?!\\w)").matcher(rest).find();
    }

    /** The caller's context among the parameters, or null. */
    private String context(SyntaxNode params) {
        for (int i = 0; i < params.getNamedChildCount(); i++) {
            SyntaxNode p = params.getNamedChild(i);
            String type = text(p.getChildByFieldName("type")).strip();
            SyntaxNode name = p.getChildByFieldName("name");
            if (name.isNull() || text(name).equals("_")) {
                continue;
            }
            if (CONTEXT_TYPE.matcher(type).find()) {
                return text(name);
            }
            if (REQUEST_TYPE.matcher(type).find()) {
                return text(name) + ".Context()";
            }
            String framework = FrameworkContexts.reach(type, text(name));
            if (framework != null) {
                return framework;
            }
        }
        return null;
    }

    /**
     * True when an argument is a name declared or derived as a {@code context.Context} in the file: whatever it is
     * called, it carries a context, and a fresh root context it may come from is reported where it is made.
     */
    private boolean givenAContext(SyntaxNode args) {
        if (args == null || args.isNull()) {
            return false;
        }
        for (int i = 0; i < args.getNamedChildCount(); i++) {
            SyntaxNode a = args.getNamedChild(i);
            if (a.getType().equals("identifier") && "context.Context".equals(types.get(text(a)))) {
                return true;
            }
        }
        return false;
    }

    /** @param inherited the context is the caller's of a helper that takes none (see {@link ContextReach}) */
    private void check(SyntaxNode call, String ctx, boolean inherited, List<Spot> out) {
        String callee = text(call.getChildByFieldName("function"));
        if (inherited && (EMPTY_CONTEXT.matcher(Regexes.withoutSpace(callee)).matches()
                || !twins.inSight(callee, true) && !twins.removedText().contains("context.Context"))) {
            return; // a helper's own root context, or no sign in sight that a context was there to pass
        }
        String root = FrameworkContexts.root(ctx);
        if (nilGuard(call, root) || deadlineSentinel(call, callee) || DetachedReleases.onlyForRelease(call, src)
                || AttachedContexts.attached(call, callee, root, src) || OutlivingContexts.kept(call, src)
                || EMPTY_CONTEXT.matcher(Regexes.withoutSpace(callee)).matches()
                && (DetachedOnPurpose.commented(call, src) || OutputContexts.onlyForOutput(call, src)
                || waitedOut(call, ctx))) {
            return;
        }
        // a request's fields (r.Method, r.URL.Path, r.Body) carry no context; the request itself or r.Context() does
        String notAField = ctx.equals(root) ? "" : "(?!\\s*\\.(?!\\s*" + FrameworkContexts.ACCESSORS + "\\s*\\())";
        if (Regexes.compiled("(?<![\\w.])" + Pattern.quote(root) + "(?!\\w)" + notAField).matcher(
                text(call.getChildByFieldName("arguments"))).find()) {
            return; // the call is given the caller's context (pgx's Exec(ctx, ...), a driver's own API)
        }
        if (givenAContext(call.getChildByFieldName("arguments"))) {
            return; // a context derived in the function (reqCtx := context.WithValue(ctx, ...)), known by its type
        }
        for (ContextModel m : models) {
            for (ContextModel.Call c : m.calls()) {
                if (!c.call().matcher(callee).find()) {
                    continue;
                }
                if (callee.equals("exec.Command") && outlives(call)) {
                    return; // a process launched to outlive the call: its context would kill it
                }
                Boolean sure = Discards.receiverMatches(c.receiverType(), c.receiver(), callee, types);
                if (sure == null && twins.inSight(callee, false)) {
                    sure = Boolean.TRUE; // the type is out of sight, but the same receiver calls the twin
                }
                if (inherited && sure != Boolean.TRUE) {
                    return;
                }
                if (sure == null || c.args() != null
                        && !c.args().matcher(text(call.getChildByFieldName("arguments"))).find()) {
                    continue;
                }
                String name = callee.substring(callee.lastIndexOf('.') + 1);
                String use = c.use().replace("{name}", name).replace("{ctx}", ctx);
                int line = call.getStartPoint().getRow() + 1;
                out.add(new Spot(line, call.getStartPoint().getColumn() + 1, m.id(), sure, List.of(
                        new Lifecycle.Step(line, "`" + callee + "` drops the caller's context `" + ctx + "`"
                                + (inherited ? " (this function takes none, and every caller in the file has it)"
                                : "") + ": use " + use))));
                return;
            }
        }
        if (inherited) {
            return;
        }
        // any library (session 36): the same receiver calls the method's context-taking twin in sight or in the lines
        // the edit removed, so the twin exists on this receiver's type (sqlx's SelectContext, aws-sdk-go's
        // GetObjectWithContext, a driver's QueryContext)
        if (twins.inSight(callee, false) && !twins.inTwinItself(call, callee)) {
            int line = call.getStartPoint().getRow() + 1;
            String name = Regexes.withoutSpace(callee);
            out.add(new Spot(line, call.getStartPoint().getColumn() + 1, "twin-in-sight", true, List.of(
                    new Lifecycle.Step(line, "`" + callee + "` drops the caller's context `" + ctx + "`, and the"
                            + " same receiver has a context-taking twin: use " + name + "Context(" + ctx
                            + ", ...) (or its WithContext form)"))));
            return;
        }
        // a project's own fresh root context (session 30): a constructor of another package, or a helper of this
        // file that builds its result from context.Background()
        if (roots.fresh(call, Regexes.withoutSpace(callee))) {
            int line = call.getStartPoint().getRow() + 1;
            out.add(new Spot(line, call.getStartPoint().getColumn() + 1, "fresh-root", true, List.of(
                    new Lifecycle.Step(line, "`" + callee + "` makes a fresh context in place of the caller's `" + ctx
                            + "`: pass " + ctx + " (or a context derived from it)"))));
        }
    }
}
