package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import static kb.review.analysis.RareBranches.onFailurePath;
import static kb.review.analysis.RareBranches.underDebugGuard;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * The analyses that need helper summaries but no path: goroutines that cannot recover, periodic tasks that do not
 * catch everything, and logging inside loops. They work on the tree-sitter tree of either language.
 */
public final class Shapes {

    /** A node to report at, with how sure the check is. */
    public record Spot(int line, int column, boolean sure, String note) {
    }

    private static final Pattern RECOVER = Pattern.compile("\\brecover\\s*\\(\\s*\\)");
    private static final Pattern DEFERRED = Pattern.compile("\\bdefer\\s+([\\w.]+)\\s*\\(");
    /** A callee of the same package: a bare name, or a method or field whose name is unexported. */
    private static final Pattern OWN_ROUTINE = Pattern.compile("[A-Za-z_]\\w*|(?:[A-Za-z_]\\w*\\.)+[a-z_]\\w*");
    private static final Pattern RECOVER_NAME = Pattern.compile("(?i)recover|rescue|guard|safe|crash|panic");
    private static final Set<String> GO_LOOPS = Set.of("for_statement");
    private static final Set<String> GO_BOUNDARIES = Set.of("func_literal", "function_declaration",
            "method_declaration");
    private static final Set<String> JAVA_LOOPS = Set.of("for_statement", "enhanced_for_statement",
            "while_statement", "do_statement");
    private static final Set<String> JAVA_BOUNDARIES = Set.of("lambda_expression", "method_declaration",
            "constructor_declaration", "class_body", "static_initializer");

    private Shapes() {
    }

    private static Spot at(SyntaxNode n, boolean sure, String note) {
        return new Spot(n.getStartPoint().getRow() + 1, n.getStartPoint().getColumn() + 1, sure, note);
    }

    /**
     * Go defers that can be reached again from themselves before the function returns: on a cycle of the function's
     * control-flow graph. A defer inside a loop body that the iteration always leaves by return is not on one, and a
     * defer in a function literal belongs to the literal's own graph.
     */
    public static List<Spot> defersInLoops(SyntaxNode root, byte[] src) {
        List<SyntaxNode> functions = new ArrayList<>();
        GoLifecycle.collect(root, functions);
        List<Cfg> graphs = new ArrayList<>();
        for (SyntaxNode f : functions) {
            // only a function whose text holds a defer can have one on a cycle
            if (contains(src, f, DEFER_BYTES)) {
                graphs.add(GoCfg.build(f, src));
            }
        }
        // a hunk may show statements without their function: they make a graph of their own
        graphs.add(GoCfg.buildFragment(root, src));
        List<Spot> out = new ArrayList<>();
        for (Cfg cfg : graphs) {
            if (cfg == null) {
                continue;
            }
            for (Cfg.Node n : cfg.nodes()) {
                if (n.kind == Cfg.Kind.DEFER && onCycle(n) && n.ast instanceof SyntaxNode at) {
                    out.add(at(at, true, null));
                }
            }
        }
        return out;
    }

    /**
     * The note of a defer in a hidden loop whose turn goes on below the hunk. It keeps the finding low in every
     * language: the review did not see the turn come round, only a {@code continue} that says the loop does.
     */
    public static final String TURN_BELOW = "the loop's header is above the hunk and the rest of the turn below it;"
            + " a turn that always returns would run the defer once";

    /** As {@link #defersInLoops(SyntaxNode, byte[])}, with the defers of a diff in loops whose header it hides. */
    public static List<Spot> defersInLoops(SyntaxNode root, byte[] src, kb.review.diff.SourceFile file) {
        List<Spot> out = new ArrayList<>(defersInLoops(root, src));
        for (HiddenLoopDefers.Spot d : HiddenLoopDefers.lines(file)) {
            if (out.stream().noneMatch(s -> s.line() == d.line())) {
                int column = file.line(d.line()).indexOf("defer") + 1;
                out.add(new Spot(d.line(), column, false, d.turnShown() ? "the loop's header is above the hunk"
                        : TURN_BELOW));
            }
        }
        return out;
    }

    private static final byte[] DEFER_BYTES = "defer".getBytes(StandardCharsets.US_ASCII);

    /** True when the source bytes of {@code n} hold {@code word}. */
    private static boolean contains(byte[] src, SyntaxNode n, byte[] word) {
        int end = Math.min(src.length, n.getEndByte()) - word.length;
        outer:
        for (int i = n.getStartByte(); i <= end; i++) {
            for (int j = 0; j < word.length; j++) {
                if (src[i + j] != word[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean onCycle(Cfg.Node start) {
        ArrayDeque<Cfg.Node> todo = new ArrayDeque<>();
        Set<Cfg.Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < start.successorCount(); i++) {
            todo.add(start.successor(i));
        }
        while (!todo.isEmpty()) {
            Cfg.Node n = todo.poll();
            if (n == start) {
                return true;
            }
            if (seen.add(n)) {
                for (int i = 0; i < n.successorCount(); i++) {
                    todo.add(n.successor(i));
                }
            }
        }
        return false;
    }

    private static void walk(SyntaxNode n, String type, List<SyntaxNode> out) {
        if (n.getType().equals(type)) {
            out.add(n);
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            walk(n.getNamedChild(i), type, out);
        }
    }

    /**
     * Go statements whose function cannot recover from a panic: a literal whose body neither calls recover() nor
     * defers a function that does (a visible helper, a model recoverer, or, when the helper is not visible, one
     * named like a recoverer), or a named function visible to the review that does not. A named function that is
     * not visible is not reported. The jobs handed to the models' spawning calls ({@link GoSpawns}) that cannot
     * recover are reported too.
     */
    public static List<Spot> goroutinesWithoutRecover(SyntaxNode root, byte[] src, Summaries summaries,
                                                      List<GoSpawns.Spawn> spawns) {
        List<SyntaxNode> gos = new ArrayList<>();
        walk(root, "go_statement", gos);
        List<Spot> out = new ArrayList<>();
        if (!gos.isEmpty()) {
            // p.guard.Catch() resolves through the declared type of guard, in whatever package of the checkout
            summaries = summaries.typed(GoTypes.declared(root, src), null);
        }
        for (SyntaxNode g : gos) {
            SyntaxNode call = g.getNamedChildCount() > 0 ? g.getNamedChild(0) : null;
            if (call == null || !call.getType().equals("call_expression")) {
                continue;
            }
            SyntaxNode fn = call.getChildByFieldName("function");
            if (fn == null || fn.isNull()) {
                continue;
            }
            // a local name that holds a literal (`run := func(i int) {...}` then `go run(i)`) is judged as that literal
            SyntaxNode literal = fn.getType().equals("func_literal") ? fn
                    : GoGuardedBodies.localLiteral(g, text(src, fn), src);
            if (literal != null) {
                if (literalUnguarded(literal, src, summaries)) {
                    out.add(at(g, true, null));
                }
            } else if (recoversByText(g, text(src, fn), src)) {
                continue; // the local literal, in another hunk of the same function, visibly recovers
            } else if (!summaries.knows(text(src, fn)) && TeardownGoroutines.teardownCallee(text(src, fn))) {
                continue; // go conn.Close(), go p.closeConn(c): a close run off the caller's path (set 17, AH)
            } else {
                String callee = text(src, fn);
                if (summaries.knows(callee) && !summaries.guarded(callee)
                        && !IdleGoroutines.calleeRunsNoProgramCode(callee, summaries)) {
                    out.add(at(g, true, null));
                } else if (!summaries.knows(callee) && OWN_ROUTINE.matcher(callee).matches()) {
                    // the package's own function or method (`go worker(ch)`, `go sw.recvRoutine(p)`), body unseen:
                    // it may recover; a library's exported function (`go srv.Serve(l)`) is left alone
                    out.add(at(g, false, "the body of `" + callee + "` is not in the diff: it may recover"));
                }
            }
        }
        out.addAll(GoSpawns.withoutRecover(root, src, spawns, summaries));
        return out;
    }

    /**
     * True when a goroutine's function literal can let a panic escape: it recovers nothing itself, is not a fan-in
     * closer, not one call before an exit, runs the program's code, and does not run it all inside functions that
     * recover ({@link GoGuardedBodies}).
     */
    private static boolean literalUnguarded(SyntaxNode fn, byte[] src, Summaries summaries) {
        SyntaxNode body = fn.getChildByFieldName("body");
        boolean hasBody = body != null && !body.isNull();
        return !bodyRecovers(text(src, fn), summaries) && !onlyWaitsAndCloses(text(src, fn))
                && !ProcessExits.runsOneCallAndExits(fn, src) && !ProcessExits.endsProcessOnSignal(fn, src)
                && !(hasBody && IdleGoroutines.runsNoProgramCode(text(src, body), summaries))
                && !(hasBody && GoGuardedBodies.runsOnlyGuardedWork(text(src, body), summaries::guarded));
    }

    /** True when a local literal of that name, above the launch in the file's visible text, calls recover(). */
    private static boolean recoversByText(SyntaxNode g, String name, byte[] src) {
        String literal = GoGuardedBodies.localLiteralText(new String(src, StandardCharsets.UTF_8), name,
                g.getStartPoint().getRow());
        return literal != null && RECOVER.matcher(literal).find();
    }

    /** One statement of a fan-in closer: a wait, a done, a close of a channel, deferred or not. */
    private static final Pattern WAIT_OR_CLOSE = Pattern.compile(
            "(?:defer\\s+)?(?:close\\(\\s*[\\w.\\[\\]]+\\s*\\)|[\\w.\\[\\]]+\\.(?:Wait|Done)\\(\\s*\\))");

    /**
     * True for the fan-in closer {@code go func() { wg.Wait(); close(results) }()}: a literal whose every statement
     * waits on a group, marks it done or closes a channel. Nothing in it runs the program's own code, so there is
     * nothing for a recover to catch (closing a channel twice is the one panic, and a recover would hide that bug).
     * On the third held-out precision set three such goroutines were reported (go-redis, tempo).
     */
    static boolean onlyWaitsAndCloses(String literal) {
        int open = literal.indexOf('{');
        int close = literal.lastIndexOf('}');
        if (open < 0 || close <= open) {
            return false;
        }
        boolean any = false;
        for (String statement : literal.substring(open + 1, close).split("[;\\n]")) {
            String st = statement.replaceFirst("//.*", "").strip();
            if (st.isEmpty()) {
                continue;
            }
            if (!WAIT_OR_CLOSE.matcher(st).matches()) {
                return false;
            }
            any = true;
        }
        return any;
    }

    static boolean bodyRecovers(String body, Summaries summaries) {
        return InlineGuards.recovers(body, level -> levelRecovers(level, summaries)); // a per-run guard: own level
    }

    private static boolean levelRecovers(String body, Summaries summaries) {
        if (RECOVER.matcher(body).find()) {
            return true;
        }
        var m = DEFERRED.matcher(body);
        while (m.find()) {
            String callee = m.group(1);
            if (summaries.isModelRecoverer(callee) || summaries.recovers(callee)
                    || !summaries.knows(callee) && RECOVER_NAME.matcher(Summaries.simpleName(callee)).find()) {
                return true;
            }
        }
        return false;
    }

    /** Periodic tasks that do not catch everything: see {@link ScheduledTasks}. */
    public static List<Spot> tasksWithoutCatch(SyntaxNode root, byte[] src, Summaries summaries) {
        return ScheduledTasks.withoutCatch(root, src, summaries);
    }

    static void walkAll(SyntaxNode n, String type, List<SyntaxNode> out) {
        walk(n, type, out);
    }

    /**
     * Logging calls (callee matching a model logger) inside loops of the same function whose iterations repeat
     * with the traffic. {@code path} is the file's (a Go
     * {@code cmd/} package is a command); {@code known} the lines the diff shows (null: all), since a loop opened in
     * one hunk may have closed in a gap before a log of the next. {@code roundTrips} are the language's callees that
     * send a request and wait for its answer (a loop paced by one is not hot: {@link LoopPacing}).
     */
    public static List<Spot> logsInLoops(SyntaxNode root, byte[] src, boolean go, List<Pattern> loggers,
                                         List<Pattern> roundTrips, List<Pattern> polls, String path,
                                         java.util.BitSet known) {
        List<SyntaxNode> calls = new ArrayList<>();
        walk(root, go ? "call_expression" : "method_invocation", calls);
        List<Spot> out = new ArrayList<>();
        Set<String> loops = go ? GO_LOOPS : JAVA_LOOPS;
        Set<String> boundaries = go ? GO_BOUNDARIES : JAVA_BOUNDARIES;
        java.util.Map<String, Boolean> logger = new java.util.HashMap<>(); // a file calls the same callees many times
        for (SyntaxNode c : calls) {
            String callee;
            if (go) {
                SyntaxNode fn = c.getChildByFieldName("function");
                callee = fn == null || fn.isNull() ? "" : text(src, fn);
            } else {
                SyntaxNode obj = c.getChildByFieldName("object");
                SyntaxNode name = c.getChildByFieldName("name");
                callee = (obj == null || obj.isNull() ? "" : text(src, obj) + ".")
                        + (name == null || name.isNull() ? "" : text(src, name));
            }
            if (!logger.computeIfAbsent(callee, x -> loggers.stream().anyMatch(p -> p.matcher(x).find()))
                    || !inLoop(c, callee, src, loops, boundaries, known, go, roundTrips)
                    && !(known != null && CountedSkips.inHiddenLoop(c, src, go)) // a loop above the hunk
                    && !(known != null && ContinuedLoops.inHiddenLoop(c, src, go)) // after a skip, loop above
                    && !(go && GoTalliedBlocks.inHiddenLoop(c, src, known))
                    && !(!go && JavaTalliedCatches.inHiddenLoop(c, src, known)) // a counted catch, loop above
                    && !(go && GoChannelLoops.inHiddenLoop(c, src, known)) // a message loop above the hunk
                    && !PollLoops.idleLine(c, callee, src, known, polls) // the idle branch of a poll loop
                    || !go && callee.startsWith("System.") && LoopGuards.javaConsoleTool(c, src, path)
                    || go && GoLoops.programOutput(callee, path, src)
                    || go && GoLoops.exitStatusOutput(c, callee, src)
                    || go && ToolProgress.progressLine(callee, path)
                    || LoopGuards.inLifecycleFunction(c, src) || LogLoopExemptions.exempt(c, src, path, go)) {
                continue;
            }
            out.add(at(c, true, null));
        }
        return out;
    }

    /**
     * True when the whole loop runs under a debug-level test ({@code if (log.isDebugEnabled()) { for (Header h : ...)
     * log.debug(...) }}): a per-item dump that costs one flag test when the level is off, as the guard inside the loop
     * does.
     */
    private static boolean debugOnly(SyntaxNode loop, byte[] src, Set<String> boundaries) {
        SyntaxNode child = loop;
        for (SyntaxNode p = loop.getParent(); p != null && !p.isNull() && !boundaries.contains(p.getType());
             p = p.getParent()) {
            if (underDebugGuard(p, child, src)) {
                return true;
            }
            child = p;
        }
        return false;
    }

    private static boolean inLoop(SyntaxNode n, String callee, byte[] src, Set<String> loops,
                                  Set<String> boundaries, java.util.BitSet known, boolean go,
                                  List<Pattern> roundTrips) {
        SyntaxNode p = n.getParent();
        SyntaxNode child = n;
        boolean conditional = false;
        boolean failingElement = false; // the failure branch of a call per element, repeated per element
        while (p != null && !p.isNull()) {
            String t = p.getType();
            boolean counted = !go && CountedFailures.counts(p, child, src); // a tallied branch runs per element
            conditional |= (t.equals("if_statement") && !isField(p, "condition", child) || t.equals("catch_clause"))
                    && !counted;
            if (t.equals("lambda_expression") && LoopGuards.forEachBody(p, src)) {
                // a lambda given to forEach runs once per element, unless a debug-level test holds the whole call
                return !GuardedCallbacks.underDebugGuard(p, src, false);
            }
            if (t.equals("func_literal")) {
                GoLoops.Literal kind = GoLoops.literal(p, src);
                if (kind == GoLoops.Literal.PER_ITEM) {
                    return !GuardedCallbacks.underDebugGuard(p, src, true); // a WalkDir or Range callback, per item
                }
                if (kind == GoLoops.Literal.PER_ITERATION) {
                    child = p; // go func(){...}() or g.Go(...) in a loop: the loop around it counts
                    p = p.getParent();
                    continue;
                }
            }
            if (boundaries.contains(t) || LoopGuards.sampled(p, child, src, go) || LoopGuards.latched(p, child, src)
                    || LoopGuards.leavesLoop(p, child) && !(go && GoLoops.callbackBlock(p, src))) {
                return false;
            }
            if (!failingElement && (t.equals("catch_clause") || t.equals("if_statement"))
                    && FailingElements.repeats(p, child, n, callee, src, go)) {
                // a warning per element whose call to a shared store or service failed: every element fails when
                // that is down (round 21's go-35, java-25)
                failingElement = true;
            } else if (!counted && onFailurePath(p, child, src, go, n)) {
                // a catch block or the error branch of an if runs when an item fails, not on every iteration, unless
                // the code counts its failures and sums them up after the loop (the summary says they are many)
                if (!SummarisedLoops.around(p, callee, src, go)) {
                    return false;
                }
                failingElement = true;
            }
            if (underDebugGuard(p, child, src)) {
                // if (log.isDebugEnabled()) costs a flag test per iteration where services run: what LOG-01 asks for
                return false;
            }
            if (loops.contains(t)) {
                // the loop's own header (its condition or range) runs per iteration too, but a logger there is odd;
                // only calls in the body count
                SyntaxNode body = p.getChildByFieldName("body");
                return body != null && !body.isNull() && body.getStartByte() <= child.getStartByte()
                        && child.getEndByte() <= body.getEndByte() && !LoopGuards.overFailures(p, src)
                        && shown(known, p.getStartPoint().getRow() + 1, n.getStartPoint().getRow() + 1)
                        && !LogTraffic.smallFixedBound(p, src) && !LoopPacing.pacedBySeconds(p, src)
                        && !CommandLineLoops.overArguments(p, src, go)
                        && !(go && LoopPacing.waitsAfter(p, n, src))
                        && !LoopPacing.pacedByRoundTrip(p, src, go, roundTrips) && !LogTraffic.batchSummary(p, n, src)
                        && !(go && (BatchLoops.perBatch(p, n, src) || CursorPages.perPage(p, n, src)))
                        && (!conditional || failingElement || InputLoops.walksInput(p, src))
                        && !debugOnly(p, src, boundaries);
            }
            child = p;
            p = p.getParent();
        }
        return false;
    }

    private static boolean isField(SyntaxNode p, String field, SyntaxNode child) {
        SyntaxNode f = p.getChildByFieldName(field);
        return f != null && !f.isNull() && f.getStartByte() == child.getStartByte()
                && f.getEndByte() == child.getEndByte();
    }

    /** True when the diff shows every line from {@code from} to {@code to} (or {@code known} is null). */
    private static boolean shown(java.util.BitSet known, int from, int to) {
        return known == null || known.nextClearBit(from) > to;
    }
}
