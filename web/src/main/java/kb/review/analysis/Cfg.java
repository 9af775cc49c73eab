package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

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

    /**
     * A statement or condition; {@code ast} is the parser's node, for the fact extractors. Its text is what the
     * analyses match names in: given, or printed when first read ({@link #text()}).
     */
    public static final class Node {
        public final int id;
        public final Kind kind;
        public final int line;
        public final Object ast;
        private String text;
        private Supplier<String> printer;
        final List<Edge> edges = new ArrayList<>();
        final List<Node> targets = new ArrayList<>();

        Node(int id, Kind kind, int line, String text, Supplier<String> printer, Object ast) {
            this.id = id;
            this.kind = kind;
            this.line = line;
            this.text = text;
            this.printer = printer;
            this.ast = ast;
        }

        /**
         * The statement's text. A Java statement is printed by JavaParser's printer, the largest cost of building a
         * graph, and a path search reads only the nodes it reaches from an acquisition, so it is printed here, once,
         * on the first read. (A graph is built and searched by one thread.)
         */
        public String text() {
            if (text == null) {
                text = printer.get();
                printer = null;
            }
            return text;
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
        Node n = new Node(nodes.size(), kind, line, text, null, ast);
        nodes.add(n);
        return n;
    }

    /** A node whose text is printed when first read ({@link Node#text()}). */
    Node add(Kind kind, int line, Supplier<String> printer, Object ast) {
        Node n = new Node(nodes.size(), kind, line, null, printer, ast);
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
