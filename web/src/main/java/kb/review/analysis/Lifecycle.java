package kb.review.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kb.review.analysis.Cfg.Edge;
import kb.review.analysis.Cfg.Kind;
import kb.review.analysis.Cfg.Node;

/**
 * The typestate pass: from each acquisition, a breadth-first search over the graph for a way out of the function
 * on which the value is neither released nor handed over. The first such path found is the shortest, and it is the
 * one a finding shows. The error value of a Go call ({@code err != nil} means nothing was acquired) and null checks
 * prune branches while they still refer to the acquisition.
 */
public final class Lifecycle {

    /** What a statement does to the tracked value. */
    public enum Effect {
        NONE, RELEASE, ESCAPE,
        /**
         * Handed to a function the review cannot see, for a duty that does not move with the value: whether it ends
         * there is unknown. A path through it is a leak only at low confidence.
         */
        UNSEEN,
        /** The variable is assigned a new acquisition while still holding the old one. */
        OVERWRITE
    }

    /**
     * A value that must be released.
     *
     * @param var      the variable holding it
     * @param errorVar the Go error returned with it, or null
     * @param sure     false when the model matched by name only
     */
    public record Acquisition(Node at, String var, String errorVar, Model model, boolean sure) {
    }

    /** One step of a path shown to the user. */
    public record Step(int line, String message) {
    }

    /**
     * A path on which the value leaks: its steps from the acquisition to the exit, and a one-line summary.
     *
     * @param unseen the function the value was handed to on the way, which the review could not see; null if none
     */
    public record Leak(Acquisition acquisition, List<Step> steps, String summary, String unseen) {

        public Leak(Acquisition acquisition, List<Step> steps, String summary) {
            this(acquisition, steps, summary, null);
        }

        /** True when the path falls off the end of the function (no return, throw or exception leaves it). */
        public boolean atEnd() {
            return summary.startsWith(END);
        }
    }

    static final String END = "reaches the end of ";

    /**
     * A leak found, with whether its model matched a declared type ({@code sure}) and whether its function's end is
     * below the hunk ({@code pastCut}): the path leaves where the diff stops, not where the function does.
     */
    public record Found(Leak leak, boolean sure, boolean pastCut) {
        public Found(Leak leak, boolean sure) {
            this(leak, sure, false);
        }
    }

    /**
     * Where a path is, whether the acquisition's error still guards it, and the local wrappers that hold the value on
     * this path (empty until a statement moves it into one: {@link LifecycleFacts#movedTo}).
     */
    record State(Node node, boolean errorLive, List<String> holders) {
    }

    /** Wrappers followed per path at most: a fourth layer of wrapping is treated as a hand-over, as before. */
    private static final int MAX_HOLDERS = 3;

    private Lifecycle() {
    }

    /**
     * The leak of {@code a}, or null when every path releases or hands it over. A path that avoids every hand-over
     * to a function the review cannot see is looked for first; only when there is none is a path through one
     * reported, naming that function ({@link Leak#unseen}).
     */
    public static Leak check(Cfg cfg, Acquisition a, LifecycleFacts facts) {
        boolean[] unseen = {false};
        LaterEnds later = new LaterEnds(a, facts);
        Leak sure = search(cfg, a, facts, unseen, later);
        if (sure != null || !unseen[0]) {
            return sure;
        }
        return search(cfg, a, facts, null, later);
    }

    /** One breadth-first search; {@code unseen} non-null: an unseen hand-over ends a path and is noted there. */
    private static Leak search(Cfg cfg, Acquisition a, LifecycleFacts facts, boolean[] unseen, LaterEnds later) {
        ArrayDeque<State> queue = new ArrayDeque<>();
        Map<State, State> parent = new HashMap<>();
        Map<State, Edge> via = new HashMap<>();
        Node start = a.at();
        // a resource may leave in what the function returns; a transaction or a context is the function's to end,
        // in code below the hunk when the change only rewrote its Begin (CutTransactions)
        boolean cut = a.model().kind().equals("resource") && facts.endUnseen(cfg, a) || facts.endedBelowCut(cfg, a);
        for (int i = 0; i < start.successorCount(); i++) {
            if (start.edge(i) != Edge.EXCEPTION && !(cut && offTheCut(cfg, start, i))) {
                State s = new State(start.successor(i), a.errorVar() != null, List.of());
                if (parent.putIfAbsent(s, s) == null) {
                    via.put(s, start.edge(i));
                    queue.add(s);
                }
            }
        }
        int budget = 20_000;
        while (!queue.isEmpty() && budget-- > 0) {
            State s = queue.poll();
            Node n = s.node();
            if (n == cfg.exit && via.get(s) != Edge.EXCEPTION && facts.keptOnNormalExit(a)) {
                continue;
            }
            if (n == cfg.exit && s.holders().isEmpty() && facts.releasedAtExit(cfg, a)) {
                continue;
            }
            if (n == start && facts.refilledSlot(a)) {
                continue;
            }
            if (n == cfg.exit || n == start) {
                return leak(cfg, a, s, parent, via, facts, later);
            }
            Effect e = facts.effect(n, a);
            if (e == Effect.OVERWRITE) {
                return leak(cfg, a, s, parent, via, facts, later);
            }
            List<String> holders = s.holders();
            if (!holders.isEmpty() && e != Effect.RELEASE) {
                // a wrapper holds the value on this path: releasing or handing on either name ends the duty
                for (String h : holders) {
                    Effect w = facts.heldEffect(n, a, h);
                    if (w == Effect.RELEASE || w == Effect.ESCAPE && e != Effect.ESCAPE) {
                        e = w;
                    }
                }
            }
            if (e == Effect.ESCAPE && holders.size() < MAX_HOLDERS) {
                String to = facts.movedTo(n, a);
                for (int i = 0; to == null && i < holders.size(); i++) {
                    to = facts.movedTo(n, held(a, holders.get(i)));
                }
                if (to != null && !to.equals(a.var()) && !holders.contains(to)) {
                    // built into a local wrapper, not handed on: follow the wrapper until it is returned or stored
                    List<String> more = new ArrayList<>(holders);
                    more.add(to);
                    holders = List.copyOf(more);
                    e = Effect.NONE;
                }
            }
            if ((e == Effect.UNSEEN || e == Effect.ESCAPE && a.model().kind().equals("transaction"))
                    && later.endsAfter(n)) {
                // a transaction is ended once: a helper the function commits or rolls back after only used it
                e = Effect.NONE;
            }
            if (e == Effect.UNSEEN) {
                if (unseen != null) {
                    unseen[0] = true;
                    continue;
                }
                e = Effect.NONE;
            }
            if (e != Effect.NONE) {
                continue;
            }
            boolean live = s.errorLive() && !facts.assignsError(n, a);
            Edge dead = n.kind == Kind.BRANCH || n.kind == Kind.LOOP ? facts.deadEdge(n, a, live) : null;
            Boolean quiet = null;
            for (int i = 0; i < n.successorCount(); i++) {
                if (n.edge(i) == dead) {
                    continue;
                }
                if (n.edge(i) == Edge.EXCEPTION && (quiet == null ? quiet = facts.quiet(n, a) : quiet)) {
                    continue;
                }
                if (cut && offTheCut(cfg, n, i)) {
                    continue; // falls off where the hunk stops, not out of the function (LifecycleFacts#endUnseen)
                }
                State next = new State(n.successor(i), live, holders);
                if (!parent.containsKey(next)) {
                    parent.put(next, s);
                    via.put(next, n.edge(i));
                    queue.add(next);
                }
            }
        }
        return null;
    }

    /** True when successor {@code i} of {@code n} falls off the function's end (no return, throw or exception). */
    private static boolean offTheCut(Cfg cfg, Node n, int i) {
        return n.successor(i) == cfg.exit && Cfg.how(n, n.edge(i)).equals("end");
    }

    /** The acquisition as held under another name: the wrapper a statement moved it into. */
    private static Acquisition held(Acquisition a, String holder) {
        return new Acquisition(a.at(), holder, null, a.model(), a.sure());
    }

    private static Leak leak(Cfg cfg, Acquisition a, State end, Map<State, State> parent, Map<State, Edge> via,
                             LifecycleFacts facts, LaterEnds later) {
        List<State> chain = new ArrayList<>();
        for (State s = end; ; s = parent.get(s)) {
            chain.add(s);
            if (parent.get(s) == s) {
                break;
            }
        }
        Collections.reverse(chain);
        return LeakPaths.describe(cfg, a, chain, via, facts, later);
    }
}
