package kb.review.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Set;

/**
 * A class's static setter bracketed by the same class's clearing call in one method or lambda ({@code
 * CurrentRequest.set(req, res); chain.doFilter(req, res); CurrentRequest.clear();}): whatever the class is named, the
 * code itself says the state it sets must be undone once the work is done, which is what a per-thread holder needs
 * and what CONC-04 asks to happen in {@code finally}. The holder's declaration may be out of sight (another module);
 * the pair is the signal, not the names. A setter with no clearing call after it in its own method (a configuration
 * setter, a builder) is not taken here.
 */
final class HolderPairs {

    private HolderPairs() {
    }

    /** The clearing methods' names (any suffix: {@code clearTenant}, {@code resetContext}). */
    private static final Set<String> CLEARING = Set.of("clear", "remove", "reset", "unset", "unbind", "clean",
            "cleanup", "release");

    /** True when, in the method or lambda around {@code set}, a no-argument clearing call on {@code holder} follows it. */
    static boolean clearedBelow(MethodCallExpr set, String holder) {
        Node own = set.findAncestor(LambdaExpr.class).map(l -> (Node) l)
                .or(() -> set.findAncestor(CallableDeclaration.class).map(c -> (Node) c)).orElse(null);
        if (own == null || set.getBegin().isEmpty()) {
            return false;
        }
        var at = set.getBegin().get();
        for (MethodCallExpr c : own.findAll(MethodCallExpr.class)) {
            if (c != set && c.getArguments().isEmpty() && c.getBegin().filter(b -> b.isAfter(at)).isPresent()
                    && c.getScope().filter(sc -> sc.isNameExpr() && sc.toString().equals(holder)).isPresent()
                    && CLEARING.stream().anyMatch(w -> c.getNameAsString().startsWith(w))) {
                return true;
            }
        }
        return false;
    }
}
