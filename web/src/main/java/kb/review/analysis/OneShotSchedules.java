package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kb.review.analysis.Shapes.Spot;
import kb.review.diff.SyntaxNode;

/**
 * The two one-shot {@code schedule} calls that behave like periodic ones (session 37, conc37), read beside
 * {@link ScheduledTasks}:
 * <ul>
 * <li>a {@code TimerTask} held in a local or a field and handed to a {@code Timer}'s {@code schedule} (a debounce
 * task rebuilt on every change, a delayed stop): one exception from it ends the Timer's only thread, and every later
 * task of that Timer is refused. The value is found at its declaration or at its last assignment in the file, and
 * judged as the inline task would be.</li>
 * <li>a task that schedules its own method again ({@code executor.schedule(() -> checkAndReschedule(id), delay,
 * unit)} inside {@code checkAndReschedule}, or {@code this::poll} inside {@code poll}): the chain is a periodic job
 * written by hand, and an exception before the next schedule ends it. Guarded when the method catches everything, or
 * when the schedule sits in a {@code finally}; a schedule in a {@code catch} is a retry after a failure, not a
 * chain, and is left alone.</li>
 * </ul>
 */
final class OneShotSchedules {

    private static final Pattern TIMER = Pattern.compile("(?i)timer$");
    private static final Pattern TIMER_TASK = Pattern.compile("^(?:java\\.util\\.)?TimerTask\\b");
    private static final Pattern HANDOFF = Pattern.compile("\\w\\.(?:submit|execute)$");

    private OneShotSchedules() {
    }

    /** A held TimerTask handed to a Timer's one-shot or periodic {@code schedule}, or null. */
    static Spot heldTimerTask(SyntaxNode call, SyntaxNode task, byte[] src, Summaries summaries, SyntaxNode root) {
        SyntaxNode value = heldValue(call, task, src, root);
        if (value == null || !value.getType().equals("object_creation_expression")) {
            return null;
        }
        SyntaxNode receiver = call.getChildByFieldName("object");
        boolean timer = receiver != null && !receiver.isNull() && TIMER.matcher(text(src, receiver)).find();
        SyntaxNode type = value.getChildByFieldName("type");
        String typeName = type == null || type.isNull() ? "" : text(src, type).strip();
        if (ScheduledTasks.classBody(value) != null) {
            String only = TaskGuards.onlyCall(text(src, value));
            // a run() that only hands the work to a pool (`pool.submit(job)`): the work fails on the pool's thread,
            // not on the Timer's; what is lost there is the pool's future, CONC-06's business
            boolean handoff = only != null && HANDOFF.matcher(only).find();
            return (timer || TIMER_TASK.matcher(typeName).find()) && !handoff
                    ? ScheduledTasks.inline(call, value, src, summaries) : null;
        }
        return ScheduledTasks.named(call, value, src, summaries, false, root);
    }

    /**
     * The value a task named by {@code task} holds where it is scheduled: its local's initialiser, its field's
     * initialiser, or (neither initialised) the last assignment of that name in the file before the call.
     */
    static SyntaxNode heldValue(SyntaxNode call, SyntaxNode task, byte[] src, SyntaxNode root) {
        String name = text(src, task);
        SyntaxNode declarator = ScheduledTasks.declarator(Timeouts.function(call), name, src, call.getStartByte());
        if (declarator == null) {
            declarator = ScheduledTasks.field(root, name, src);
        }
        SyntaxNode value = declarator == null ? null : declarator.getChildByFieldName("value");
        if (value != null && !value.isNull()) {
            return value;
        }
        List<SyntaxNode> assignments = new ArrayList<>();
        Shapes.walkAll(root, "assignment_expression", assignments);
        SyntaxNode last = null;
        for (SyntaxNode a : assignments) {
            SyntaxNode left = a.getChildByFieldName("left");
            SyntaxNode right = a.getChildByFieldName("right");
            if (a.getStartByte() < call.getStartByte() && left != null && !left.isNull() && right != null
                    && !right.isNull() && text(src, left).replaceFirst("^this\\s*\\.\\s*", "").equals(name)) {
                last = right;
            }
        }
        return last;
    }

    /** A task that schedules the method it is scheduled from, without a catch-all or a finally around it. */
    static Spot selfRescheduled(SyntaxNode call, SyntaxNode task, byte[] src) {
        SyntaxNode function = Timeouts.function(call);
        if (function == null || function.isNull() || !function.getType().equals("method_declaration")) {
            return null;
        }
        SyntaxNode name = function.getChildByFieldName("name");
        SyntaxNode body = function.getChildByFieldName("body");
        if (name == null || name.isNull() || body == null || body.isNull()) {
            return null;
        }
        String method = text(src, name);
        String runs = task.getType().equals("method_reference") ? reference(text(src, task))
                : ScheduledTasks.onlyCall(task, src);
        if (!method.equals(runs) || inHandler(call, function) || CatchAlls.swallows(text(src, body))) {
            return null;
        }
        return ScheduledTasks.at(call, true, null);
    }

    /** {@code this::poll}: the method of this object a reference names; null for another object's method. */
    private static String reference(String ref) {
        int at = ref.lastIndexOf("::");
        String on = ref.substring(0, at).strip();
        return on.equals("this") ? ref.substring(at + 2).strip() : null;
    }

    private static boolean inHandler(SyntaxNode n, SyntaxNode function) {
        for (SyntaxNode p = n.getParent(); !p.isNull() && !p.equals(function); p = p.getParent()) {
            if (p.getType().equals("catch_clause") || p.getType().equals("finally_clause")) {
                return true;
            }
        }
        return false;
    }
}
