package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kb.review.analysis.Cfg.Edge;
import kb.review.analysis.Cfg.Kind;
import kb.review.analysis.Cfg.Node;
import kb.review.analysis.Lifecycle.Acquisition;
import kb.review.analysis.Lifecycle.Leak;
import kb.review.analysis.Lifecycle.State;
import kb.review.analysis.Lifecycle.Step;

/**
 * How a leaking path found by {@link Lifecycle} is shown: its steps from the acquisition (each branch taken, each
 * hand-over to a function the review cannot see, each wrapper the value was moved into) and a one-line summary of
 * how it leaves the function.
 */
final class LeakPaths {

    private LeakPaths() {
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

    /**
     * The leak shown for a path: {@code chain} runs from the acquisition to where the value is lost (the exit, the
     * acquisition again round a loop, or a second acquisition into the same variable), {@code via} names the edge
     * each state was reached by. The summary names how the path leaves and, when the value went through a function
     * the review could not see, that function.
     */
    static Leak describe(Cfg cfg, Acquisition a, List<State> chain, Map<State, Edge> via, LifecycleFacts facts,
                         LaterEnds later) {
        State end = chain.get(chain.size() - 1);
        String held = "`" + a.model().show(a.var()) + "`";
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(a.at().line, held + " is acquired here"));
        String unseen = null;
        for (int i = 0; i + 1 < chain.size(); i++) {
            Node n = chain.get(i).node();
            Edge e = via.get(chain.get(i + 1));
            String helper = unseen == null && n != a.at() ? facts.unseen(n, a) : null;
            if (helper != null && later.endsAfter(n)) {
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
                default -> Lifecycle.END + cfg.name + " at line " + line;
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
