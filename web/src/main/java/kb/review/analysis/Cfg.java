package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The intraprocedural control-flow graph of one function: one node per simple statement or condition, edges labelled
 * with how control moves. Built by {@link GoCfg} and {@link JavaCfg}; read by {@link Lifecycle}. Nested functions
 * (closures, lambdas) are opaque statements here and get graphs of their own.
 */
public final class Cfg {

    /** What a node does to control. */
    public enum Kind {
        ENTRY, EXIT, STMT, BRANCH, RETURN, THROW, PANIC,
        /** Ends the process (os.Exit, log.Fatal, System.exit): nothing after it can leak. */
        HALT,
        /** A Go {@code defer}: its call runs at every later exit. */
        DEFER,
        /** break, continue, goto, fallthrough: only there to show the jump in a path. */
        JUMP,
        /** The head of a loop, where a back edge arrives. */
        LOOP
    }

    /** How an edge is taken: in sequence, on a true or false condition, or by an exception. */
    public enum Edge { NORMAL, TRUE, FALSE, EXCEPTION }

    /** A statement or condition; {@code ast} is the parser's node, for the fact extractors. */
    public static final class Node {
        public final int id;
        public final Kind kind;
        public final int line;
        public final String text;
        public final Object ast;
        final List<Edge> edges = new ArrayList<>();
        final List<Node> targets = new ArrayList<>();

        Node(int id, Kind kind, int line, String text, Object ast) {
            this.id = id;
            this.kind = kind;
            this.line = line;
            this.text = text;
            this.ast = ast;
        }

        public int successorCount() {
            return targets.size();
        }

        public Node successor(int i) {
            return targets.get(i);
        }

        public Edge edge(int i) {
            return edges.get(i);
        }

        @Override
        public String toString() {
            return kind + "@" + line;
        }
    }

    /** An edge not yet connected: from a node, taken in a given way. */
    record Pending(Node from, Edge edge) {
    }

    private final List<Node> nodes = new ArrayList<>();
    public final String name;
    public final int line;
    public final Node entry;
    public final Node exit;

    Cfg(String name, int line, int endLine) {
        this.name = name;
        this.line = line;
        this.entry = add(Kind.ENTRY, line, name, null);
        this.exit = add(Kind.EXIT, endLine, "", null);
    }

    Node add(Kind kind, int line, String text, Object ast) {
        Node n = new Node(nodes.size(), kind, line, text, ast);
        nodes.add(n);
        return n;
    }

    void connect(List<Pending> from, Node to) {
        for (Pending p : from) {
            link(p.from(), p.edge(), to);
        }
    }

    static void link(Node from, Edge edge, Node to) {
        for (int i = 0; i < from.targets.size(); i++) {
            if (from.targets.get(i) == to && from.edges.get(i) == edge) {
                return;
            }
        }
        from.edges.add(edge);
        from.targets.add(to);
    }

    public List<Node> nodes() {
        return nodes;
    }

    /**
     * Every way to leave the function as the line of the statement that leaves and how, e.g. {@code 12:return},
     * {@code 14:throw}, {@code 9:exception}, {@code 20:end}, in node order; used by tests and path messages.
     */
    public List<String> exits() {
        List<String> out = new ArrayList<>();
        for (Node n : nodes) {
            for (int i = 0; i < n.targets.size(); i++) {
                if (n.targets.get(i) == exit) {
                    out.add(n.line + ":" + how(n, n.edges.get(i)));
                }
            }
        }
        return out;
    }

    /** How control leaves through {@code n} when it goes to the exit over {@code edge}. */
    static String how(Node n, Edge edge) {
        if (n.kind == Kind.THROW) {
            return "throw";
        }
        if (edge == Edge.EXCEPTION) {
            return "exception";
        }
        return switch (n.kind) {
            case RETURN -> "return";
            case THROW -> "throw";
            case PANIC -> "panic";
            default -> "end";
        };
    }
}
