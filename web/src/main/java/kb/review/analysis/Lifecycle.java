package kb.review.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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

    /** The language-specific questions the pass asks about a node. */
    public interface Facts {
        Effect effect(Node n, Acquisition a);

        /** True when the node assigns the acquisition's error variable (its guard no longer applies). */
        boolean assignsError(Node n, Acquisition a);

        /** The branch edge on which the value cannot be held (err != nil, v == null), or null. */
        Edge deadEdge(Node branch, Acquisition a, boolean errorLive);

        /** The function the node hands {@code a} to when its effect is {@link Effect#UNSEEN}, else null. */
        default String unseen(Node n, Acquisition a) {
            return null;
        }

        /**
         * True when the exception edges out of {@code n} are not followed for {@code a}: a cleanup step of another
         * value (a sibling closed in the same finally, another key removed) or more per-thread state set beside it,
         * which code of every style treats as not failing.
         */
        default boolean quiet(Node n, Acquisition a) {
            return false;
        }

        /**
         * True when the function hands {@code a} over by finishing normally (a constructor storing it in a field of
         * the object it builds): only an exception out of the function leaks it.
         */
        default boolean keptOnNormalExit(Acquisition a) {
            return false;
        }

        /**
         * The local variable a statement hands {@code a} over to when that variable is a new value built around it in
         * this function ({@code tc := tls.Client(raw, cfg)}, {@code p := &Port{f: f}}): the value has not left the
         * function yet, so the duty moves to the wrapper (and stays with the original name) instead of ending as an
         * escape. Null when the statement hands the value on for good, or the language has no such statement.
         */
        default String movedTo(Node n, Acquisition a) {
            return null;
        }

        /**
         * True when a deferred call registered before {@code a} was acquired still ends it at every exit: Go's
         * deferred closure reads the variable when it runs ({@code defer func() { t.Stop() }()} stops whichever ticker
         * {@code t} holds then), while {@code defer t.Stop()} was bound to the value {@code t} held at the defer.
         */
        default boolean releasedAtExit(Cfg cfg, Acquisition a) {
            return false;
        }

        /** True when reaching {@code a}'s acquisition again refills a slot: no leak ({@link CancelSlots}). */
        default boolean refilledSlot(Acquisition a) {
            return false;
        }

        /**
         * True when the function's end is not shown (a pasted hunk stops inside it and its closing brace is put back
         * by the parser) and what it does next may hand the value on: a path that falls off that end has only reached
         * where the diff stops (the struct returned around the value is out of sight). Returns, throws and exceptions
         * before the cut still count.
         */
        default boolean endUnseen(Cfg cfg) {
            return false;
        }

        /**
         * {@link #endUnseen(Cfg)} for one value: false for a value the change itself brought in, which code below
         * the hunk, left alone by the change, cannot hand on or release.
         */
        default boolean endUnseen(Cfg cfg, Acquisition a) {
            return endUnseen(cfg);
        }

        /** What {@code n} does to {@code a} as held by the wrapper {@code holder} that {@link #movedTo} named. */
        default Effect heldEffect(Node n, Acquisition a, String holder) {
            return effect(n, new Acquisition(a.at(), holder, null, a.model(), a.sure()));
        }
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

    private static final String END = "reaches the end of ";

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
     * this path (empty until a statement moves it into one: {@link Facts#movedTo}).
     */
    private record State(Node node, boolean errorLive, List<String> holders) {
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
    public static Leak check(Cfg cfg, Acquisition a, Facts facts) {
        boolean[] unseen = {false};
        Map<Node, Boolean> later = new HashMap<>();
        Leak sure = search(cfg, a, facts, unseen, later);
        if (sure != null || !unseen[0]) {
            return sure;
        }
        return search(cfg, a, facts, null, later);
    }

    /**
     * True when the value, once handed to an unseen function at {@code n}, is still ended by the function itself on
     * the normal way on from there ({@code dao.insert(c); c.commit();}): a transaction is ended once, so that helper
     * only used it. Exception edges are not followed: a rollback in a catch is what a helper's failure leads to.
     */
    private static boolean endedLater(Node n, Acquisition a, Facts facts, Map<Node, Boolean> later) {
        Boolean known = later.get(n);
        if (known != null) {
            return known;
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
        later.put(n, found);
        return found;
    }

    /** One breadth-first search; {@code unseen} non-null: an unseen hand-over ends a path and is noted there. */
    private static Leak search(Cfg cfg, Acquisition a, Facts facts, boolean[] unseen, Map<Node, Boolean> later) {
        ArrayDeque<State> queue = new ArrayDeque<>();
        Map<State, State> parent = new HashMap<>();
        Map<State, Edge> via = new HashMap<>();
        Node start = a.at();
        // a resource may leave in what the function returns; a transaction or a context is the function's to end
        boolean cut = a.model().kind().equals("resource") && facts.endUnseen(cfg, a);
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
                    && endedLater(n, a, facts, later)) {
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
                    continue; // falls off where the hunk stops: not a way out of the function (Facts#endUnseen)
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

    /** Go's switch without a value, type switch and select: the graph names them by kind, not by a condition. */
    private static final Pattern UNNAMED_SWITCH = Pattern.compile("(expression|type)_switch|select");

    /** How the path leaves a condition: a branch of an if or loop, or the case a switch or select takes. */
    private static String branchStep(Node n, Edge e, Node next) {
        String cond = n.text().length() > 60 ? n.text().substring(0, 57) + "..." : n.text();
        int cases = 0;
        for (int i = 0; i < n.successorCount(); i++) {
            cases += n.edge(i) == Edge.TRUE ? 1 : 0;
        }
        boolean unnamed = UNNAMED_SWITCH.matcher(cond).matches();
        if (cases > 1 || unnamed) {
            String subject = unnamed ? "" : "`" + cond + "` ";
            return e == Edge.TRUE ? subject + "takes the case at line " + next.line : subject + "matches no case";
        }
        return e == Edge.TRUE ? "`" + cond + "` holds"
                : e == Edge.FALSE ? "`" + cond + "` does not hold" : "enters `" + cond + "`";
    }

    private static Leak leak(Cfg cfg, Acquisition a, State end, Map<State, State> parent, Map<State, Edge> via,
                             Facts facts, Map<Node, Boolean> later) {
        List<State> chain = new ArrayList<>();
        for (State s = end; ; s = parent.get(s)) {
            chain.add(s);
            if (parent.get(s) == s) {
                break;
            }
        }
        Collections.reverse(chain);
        String held = "`" + a.model().show(a.var()) + "`";
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(a.at().line, held + " is acquired here"));
        String unseen = null;
        for (int i = 0; i + 1 < chain.size(); i++) {
            Node n = chain.get(i).node();
            Edge e = via.get(chain.get(i + 1));
            String helper = unseen == null && n != a.at() ? facts.unseen(n, a) : null;
            if (helper != null && endedLater(n, a, facts, later)) {
                helper = null;
            }
            if (helper != null) {
                unseen = helper;
                steps.add(new Step(n.line, held + " is handed to `" + helper + "`, which the review could not see"));
            }
            List<String> now = chain.get(i + 1).holders();
            if (now.size() > chain.get(i).holders().size()) {
                steps.add(new Step(n.line, held + " is wrapped in `" + now.get(now.size() - 1)
                        + "` here, which is not returned or stored on this path"));
            }
            if (n.kind == Kind.BRANCH || n.kind == Kind.LOOP) {
                steps.add(new Step(n.line, branchStep(n, e, chain.get(i + 1).node())));
            }
        }
        Node last = chain.size() > 1 ? chain.get(chain.size() - 2).node() : a.at();
        Edge how = via.get(end);
        String summary;
        if (end.node() != a.at() && end.node() != cfg.exit) {
            summary = "acquires " + held + " again at line " + end.node().line + " without " + a.model().verb()
                    + " the first";
            steps.add(new Step(end.node().line, summary));
        } else if (end.node() == a.at()) {
            summary = "goes round the loop from line " + last.line + " and acquires again at line " + a.at().line
                    + " without " + a.model().verb() + " " + held;
            steps.add(new Step(last.line, summary));
        } else {
            String kind = Cfg.how(last, how);
            int line = kind.equals("end") ? cfg.exit.line : last.line;
            // a return or throw that reaches the exit through finally blocks is still that return or throw
            for (int i = chain.size() - 2; i >= 0 && kind.equals("end"); i--) {
                Node n = chain.get(i).node();
                if (n.kind == Kind.RETURN || n.kind == Kind.THROW) {
                    kind = n.kind == Kind.RETURN ? "return" : "throw";
                    line = n.line;
                } else if (n.kind == Kind.BRANCH || n.kind == Kind.LOOP) {
                    break;
                }
            }
            summary = switch (kind) {
                case "return" -> "returns at line " + line;
                case "throw" -> "throws at line " + line;
                case "panic" -> "panics at line " + line;
                case "exception" -> "leaves by an exception at line " + line;
                default -> END + cfg.name + " at line " + line;
            } + " without " + a.model().verb() + " " + held;
            steps.add(new Step(line, summary));
        }
        if (unseen != null) {
            summary += " (unless `" + unseen + "`, which the review could not see, does)";
            steps.set(steps.size() - 1, new Step(steps.get(steps.size() - 1).line(), summary));
        }
        return new Leak(a, steps, summary, unseen);
    }
}
