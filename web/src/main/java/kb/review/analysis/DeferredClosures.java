package kb.review.analysis;

import java.util.regex.Pattern;
import kb.review.analysis.Cfg.Kind;
import kb.review.analysis.Cfg.Node;
import kb.review.analysis.Lifecycle.Acquisition;

/**
 * Go, for {@link GoLifecycle}: a {@code defer func() { ... }()} that releases a variable, registered on a way to a
 * (re-)acquisition of it, ends whatever the variable holds when the function returns.
 */
final class DeferredClosures {

    private DeferredClosures() {
    }

    private static final Pattern DEFERRED_CLOSURE = Pattern.compile("^defer\\s+func\\s*\\(");

    /**
     * True when a {@code defer func() { ... }()} whose body releases the variable is registered on a way to the
     * acquisition (the acquisition is reachable from it: a re-assignment below the defer, in a loop or a later case),
     * so the closure ends the value the variable holds when the function returns.
     */
    static boolean closureDeferredBefore(Cfg cfg, Acquisition a) {
        for (Node d : cfg.nodes()) {
            if (d.kind != Kind.DEFER || d == a.at() || !DEFERRED_CLOSURE.matcher(d.text()).find()
                    || !a.model().releasePattern(a.var()).matcher(a.model().keyed() ? CodeText.withoutComments(d.text())
                            : CodeText.code(d.text())).find()) {
                continue;
            }
            java.util.ArrayDeque<Node> queue = new java.util.ArrayDeque<>();
            java.util.Set<Node> seen = new java.util.HashSet<>();
            queue.add(d);
            seen.add(d);
            while (!queue.isEmpty() && seen.size() < 5_000) {
                Node x = queue.poll();
                for (int i = 0; i < x.successorCount(); i++) {
                    Node next = x.successor(i);
                    if (next == a.at()) {
                        return true;
                    }
                    if (seen.add(next)) {
                        queue.add(next);
                    }
                }
            }
        }
        return false;
    }
}
