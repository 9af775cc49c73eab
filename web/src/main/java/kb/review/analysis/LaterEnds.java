package kb.review.analysis;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import kb.review.analysis.Cfg.Edge;
import kb.review.analysis.Cfg.Node;
import kb.review.analysis.Lifecycle.Acquisition;
import kb.review.analysis.Lifecycle.Effect;

/**
 * Whether one value, once handed to a function the review cannot see, is still ended by the function itself on the
 * normal way on ({@code dao.insert(c); c.commit();}): a transaction is ended once, so that helper only used it.
 * Exception edges are not followed: a rollback in a catch is what a helper's failure leads to. Answers are kept per
 * node, since the search and the path it shows ask the same nodes again.
 */
final class LaterEnds {

    private final Acquisition a;
    private final LifecycleFacts facts;
    private final Map<Node, Boolean> known = new HashMap<>();

    LaterEnds(Acquisition a, LifecycleFacts facts) {
        this.a = a;
        this.facts = facts;
    }

    /** True when some normal path from {@code n} reaches a release of the value before it is handed on for good. */
    boolean endsAfter(Node n) {
        Boolean answer = known.get(n);
        if (answer != null) {
            return answer;
        }
        ArrayDeque<Node> queue = new ArrayDeque<>();
        Set<Node> seen = new HashSet<>();
        queue.add(n);
        seen.add(n);
        boolean found = false;
        while (!queue.isEmpty() && !found && seen.size() < 2_000) {
            Node x = queue.poll();
            for (int i = 0; i < x.successorCount() && !found; i++) {
                Node next = x.successor(i);
                if (x.edge(i) == Edge.EXCEPTION || next == a.at() || !seen.add(next)) {
                    continue;
                }
                Effect e = facts.effect(next, a);
                if (e == Effect.RELEASE) {
                    found = true;
                } else if (e == Effect.NONE || e == Effect.UNSEEN) {
                    queue.add(next);
                }
            }
        }
        known.put(n, found);
        return found;
    }
}
