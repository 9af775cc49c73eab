package kb.review.analysis;

import java.util.Set;
import kb.review.diff.SyntaxNode;

/**
 * Per-element callbacks that run only under a debug-level test: {@code if (logger.isDebugEnabled()) {
 * acks.forEach((queue, count) -> logger.debug("queue {} has {}", queue, count)); }}, or a Go range callback inside
 * {@code if log.DebugEnabled() { ... }}. LOG-01's own advice is that "per-element detail goes to debug level, guarded so
 * it costs nothing when off": with the level off, the callback never runs, whatever level its lines use. Judged false
 * on the eleventh held-out precision set (AY: ActiveMQ Artemis's ack-manager dumps, whose forEach lambdas sit inside
 * an {@code isDebugEnabled} test). The log-in-loop pass already let a guard between the loop and the call, or around a
 * whole statement loop, count; a callback stopped the walk before the guard above it was seen. An unguarded callback
 * that logs per element stays reported, at any level.
 */
final class GuardedCallbacks {

    private GuardedCallbacks() {
    }

    private static final Set<String> JAVA_BOUNDARIES = Set.of("lambda_expression", "method_declaration",
            "constructor_declaration", "class_body", "static_initializer");
    private static final Set<String> GO_BOUNDARIES = Set.of("func_literal", "function_declaration",
            "method_declaration");

    /**
     * True when {@code callback} (a lambda given to forEach, or a Go literal run once per item) lies in the
     * then-branch of a debug-level test of its method, possibly through more per-element callbacks around it.
     */
    static boolean underDebugGuard(SyntaxNode callback, byte[] src, boolean go) {
        SyntaxNode child = callback;
        for (SyntaxNode p = callback.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (RareBranches.underDebugGuard(p, child, src)) {
                return true;
            }
            String t = p.getType();
            boolean perElement = go ? t.equals("func_literal") && GoLoops.literal(p, src) == GoLoops.Literal.PER_ITEM
                    : t.equals("lambda_expression") && LoopGuards.perElementBody(p, src);
            if (!perElement && (go ? GO_BOUNDARIES : JAVA_BOUNDARIES).contains(t)) {
                return false;
            }
            child = p;
        }
        return false;
    }
}
