package kb.review.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.analysis.Cfg.Edge;
import kb.review.analysis.Cfg.Kind;
import kb.review.analysis.Cfg.Node;
import kb.review.analysis.Lifecycle.Acquisition;
import kb.review.analysis.Lifecycle.Effect;
import kb.review.diff.SyntaxNode;

/**
 * The resource-lifecycle pass for Go: finds acquisitions the models describe in each function (and closure), then
 * asks {@link Lifecycle} for a leaking path. Declared types of parameters, struct fields and variables in the file
 * decide receiver types; without one, a model's name pattern decides and the finding is low confidence.
 */
public final class GoLifecycle implements Lifecycle.Facts {

    /**
     * An error result: err, errs, e, the prefixed names real code gives it (forwardErr, dialErr, readError), and the
     * one- or two-letter prefixes that keep a second error apart from an outer err (derr, ierr, cerr, v2err); a longer
     * lower-case prefix (stderr) is not an error name.
     */
    static final Pattern ERR_NAME = Pattern.compile("err\\w*|e|[a-z]\\w*Err(or)?|[a-z][a-z0-9]?err");
    private static final Pattern COMMA_OK = Pattern.compile("ok|\\w*Ok|found|exists|loaded");

    private final byte[] src;
    private final List<Model> models;
    private final Summaries summaries;
    private final Map<String, String> types;
    private final Map<Node, List<Acquisition>> acquisitions = new HashMap<>();
    private final GoOwnedResults owned;
    private final GoWrappers wrappers;
    /** The functions cut by the hunk that may hand what they open back in their results ({@link GoCutEnds}). */
    private final Set<Cfg> cutReturningValues = new HashSet<>();
    /** (line, variable): an acquisition the change added, which no code it left alone held before. */
    private BiPredicate<Integer, String> added = (line, var) -> false;

    private GoLifecycle(byte[] src, List<Model> models, Summaries summaries, Map<String, String> types) {
        this.src = src;
        this.models = models;
        this.summaries = summaries;
        this.types = types;
        this.owned = new GoOwnedResults(models, summaries, types);
        this.wrappers = new GoWrappers(src, summaries);
    }

    /** Every leak of the given models in the file's functions. */
    public static List<Lifecycle.Found> run(SyntaxNode root, byte[] src, List<Model> models, Summaries summaries) {
        return run(root, src, models, summaries, line -> true);
    }

    /**
     * Every leak of the given models in the file's functions, of which only the lines {@code shown} accepts are in
     * the diff: a function whose closing brace is not among them is cut by the hunk
     * ({@link Lifecycle.Facts#endUnseen}).
     */
    public static List<Lifecycle.Found> run(SyntaxNode root, byte[] src, List<Model> models, Summaries summaries,
                                            IntPredicate shown) {
        return run(root, src, models, summaries, shown, (line, var) -> false);
    }

    /**
     * As {@link #run(SyntaxNode, byte[], List, Summaries, IntPredicate)}; a value {@code added} names (its line and
     * variable) was brought in by the change, so a path past the hunk's end is not taken to hand it on.
     */
    public static List<Lifecycle.Found> run(SyntaxNode root, byte[] src, List<Model> models, Summaries summaries,
                                            IntPredicate shown, BiPredicate<Integer, String> added) {
        List<Lifecycle.Found> out = new ArrayList<>();
        if (models.isEmpty()) {
            return out;
        }
        Map<String, String> types = GoTypes.declared(root, src);
        GoLifecycle facts = new GoLifecycle(src, models, summaries.typed(types, null), types);
        facts.added = added;
        List<SyntaxNode> functions = new ArrayList<>();
        collect(root, functions);
        List<Cfg> graphs = new ArrayList<>();
        for (SyntaxNode f : functions) {
            // most functions acquire nothing the models know: skip building their graphs
            if (facts.mayAcquire(f.getChildByFieldName("body"))) {
                Cfg cfg = GoCfg.build(f, src);
                graphs.add(cfg);
                if (!shown.test(cfg.exit.line) && GoCutEnds.mayReturnTheValue(f, src)) {
                    facts.cutReturningValues.add(cfg);
                }
            }
        }
        if (facts.mayAcquire(root)) {
            Cfg fragment = GoCfg.buildFragment(root, src);
            if (fragment != null) {
                graphs.add(fragment);
            }
        }
        for (Cfg cfg : graphs) {
            for (Node n : cfg.nodes()) {
                for (Acquisition a : facts.acquire(n)) {
                    if (a.var().equals("_") && !a.model().kind().equals("resource")) {
                        continue; // a discarded cancel func or transaction has rules of its own
                    }
                    if (a.var().equals("_")) {
                        Lifecycle.Step step = new Lifecycle.Step(n.line, "the value is discarded here, so nothing"
                                + " can ever be " + a.model().verb().replaceFirst("ing$", "ed"));
                        out.add(new Lifecycle.Found(new Lifecycle.Leak(a, List.of(step),
                                "discards the value at line " + n.line + " without " + a.model().verb() + " it"), a.sure()));
                        continue;
                    }
                    Lifecycle.Leak leak = Lifecycle.check(cfg, a, facts);
                    if (leak != null) {
                        out.add(new Lifecycle.Found(leak, a.sure(), facts.cutReturningValues.contains(cfg)
                                && !facts.endUnseen(cfg, a)));
                    }
                }
            }
        }
        return out;
    }

    static void collect(SyntaxNode n, List<SyntaxNode> out) {
        String t = n.getType();
        if (t.equals("function_declaration") || t.equals("method_declaration") || t.equals("func_literal")) {
            out.add(n);
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            collect(n.getNamedChild(i), out);
        }
    }

    /** True when some assignment under {@code n} (not inside another function) calls a model's acquire pattern. */
    private boolean mayAcquire(SyntaxNode n) {
        if (n == null || n.isNull()) {
            return false;
        }
        String t = n.getType();
        if (t.equals("short_var_declaration") || t.equals("assignment_statement") || t.equals("expression_statement")
                || t.equals("return_statement") && n.getNamedChildCount() == 1) {
            SyntaxNode right = t.equals("expression_statement") ? n
                    : t.equals("return_statement") ? n.getNamedChild(0) : n.getChildByFieldName("right");
            if (right != null && !right.isNull() && right.getNamedChildCount() == 1
                    && right.getNamedChild(0).getType().equals("call_expression")) {
                SyntaxNode fn = right.getNamedChild(0).getChildByFieldName("function");
                if (fn != null && !fn.isNull()) {
                    String callee = SyntaxNode.text(src, fn);
                    for (Model m : models) {
                        for (Model.Acquire q : m.acquires()) {
                            if (q.call() != null && q.call().matcher(callee).find()) {
                                return true;
                            }
                        }
                    }
                    return t.equals("short_var_declaration") && owned.of(callee) != null;
                }
            }
            return false;
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            SyntaxNode c = n.getNamedChild(i);
            String ct = c.getType();
            if (!ct.equals("func_literal") && !ct.equals("function_declaration") && !ct.equals("method_declaration")
                    && mayAcquire(c)) {
                return true;
            }
        }
        return false;
    }

    /** The acquisitions at {@code n}, found once per node: the fixpoint asks again on every pass. */
    private List<Acquisition> acquire(Node n) {
        return acquisitions.computeIfAbsent(n, this::scan);
    }

    private List<Acquisition> scan(Node n) {
        List<Acquisition> out = new ArrayList<>();
        if (n.kind == Kind.STMT && n.ast instanceof SyntaxNode s && (s.getType().equals("short_var_declaration")
                || s.getType().equals("assignment_statement"))) {
            SyntaxNode left = s.getChildByFieldName("left");
            SyntaxNode right = s.getChildByFieldName("right");
            if (left != null && !left.isNull() && right != null && !right.isNull() && right.getNamedChildCount() == 1
                    && right.getNamedChild(0).getType().equals("call_expression")) {
                List<String> names = new ArrayList<>();
                for (int i = 0; i < left.getNamedChildCount(); i++) {
                    names.add(SyntaxNode.text(src, left.getNamedChild(i)));
                }
                match(n, right.getNamedChild(0), names, out);
            }
        } else if (n.kind == Kind.STMT && n.ast instanceof SyntaxNode s && s.getType().equals("expression_statement")
                && s.getNamedChildCount() == 1 && s.getNamedChild(0).getType().equals("call_expression")) {
            match(n, s.getNamedChild(0), List.of(), out); // only a duty on the receiver can start here
        } else if (n.kind == Kind.RETURN && n.ast instanceof SyntaxNode s && s.getNamedChildCount() == 1
                && s.getNamedChild(0).getType().equals("expression_list")
                && s.getNamedChild(0).getNamedChildCount() == 1
                && s.getNamedChild(0).getNamedChild(0).getType().equals("call_expression")) {
            // 'return cmd.Start()': a duty on the receiver starts here and the function ends at once; only the
            // call's result is handed back, the receiver goes nowhere
            match(n, s.getNamedChild(0).getNamedChild(0), List.of(), out);
        }
        return out;
    }

    private void match(Node n, SyntaxNode call, List<String> names, List<Acquisition> out) {
        SyntaxNode fn = call.getChildByFieldName("function");
        SyntaxNode args = call.getChildByFieldName("arguments");
        if (fn == null || fn.isNull()) {
            return;
        }
        String callee = SyntaxNode.text(src, fn);
        String argText = args == null || args.isNull() ? ""
                : GoTypes.contextsAsCtx(SyntaxNode.text(src, args), types);
        for (Model m : models) {
            for (Model.Acquire q : m.acquires()) {
                if (q.call() == null || !q.call().matcher(callee).find()
                        || q.args() != null && !q.args().matcher(argText).find()) {
                    continue;
                }
                Boolean sure = receiverMatches(q, callee);
                if (sure != null && q.tracksReceiver() && callee.lastIndexOf('.') > 0) {
                    // the duty is on the receiver (a BEGIN run on a connection), held by this function even when the
                    // connection is a field: it must end the transaction it began
                    String receiver = callee.substring(0, callee.lastIndexOf('.'));
                    if (KeptReceivers.before(call, receiver, src)) {
                        return; // stored in a struct before it started: its owner waits (a supervisor's Stop)
                    }
                    if (n.kind == Kind.RETURN && m.kind().equals("transaction")) {
                        return; // 'return conn.Exec("BEGIN")': a helper that begins for its caller
                    }
                    out.add(new Acquisition(n, receiver, errorResult(names, -1), m, sure && q.sure()));
                    return;
                }
                if (sure == null || q.tracksReceiver() || q.result() >= names.size()) {
                    continue;
                }
                String var = names.get(q.result());
                if (var.contains(".") || var.contains("[")) {
                    continue; // stored in a field or a map: owned by something longer-lived
                }
                if (n.ast instanceof SyntaxNode st && st.getType().equals("assignment_statement")
                        && new WiderScopeRelease(src).releasedInWiderScope(st, var, m)) {
                    continue; // a package variable or one captured from the enclosing function: that scope ends it
                }
                out.add(new Acquisition(n, var, errorResult(names, q.result()), m, sure && q.sure()));
                return;
            }
        }
        // a helper the review can see that hands back what it acquired: the caller owns it as if it had called
        // (declared here with :=; a value assigned to a variable declared outside is kept by whoever declared it)
        GoOwnedResults.Owned o = n.ast instanceof SyntaxNode s && s.getType().equals("short_var_declaration")
                ? owned.of(callee) : null;
        if (o != null && o.result() < names.size()) {
            String var = names.get(o.result());
            if (!var.contains(".") && !var.contains("[")) {
                out.add(new Acquisition(n, var, errorResult(names, o.result()), o.model(), true));
            }
        }
    }

    /**
     * The variable holding an acquisition's error, or null: Go returns the error last whatever the author names it
     * ({@code f, failure := os.Open(p)}), so the last of two or more names is it unless it is the value acquired
     * ({@code result}), blank, or a comma-ok flag. A lone name is an error only by its name ({@code err := c.Begin()}).
     */
    static String errorResult(List<String> names, int result) {
        if (names.isEmpty()) {
            return null;
        }
        String last = names.get(names.size() - 1);
        if (names.size() == 1) {
            return result < 0 && ERR_NAME.matcher(last).matches() ? last : null;
        }
        return result == names.size() - 1 || last.equals("_") || COMMA_OK.matcher(last).matches() ? null : last;
    }

    /** True (sure) or false (by name) when the receiver fits the entry, null when it does not. */
    private Boolean receiverMatches(Model.Acquire q, String callee) {
        if (q.receiver() == null && q.receiverType() == null) {
            return true;
        }
        int dot = callee.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String receiver = callee.substring(0, dot);
        String last = Summaries.simpleName(receiver);
        return q.receiverMatch(last, types.get(last));
    }

    @Override
    public Effect effect(Node n, Acquisition a) {
        if (n != a.at()) {
            for (Acquisition other : acquire(n)) {
                if (other.var().equals(a.var())) {
                    return Effect.OVERWRITE;
                }
            }
        }
        if (n.kind == Kind.ENTRY || n.kind == Kind.EXIT || n.kind == Kind.JUMP) {
            return Effect.NONE;
        }
        boolean condition = n.kind == Kind.BRANCH || n.kind == Kind.LOOP;
        if (a.var().indexOf('.') > 0 && releasedByMethod(n.text(), a)) {
            return Effect.RELEASE;
        }
        String text = n.text();
        if (text.contains(a.var() + ".(")) {
            // conn.(io.WriteCloser) is the same value: returning or storing the assertion hands the value on
            text = Pattern.compile("(?<![\\w.])" + Pattern.quote(a.var()) + "\\.\\([^()]*\\)").matcher(text)
                    .replaceAll(Matcher.quoteReplacement(a.var()));
        }
        return Uses.effect(text, a, summaries, condition);
    }

    private static final Pattern METHOD_CALL = Pattern.compile("(?<![\\w.])([\\p{L}_]\\w*)\\.([\\p{L}_]\\w*)\\s*\\(");

    /**
     * True when a duty held on a field ({@code a.conn}) is ended by a method the review can see, called on the same
     * object ({@code return a.abort(ctx, err)} whose body runs ROLLBACK on its receiver's {@code conn}): the field is
     * reached through the method's own receiver, not passed as an argument.
     */
    private boolean releasedByMethod(String text, Acquisition a) {
        int dot = a.var().indexOf('.');
        String object = a.var().substring(0, dot);
        String field = a.var().substring(dot); // ".conn"
        Matcher m = METHOD_CALL.matcher(text);
        while (m.find()) {
            if (!m.group(1).equals(object)) {
                continue;
            }
            List<Summaries.Function> fs = summaries.declarations(m.group(1) + "." + m.group(2));
            if (!fs.isEmpty() && fs.stream().allMatch(f -> releasesField(f.body(), field, a.model()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean releasesField(String body, String field, Model model) {
        Matcher r = Pattern.compile("(?<![\\w.])([\\p{L}_]\\w*)" + Pattern.quote(field) + "(?![\\w])").matcher(body);
        while (r.find()) {
            if (model.releasePattern(r.group(1) + field).matcher(body).find()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean refilledSlot(Acquisition a) {
        return CancelSlots.refilledSlot(a, src);
    }

    @Override
    public boolean endUnseen(Cfg cfg) {
        return cutReturningValues.contains(cfg);
    }

    @Override
    public boolean endUnseen(Cfg cfg, Acquisition a) {
        return endUnseen(cfg) && !added.test(a.at().line, a.var());
    }

    @Override
    public String movedTo(Node n, Acquisition a) {
        return wrappers.movedTo(n, a);
    }

    private final Map<Acquisition, Boolean> deferredClosures = new HashMap<>();

    @Override
    public boolean releasedAtExit(Cfg cfg, Acquisition a) {
        return deferredClosures.computeIfAbsent(a, x -> DeferredClosures.closureDeferredBefore(cfg, x));
    }

    @Override
    public Effect heldEffect(Node n, Acquisition a, String holder) {
        if (n.kind == Kind.STMT && n.text().startsWith("go ")
                && Pattern.compile("(?<![\\w.])" + Pattern.quote(holder) + "(?!\\w)").matcher(n.text()).find()) {
            return Effect.ESCAPE; // a goroutine that runs on the wrapper (go s.serve()) owns it from here
        }
        if (n.kind == Kind.STMT && n.ast instanceof SyntaxNode s && s.getType().equals("expression_statement")
                && wrappers.startsOwner(n.text(), holder)) {
            return Effect.ESCAPE;
        }
        return effect(n, new Acquisition(a.at(), holder, null, a.model(), a.sure()));
    }

    @Override
    public String unseen(Node n, Acquisition a) {
        return effect(n, a) == Effect.UNSEEN ? Uses.unseenHelper(n.text(), a, summaries) : null;
    }

    @Override
    public boolean assignsError(Node n, Acquisition a) {
        if (a.errorVar() == null || n == a.at() || !(n.ast instanceof SyntaxNode s)) {
            return false;
        }
        String t = s.getType();
        if (!t.equals("short_var_declaration") && !t.equals("assignment_statement") && !t.equals("var_declaration")) {
            return false;
        }
        SyntaxNode left = s.getChildByFieldName("left");
        String lhs = left == null || left.isNull() ? n.text() : SyntaxNode.text(src, left);
        return Pattern.compile("(?<![\\w.])" + Pattern.quote(a.errorVar()) + "(?!\\w)").matcher(lhs).find();
    }

    @Override
    public Edge deadEdge(Node branch, Acquisition a, boolean errorLive) {
        return Guards.deadEdge(branch.text(), a, errorLive, "nil");
    }
}
