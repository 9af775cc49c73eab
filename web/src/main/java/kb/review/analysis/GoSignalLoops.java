package kb.review.analysis;

import java.util.function.BiPredicate;
import java.util.function.Predicate;
import kb.review.diff.SyntaxNode;

/**
 * Go loop turns driven by signals, not by input: each turn blocks in a {@code select} (no default) whose every case
 * either receives and drops the value ({@code case <-ticker.C:}, {@code case <-wake:}, {@code case
 * <-trigger.Wait(ctx):}) or leaves the loop ({@code case <-ctx.Done(): return}). No case takes an element to work on,
 * so a line written once per turn is one per wake-up of a scheduler, a reaper or a job runner (a timer, a user's
 * trigger, a config change), not one per element of a loop over input (LOG-01). A case that binds what it receives
 * ({@code case msg := <-in:}) or sends ({@code case out <- v:}) makes it a per-message loop again, and so does a
 * default case (the turn does not wait).
 */
final class GoSignalLoops {

    private GoSignalLoops() {
    }

    /**
     * True when {@code select} has no default, one case at least is a dropped receive, and every other case is one
     * too or, by {@code waitsOrLeaves} (the case and its communication), waits on a timer or leaves the loop.
     */
    static boolean onlySignals(SyntaxNode select, byte[] src, BiPredicate<SyntaxNode, SyntaxNode> waitsOrLeaves) {
        boolean signal = false;
        for (int i = 0; i < select.getNamedChildCount(); i++) {
            SyntaxNode c = select.getNamedChild(i);
            switch (c.getType()) {
                case "default_case" -> {
                    return false;
                }
                case "communication_case" -> {
                    SyntaxNode comm = c.getChildByFieldName("communication");
                    if (comm != null && !comm.isNull() && droppedReceive(comm, src)) {
                        signal = true;
                    } else if (!waitsOrLeaves.test(c, comm)) {
                        return false;
                    }
                }
                default -> {
                }
            }
        }
        return signal;
    }

    /**
     * A receive whose value nobody keeps: {@code <-ch} with no left-hand side. Not a receive from a {@code .C} field:
     * that is the shape of a timer's or ticker's channel, which {@link LoopPacing} judges by how the value is made; a
     * {@code .C} of anything else (a queue's delivery channel) hands over an item per receive.
     */
    private static boolean droppedReceive(SyntaxNode comm, byte[] src) {
        if (!comm.getType().equals("receive_statement")) {
            return false;
        }
        SyntaxNode left = comm.getChildByFieldName("left");
        return (left == null || left.isNull()) && !CHANNEL_FIELD.matcher(SyntaxNode.text(src, comm)).find();
    }

    private static final java.util.regex.Pattern CHANNEL_FIELD =
            java.util.regex.Pattern.compile("<-\\s*[\\w.]+\\.C\\s*$");

    /**
     * True when {@code ifStatement} has an else and both branches hold, as a statement of their own block, one that
     * {@code waits} (a signal select in each branch: with a ticker and without one).
     */
    static boolean bothBranchesWait(SyntaxNode ifStatement, Predicate<SyntaxNode> waits) {
        SyntaxNode then = ifStatement.getChildByFieldName("consequence");
        SyntaxNode otherwise = ifStatement.getChildByFieldName("alternative");
        return then != null && !then.isNull() && otherwise != null && !otherwise.isNull()
                && blockWaits(then, waits) && blockWaits(otherwise, waits);
    }

    private static boolean blockWaits(SyntaxNode block, Predicate<SyntaxNode> waits) {
        if (block.getType().equals("if_statement")) {
            return bothBranchesWait(block, waits);
        }
        for (int i = 0; i < block.getNamedChildCount(); i++) {
            SyntaxNode st = block.getNamedChild(i);
            if (st.getType().equals("statement_list")) {
                for (int j = 0; j < st.getNamedChildCount(); j++) {
                    if (waits.test(st.getNamedChild(j))) {
                        return true;
                    }
                }
            } else if (waits.test(st)) {
                return true;
            }
        }
        return false;
    }
}
