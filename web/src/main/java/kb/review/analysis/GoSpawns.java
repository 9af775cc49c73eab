package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kb.format.YamlTree;
import org.yaml.snakeyaml.nodes.Node;
import kb.review.diff.SyntaxNode;
import kb.review.diff.TreeSitter;

/**
 * Go library calls that run a function they are given on a goroutine of their own, like a {@code go} statement:
 * robfig/cron's {@code c.AddFunc(spec, fn)} runs {@code fn} on a new goroutine at every tick, so a panic in it ends
 * the process unless the function recovers or the scheduler was built with a recovering wrapper
 * ({@code cron.New(cron.WithChain(cron.Recover(logger)))}). Read from the {@code spawns:} entries of the Go model
 * files: {@code call} (the callee), {@code built-by} (the scheduler's constructor: only a scheduler built in the same
 * file, with no call to a model recoverer among its arguments, is known to run jobs bare) and, optionally,
 * {@code caller-params} (a regex the parameter list of the function making the spawning call must match: errgroup's
 * {@code Go} counts only in a request handler, whose recovery does not reach the goroutines it starts).
 */
public final class GoSpawns {

    /** One entry: a call that runs its last function argument on its own goroutine, and its scheduler's constructor. */
    public record Spawn(Pattern call, Pattern builtBy, Pattern callerParams) {
    }

    private static final Set<String> KEYS = Set.of("call", "built-by", "caller-params");

    private GoSpawns() {
    }

    static void read(YamlTree y, String language, Map<String, Node> top, List<Spawn> out) {
        if (!top.containsKey("spawns")) {
            return;
        }
        if (!"go".equals(language)) {
            y.error(top.get("spawns"), "'spawns' is for go model files");
        }
        for (Node n : y.sequence(top, "spawns")) {
            Map<String, Node> m = y.mapping(n, "a spawns entry", KEYS);
            if (m == null) {
                continue;
            }
            Pattern call = Models.regex(y, m, "call");
            Pattern builtBy = Models.regex(y, m, "built-by");
            Pattern callerParams = m.containsKey("caller-params") ? Models.regex(y, m, "caller-params") : null;
            if (!m.containsKey("call") || !m.containsKey("built-by")) {
                y.error(n, "a spawns entry needs 'call' and 'built-by'");
            } else if (call != null && builtBy != null && (callerParams != null || !m.containsKey("caller-params"))) {
                out.add(new Spawn(call, builtBy, callerParams));
            }
        }
    }

    /**
     * The function literals (and functions the review can see) handed to a spawning call whose scheduler is built in
     * this file without a recovering wrapper, and that do not recover themselves: reported at the spawning call.
     */
    static List<Shapes.Spot> withoutRecover(SyntaxNode root, byte[] src, List<Spawn> spawns, Summaries summaries) {
        List<Shapes.Spot> out = new ArrayList<>();
        if (spawns.isEmpty()) {
            return out;
        }
        List<SyntaxNode> calls = new ArrayList<>();
        Shapes.walkAll(root, "call_expression", calls);
        for (Spawn s : spawns) {
            boolean bare = false;
            boolean guarded = false;
            for (SyntaxNode c : calls) {
                if (s.builtBy().matcher(callee(c, src)).find()) {
                    SyntaxNode args = c.getChildByFieldName("arguments");
                    boolean recovers = args != null && !args.isNull() && wrapsRecoverer(args, src, summaries);
                    guarded |= recovers;
                    bare |= !recovers;
                }
            }
            if (!bare || guarded) {
                continue; // built elsewhere (its wrappers unseen), or some scheduler here recovers: not known to be bare
            }
            for (SyntaxNode c : calls) {
                if (!s.call().matcher(callee(c, src)).find() || !callerMatches(s, c, src)) {
                    continue;
                }
                SyntaxNode args = c.getChildByFieldName("arguments");
                if (args == null || args.isNull() || args.getNamedChildCount() == 0) {
                    continue;
                }
                SyntaxNode fn = args.getNamedChild(args.getNamedChildCount() - 1);
                String text = text(src, fn);
                SyntaxNode body = fn.getType().equals("func_literal") ? fn.getChildByFieldName("body") : null;
                boolean recovers = fn.getType().equals("func_literal")
                        ? UnrecoveredGoroutines.bodyRecovers(text, summaries)
                        // a callback that only tears one thing down or signals runs none of the program's work
                        || body != null && !body.isNull() && IdleGoroutines.runsNoProgramCode(text(src, body), summaries)
                        : !summaries.knows(text) || summaries.recovers(text);
                if (!recovers) {
                    out.add(new Shapes.Spot(c.getStartPoint().getRow() + 1, c.getStartPoint().getColumn() + 1, true,
                            null));
                }
            }
        }
        return out;
    }

    /** True when the entry names no caller, or the named function making the call declares matching parameters. */
    private static boolean callerMatches(Spawn s, SyntaxNode call, byte[] src) {
        if (s.callerParams() == null) {
            return true;
        }
        SyntaxNode fn = TreeSitter.enclosing(call, Set.of("function_declaration", "method_declaration"));
        SyntaxNode params = fn == null ? null : fn.getChildByFieldName("parameters");
        return params != null && !params.isNull() && s.callerParams().matcher(text(src, params)).find();
    }

    /** True when a call to a model recoverer ({@code cron.Recover(l)}) sits among the arguments. */
    private static boolean wrapsRecoverer(SyntaxNode args, byte[] src, Summaries summaries) {
        List<SyntaxNode> inner = new ArrayList<>();
        Shapes.walkAll(args, "call_expression", inner);
        return inner.stream().anyMatch(c -> summaries.isModelRecoverer(callee(c, src)));
    }

    private static String callee(SyntaxNode c, byte[] src) {
        SyntaxNode fn = c.getChildByFieldName("function");
        return fn == null || fn.isNull() ? "" : text(src, fn);
    }
}
