package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import static kb.review.analysis.Shapes.at;
import static kb.review.analysis.Shapes.walk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import kb.review.analysis.Shapes.Spot;
import kb.review.diff.SyntaxNode;

/** Go statements whose function cannot recover from a panic, and the bodies that can. */
public final class UnrecoveredGoroutines {

    private static final Pattern RECOVER = Pattern.compile("\\brecover\\s*\\(\\s*\\)");
    private static final Pattern DEFERRED = Pattern.compile("\\bdefer\\s+([\\w.]+)\\s*\\(");
    /** A callee of the same package: a bare name, or a method or field whose name is unexported. */
    private static final Pattern OWN_ROUTINE = Pattern.compile("[A-Za-z_]\\w*|(?:[A-Za-z_]\\w*\\.)+[a-z_]\\w*");
    private static final Pattern RECOVER_NAME = Pattern.compile("(?i)recover|rescue|guard|safe|crash|panic");

    private UnrecoveredGoroutines() {
    }

    /**
     * Go statements whose function cannot recover from a panic: a literal whose body neither calls recover() nor
     * defers a function that does (a visible helper, a model recoverer, or, when the helper is not visible, one
     * named like a recoverer), or a named function visible to the review that does not. A named function that is
     * not visible is not reported. A launch the change rewrote to run its old function through a runner out of sight
     * ({@link RewrappedLaunches}) is not reported either. The jobs handed to the models' spawning calls
     * ({@link GoSpawns}) that cannot recover are reported too.
     */
    public static List<Spot> goroutinesWithoutRecover(SyntaxNode root, byte[] src, Summaries summaries,
                                                      List<GoSpawns.Spawn> spawns, IntFunction<String> removedBlock) {
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
                SyntaxNode body = literal.getChildByFieldName("body");
                // (session 38) a literal that now runs the old launch's function through a runner is the rewrap too
                if (literalUnguarded(literal, src, summaries) && !(literal == fn && body != null && !body.isNull()
                        && RewrappedLaunches.wrapsRemovedLaunch("", text(src, body),
                        removedBlock.apply(g.getStartPoint().getRow() + 1)))) {
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
                } else if (!summaries.knows(callee) && OWN_ROUTINE.matcher(callee).matches()
                        && !RewrappedLaunches.wrapsRemovedLaunch(callee,
                        text(src, call.getChildByFieldName("arguments")),
                        removedBlock.apply(g.getStartPoint().getRow() + 1))) {
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
}
