package kb.review.analysis;

import java.util.List;
import kb.review.diff.SyntaxNode;

/**
 * What the analyses that need helper summaries but no path share: the spot they report ({@link LoopDefers},
 * {@link UnrecoveredGoroutines}, {@link LoopLogs}, {@link ScheduledTasks}) and a walk of the tree by node type.
 */
public final class Shapes {

    /** A node to report at, with how sure the check is. */
    public record Spot(int line, int column, boolean sure, String note) {
    }

    private Shapes() {
    }

    static Spot at(SyntaxNode n, boolean sure, String note) {
        return new Spot(n.getStartPoint().getRow() + 1, n.getStartPoint().getColumn() + 1, sure, note);
    }

    static void walk(SyntaxNode n, String type, List<SyntaxNode> out) {
        if (n.getType().equals(type)) {
            out.add(n);
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            walk(n.getNamedChild(i), type, out);
        }
    }

    /** Periodic tasks that do not catch everything: see {@link ScheduledTasks} and {@link OneShotSchedules}. */
    public static List<Spot> tasksWithoutCatch(SyntaxNode root, byte[] src, Summaries summaries) {
        return ScheduledTasks.withoutCatch(root, src, summaries);
    }

    static void walkAll(SyntaxNode n, String type, List<SyntaxNode> out) {
        walk(n, type, out);
    }
}
