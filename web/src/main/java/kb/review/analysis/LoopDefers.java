package kb.review.analysis;

import static kb.review.analysis.Shapes.at;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import kb.review.analysis.Shapes.Spot;
import kb.review.diff.SyntaxNode;

/** Go defers that run again before their function returns: on a cycle of its control-flow graph. */
public final class LoopDefers {

    private LoopDefers() {
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
}
