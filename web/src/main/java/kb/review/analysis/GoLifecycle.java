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
public final class GoLifecycle implements LifecycleFacts {

    private final byte[] src;
    private final Summaries summaries;
    private final GoAcquisitions acquisitions;
    private final GoWrappers wrappers;
    /** The functions cut by the hunk that may hand what they open back in their results ({@link GoCutEnds}). */
    private final Set<Cfg> cutReturningValues = new HashSet<>();
    /** Every function whose closing brace the diff does not show. */
    private final Set<Cfg> cut = new HashSet<>();
    /** The named results of each function's graph ({@code (resp *http.Response, err error)}: resp and err). */
    private final Map<Cfg, Set<String>> namedResults = new java.util.HashMap<>();
    /** The named results of the function whose graph is being checked. */
    private Set<String> named = Set.of();
    /** (line, variable): an acquisition the change added, which no code it left alone held before. */
    private final BiPredicate<Integer, String> added;
    /** The change's deleted lines by the new line they stood before ({@link CutTransactions}); empty: a whole file. */
    private java.util.NavigableMap<Integer, String> removed = new java.util.TreeMap<>();
    /** Which lines of the new side the change added ({@link RewrittenAcquisitions}); none in a whole file. */
    private IntPredicate addedLine = line -> false;
    /** The first line of each function's graph, for the deleted lines inside it. */
    private final Map<Cfg, Integer> firstLine = new HashMap<>();

    private GoLifecycle(byte[] src, List<Model> models, Summaries summaries, Map<String, String> types,
                        BiPredicate<Integer, String> added) {
        this.src = src;
        this.summaries = summaries;
        this.acquisitions = new GoAcquisitions(src, models, summaries, types);
        this.wrappers = new GoWrappers(src, summaries);
        this.added = added;
    }

    /** Every leak of the given models in the file's functions. */
    public static List<Lifecycle.Found> run(SyntaxNode root, byte[] src, List<Model> models, Summaries summaries) {
        return run(root, src, models, summaries, line -> true);
    }

    /**
     * Every leak of the given models in the file's functions, of which only the lines {@code shown} accepts are in
     * the diff: a function whose closing brace is not among them is cut by the hunk
     * ({@link LifecycleFacts#endUnseen}).
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
        return run(root, src, models, summaries, shown, added, new java.util.TreeMap<>());
    }

    /**
     * As {@link #run(SyntaxNode, byte[], List, Summaries, IntPredicate, BiPredicate)}; {@code removed} holds the
     * change's deleted lines (keyed by the new line they stood before), which tell whether it took away the end of
     * a transaction below the hunk.
     */
    public static List<Lifecycle.Found> run(SyntaxNode root, byte[] src, List<Model> models, Summaries summaries,
                                            IntPredicate shown, BiPredicate<Integer, String> added,
                                            java.util.NavigableMap<Integer, String> removed) {
        return run(root, src, models, summaries, shown, added, removed, line -> false);
    }

    /**
     * As {@link #run(SyntaxNode, byte[], List, Summaries, IntPredicate, BiPredicate, java.util.NavigableMap)};
     * {@code addedLine} tells the change's added lines, so that a resource whose acquisition the change only
     * rewrote is known ({@link RewrittenAcquisitions}).
     */
    public static List<Lifecycle.Found> run(SyntaxNode root, byte[] src, List<Model> models, Summaries summaries,
                                            IntPredicate shown, BiPredicate<Integer, String> added,
                                            java.util.NavigableMap<Integer, String> removed, IntPredicate addedLine) {
        List<Lifecycle.Found> out = new ArrayList<>();
        if (models.isEmpty()) {
            return out;
        }
        Map<String, String> types = GoTypes.declared(root, src);
        GoLifecycle facts = new GoLifecycle(src, models, summaries.typed(types, null), types, added);
        facts.removed = removed;
        facts.addedLine = addedLine;
        List<SyntaxNode> functions = new ArrayList<>();
        collect(root, functions);
        List<Cfg> graphs = new ArrayList<>();
        for (SyntaxNode f : functions) {
            // most functions acquire nothing the models know: skip building their graphs
            if (facts.acquisitions.mayAcquire(f.getChildByFieldName("body"))) {
                Cfg cfg = GoCfg.build(f, src, shown);
                graphs.add(cfg);
                facts.namedResults.put(cfg, namedResults(f, src));
                if (!shown.test(cfg.exit.line)) {
                    facts.cut.add(cfg);
                    facts.firstLine.put(cfg, f.getStartPoint().getRow() + 1);
                }
                if (!shown.test(cfg.exit.line) && GoCutEnds.mayReturnTheValue(f, src)) {
                    facts.cutReturningValues.add(cfg);
                }
            }
        }
        if (facts.acquisitions.mayAcquire(root)) {
            Cfg fragment = GoCfg.buildFragment(root, src, shown);
            if (fragment != null) {
                graphs.add(fragment);
                // statements outside any visible function: their end is where the hunk stops, a cut like a function's
                facts.cut.add(fragment);
                facts.firstLine.put(fragment, fragment.entry.line);
            }
        }
        for (Cfg cfg : graphs) {
            for (Node n : cfg.nodes()) {
                for (Acquisition a : facts.acquisitions.at(n)) {
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
                    facts.named = facts.namedResults.getOrDefault(cfg, Set.of());
                    Lifecycle.Leak leak = Lifecycle.check(cfg, a, facts);
                    if (leak != null) {
                        out.add(new Lifecycle.Found(leak, a.sure(), facts.cutReturningValues.contains(cfg)
                                && !facts.endUnseen(cfg, a)));
                    }
                }
            }
        }
        if (GoHandClosed.wanted(models)) {
            facts.handClosed(functions, shown, out, models);
        }
        return out;
    }

    /** The leaks of locals a whole function closes by hand ({@link GoHandClosed}) that no model tracks. */
    private void handClosed(List<SyntaxNode> functions, IntPredicate shown, List<Lifecycle.Found> out,
                            List<Model> models) {
        for (SyntaxNode f : functions) {
            List<GoHandClosed.Candidate> candidates = GoHandClosed.candidates(f, src, models);
            Cfg cfg = candidates.isEmpty() ? null : GoCfg.build(f, src);
            if (cfg == null) {
                continue;
            }
            if (!shown.test(cfg.exit.line)) {
                // a deferred close covers every path below it, so only the lines down to it need to be in view; the
                // graph is then the cut one, whose paths falling off the hunk do not leave the function
                candidates = candidates.stream().filter(GoHandClosed.Candidate::deferred).toList();
                if (candidates.isEmpty()) {
                    continue;
                }
                cfg = GoCfg.build(f, src, shown);
                cut.add(cfg);
                firstLine.put(cfg, f.getStartPoint().getRow() + 1);
            }
            for (Acquisition a : GoHandClosed.acquisitions(candidates, cfg, src)) {
                if (acquisitions.at(a.at()).stream().noneMatch(o -> o.var().equals(a.var()))) {
                    Lifecycle.Leak leak = Lifecycle.check(cfg, a, this);
                    if (leak != null) {
                        out.add(new Lifecycle.Found(leak, false));
                    }
                }
            }
        }
    }

    private static final Pattern BARE_RETURN = Pattern.compile("\\s*return\\s*;?\\s*");

    /** The names of a Go function's named results, none when its results are unnamed. */
    static Set<String> namedResults(SyntaxNode f, byte[] src) {
        SyntaxNode result = f.getChildByFieldName("result");
        if (result == null || !result.getType().equals("parameter_list")) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        for (int i = 0; i < result.getNamedChildCount(); i++) {
            SyntaxNode p = result.getNamedChild(i);
            for (int j = 0; j < p.getNamedChildCount(); j++) {
                SyntaxNode c = p.getNamedChild(j);
                if (c.getType().equals("identifier")) { // a type is a type_identifier, never an identifier
                    out.add(new String(src, c.getStartByte(), c.getEndByte() - c.getStartByte(),
                            java.nio.charset.StandardCharsets.UTF_8));
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

    @Override
    public Effect effect(Node n, Acquisition a) {
        if (n != a.at()) {
            for (Acquisition other : acquisitions.at(n)) {
                if (other.var().equals(a.var())) {
                    return Effect.OVERWRITE;
                }
            }
        }
        if (n.kind == Kind.RETURN && named.contains(a.var()) && BARE_RETURN.matcher(n.text()).matches()) {
            // a bare return hands the named results to the caller: a response kept in `resp` of `(resp
            // *http.Response, err error)` is the caller's to close, as with `return resp, err` (set 20, T)
            return Effect.ESCAPE;
        }
        if (n.kind == Kind.ENTRY || n.kind == Kind.EXIT || n.kind == Kind.JUMP) {
            return Effect.NONE;
        }
        boolean condition = n.kind == Kind.BRANCH || n.kind == Kind.LOOP;
        String companion = acquisitions.companion(a);
        if (companion != null && !condition && Pattern.compile("(?<![\\w.])" + Pattern.quote(companion)
                + "\\s*\\(").matcher(CodeText.code(n.text())).find()) {
            return Effect.RELEASE; // the helper's own release, handed back with the value (ReleaseCompanions)
        }
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
    public boolean endedBelowCut(Cfg cfg, Acquisition a) {
        Integer first = firstLine.get(cfg);
        String inside = first == null ? "" : String.join("", removed.subMap(first, true, cfg.exit.line + 1, true)
                .values());
        return CutTransactions.endedBelowCut(a, cut.contains(cfg), added, inside)
                || RewrittenAcquisitions.endedBelowCut(a, cut.contains(cfg), removed, addedLine, inside)
                || CutCancels.endedBelowCut(a, cut.contains(cfg), added, inside);
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
        if ((n.kind == Kind.STMT || n.kind == Kind.DEFER) && n.text().contains(holder + ".Close")
                && !a.model().show(holder).equals(holder) && Pattern.compile(
                "(?<![\\w.])" + Pattern.quote(holder) + "\\.Close\\(\\s*\\)").matcher(CodeText.code(n.text())).find()) {
            return Effect.RELEASE; // a local naming the body itself (GoWrappers#alias), closed under that name
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
        return Regexes.compiled("(?<![\\w.])" + Pattern.quote(a.errorVar()) + "(?!\\w)").matcher(lhs).find();
    }

    @Override
    public Edge deadEdge(Node branch, Acquisition a, boolean errorLive) {
        return Guards.deadEdge(branch.text(), a, errorLive, "nil");
    }
}
