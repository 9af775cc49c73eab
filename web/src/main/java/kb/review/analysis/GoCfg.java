package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kb.review.analysis.Cfg.Edge;
import kb.review.analysis.Cfg.Kind;
import kb.review.analysis.Cfg.Node;
import kb.review.analysis.Cfg.Pending;
import kb.review.diff.SyntaxNode;

/**
 * Builds the control-flow graph of a Go function from its tree-sitter tree: if/else, expression and type switches
 * (with fallthrough), select, the three kinds of for loop, labelled break/continue, goto, return, panic, and
 * process exits. A {@code defer} is a node of its own; {@link Lifecycle} treats the call it registers as run at every
 * later exit, which is what Go does (panics included).
 */
public final class GoCfg {

    private static final Pattern HALT = Pattern.compile(
            "^(os\\.Exit|log\\.Fatal\\w*|\\w+\\.Fatal(f|ln)?|klog\\.Fatal\\w*|logrus\\.Fatal\\w*)\\s*\\(");

    private final byte[] src;
    private final Cfg cfg;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Map<String, Node> labels = new HashMap<>();
    /** The lines a pasted diff shows (every line for a whole file): a block whose closing line is not among them is cut. */
    private java.util.function.IntPredicate shown = line -> true;
    private final List<Object[]> gotos = new ArrayList<>();
    private String pendingLabel;

    /** A loop, switch or select that break (and, for loops, continue) can leave. */
    private static final class Frame {
        final String label;
        final boolean loop;
        final List<Pending> breaks = new ArrayList<>();
        final List<Pending> continues = new ArrayList<>();

        Frame(String label, boolean loop) {
            this.label = label;
            this.loop = loop;
        }
    }

    private GoCfg(byte[] src, String name, int line, int endLine) {
        this.src = src;
        this.cfg = new Cfg(name, line, endLine);
    }

    /** The graph of a function_declaration, method_declaration or func_literal node. */
    public static Cfg build(SyntaxNode function, byte[] src) {
        return build(function, src, line -> true);
    }

    /**
     * As {@link #build(SyntaxNode, byte[])}, where only the lines {@code shown} accepts are in the diff: a loop whose
     * closing brace is not shown (the gap filler closed it) does not go round from the last line the hunk shows.
     */
    public static Cfg build(SyntaxNode function, byte[] src, java.util.function.IntPredicate shown) {
        SyntaxNode nameNode = function.getChildByFieldName("name");
        String name = nameNode == null || nameNode.isNull() ? "func literal" : text(src, nameNode);
        GoCfg b = new GoCfg(src, name, line(function), function.getEndPoint().getRow() + 1);
        b.shown = shown;
        SyntaxNode body = function.getChildByFieldName("body");
        List<Pending> out = List.of(new Pending(b.cfg.entry, Edge.NORMAL));
        if (body != null && !body.isNull()) {
            out = b.stmt(body, out);
        }
        b.cfg.connect(out, b.cfg.exit);
        for (Object[] g : b.gotos) {
            Node target = b.labels.get((String) g[1]);
            if (target != null) {
                Cfg.link((Node) g[0], Edge.NORMAL, target);
            }
        }
        return b.cfg;
    }

    private static final java.util.Set<String> DECLARATIONS = java.util.Set.of("package_clause",
            "import_declaration", "function_declaration", "method_declaration", "type_declaration",
            "const_declaration", "comment", "ERROR");

    /**
     * The graph of the statements a pasted hunk shows outside any visible function (tree-sitter puts them at the
     * top level), in order; null when there are none. Its end is the end of the visible code, not a real exit.
     */
    public static Cfg buildFragment(SyntaxNode root, byte[] src) {
        return buildFragment(root, src, line -> true);
    }

    /** As {@link #buildFragment(SyntaxNode, byte[])}, knowing which lines the diff shows. */
    public static Cfg buildFragment(SyntaxNode root, byte[] src, java.util.function.IntPredicate shown) {
        List<SyntaxNode> statements = new ArrayList<>();
        for (int i = 0; i < root.getNamedChildCount(); i++) {
            SyntaxNode c = root.getNamedChild(i);
            if (!DECLARATIONS.contains(c.getType())) {
                statements.add(c);
            }
        }
        if (statements.isEmpty()) {
            return null;
        }
        GoCfg b = new GoCfg(src, "the visible code", line(statements.get(0)),
                statements.get(statements.size() - 1).getEndPoint().getRow() + 1);
        b.shown = shown;
        List<Pending> out = List.of(new Pending(b.cfg.entry, Edge.NORMAL));
        for (SyntaxNode st : statements) {
            out = b.stmt(st, out);
        }
        b.cfg.connect(out, b.cfg.exit);
        return b.cfg;
    }

    static int line(SyntaxNode n) {
        return n.getStartPoint().getRow() + 1;
    }

    private Node node(Kind kind, SyntaxNode at, String text) {
        return cfg.add(kind, line(at), text, at);
    }

    private static SyntaxNode field(SyntaxNode n, String name) {
        SyntaxNode f = n.getChildByFieldName(name);
        return f == null || f.isNull() ? null : f;
    }

    private static List<Pending> via(Node n, Edge e) {
        List<Pending> out = new ArrayList<>();
        out.add(new Pending(n, e));
        return out;
    }

    private List<Pending> seq(SyntaxNode list, List<Pending> in) {
        List<Pending> cur = in;
        for (int i = 0; i < list.getNamedChildCount(); i++) {
            SyntaxNode c = list.getNamedChild(i);
            if (!c.getType().equals("comment")) {
                cur = stmt(c, cur);
            }
        }
        return cur;
    }

    private List<Pending> stmt(SyntaxNode s, List<Pending> in) {
        String type = s.getType();
        String label = pendingLabel;
        pendingLabel = null;
        switch (type) {
            case "block", "statement_list":
                return seq(s, in);
            case "labeled_statement": {
                String name = text(src, field(s, "label") == null ? s.getNamedChild(0) : field(s, "label"));
                Node mark = node(Kind.JUMP, s, name + ":");
                cfg.connect(in, mark);
                labels.put(name, mark);
                SyntaxNode inner = s.getNamedChildCount() > 1 ? s.getNamedChild(1) : null;
                if (inner == null) {
                    return via(mark, Edge.NORMAL);
                }
                pendingLabel = name;
                return stmt(inner, via(mark, Edge.NORMAL));
            }
            case "if_statement":
                return ifStmt(s, in);
            case "for_statement":
                return forStmt(s, in, label);
            case "expression_switch_statement", "type_switch_statement", "select_statement":
                return switchStmt(s, in, label);
            case "return_statement": {
                Node r = node(Kind.RETURN, s, text(src, s));
                cfg.connect(in, r);
                Cfg.link(r, Edge.NORMAL, cfg.exit);
                return new ArrayList<>();
            }
            case "defer_statement": {
                Node d = node(Kind.DEFER, s, text(src, s));
                cfg.connect(in, d);
                return via(d, Edge.NORMAL);
            }
            case "break_statement", "continue_statement":
                return jump(s, in, type.startsWith("break"));
            case "goto_statement": {
                Node j = node(Kind.JUMP, s, text(src, s));
                cfg.connect(in, j);
                SyntaxNode l = s.getNamedChildCount() > 0 ? s.getNamedChild(0) : null;
                if (l != null) {
                    gotos.add(new Object[]{j, text(src, l)});
                }
                return new ArrayList<>();
            }
            case "fallthrough_statement": {
                Node j = node(Kind.JUMP, s, "fallthrough");
                cfg.connect(in, j);
                return via(j, Edge.NORMAL);
            }
            case "expression_statement": {
                String t = text(src, s);
                Kind k = t.startsWith("panic(") ? Kind.PANIC : HALT.matcher(t).find() ? Kind.HALT : Kind.STMT;
                Node n = node(k, s, t);
                cfg.connect(in, n);
                if (k == Kind.PANIC) {
                    Cfg.link(n, Edge.NORMAL, cfg.exit);
                    return new ArrayList<>();
                }
                return k == Kind.HALT ? new ArrayList<>() : via(n, Edge.NORMAL);
            }
            case "comment", "empty_statement":
                return in;
            default: {
                Node n = node(Kind.STMT, s, text(src, s));
                cfg.connect(in, n);
                return via(n, Edge.NORMAL);
            }
        }
    }

    private List<Pending> ifStmt(SyntaxNode s, List<Pending> in) {
        SyntaxNode init = field(s, "initializer");
        if (init != null) {
            in = stmt(init, in);
        }
        SyntaxNode cond = field(s, "condition");
        Node branch = node(Kind.BRANCH, cond == null ? s : cond, cond == null ? "" : text(src, cond));
        cfg.connect(in, branch);
        List<Pending> out = new ArrayList<>();
        SyntaxNode then = field(s, "consequence");
        out.addAll(then == null ? via(branch, Edge.TRUE) : stmt(then, via(branch, Edge.TRUE)));
        SyntaxNode alt = field(s, "alternative");
        out.addAll(alt == null ? via(branch, Edge.FALSE) : stmt(alt, via(branch, Edge.FALSE)));
        return out;
    }

    private List<Pending> forStmt(SyntaxNode s, List<Pending> in, String label) {
        SyntaxNode clause = null;
        SyntaxNode body = field(s, "body");
        for (int i = 0; i < s.getNamedChildCount(); i++) {
            SyntaxNode c = s.getNamedChild(i);
            if (!c.equals(body) && !c.getType().equals("comment")) {
                clause = c;
            }
        }
        SyntaxNode cond = clause;
        SyntaxNode update = null;
        if (clause != null && clause.getType().equals("for_clause")) {
            SyntaxNode init = field(clause, "initializer");
            if (init != null) {
                in = stmt(init, in);
            }
            cond = field(clause, "condition");
            update = field(clause, "update");
        }
        Node head = node(Kind.LOOP, s, cond == null ? "for" : text(src, cond));
        cfg.connect(in, head);
        Frame f = new Frame(label, true);
        frames.push(f);
        List<Pending> end = body == null ? via(head, Edge.TRUE) : stmt(body, via(head, cond == null ? Edge.NORMAL
                : Edge.TRUE));
        frames.pop();
        if (body != null && !shown.test(body.getEndPoint().getRow() + 1)) {
            // the hunk stops inside this loop: the last line shown is where the diff ends, not the end of a turn, so
            // going on from there leaves the visible code (as a cut function's end does) instead of going round
            cfg.connect(end, cfg.exit);
            end = new ArrayList<>();
        }
        end.addAll(f.continues);
        if (update != null) {
            Node u = node(Kind.STMT, update, text(src, update));
            cfg.connect(end, u);
            Cfg.link(u, Edge.NORMAL, head);
        } else {
            cfg.connect(end, head);
        }
        List<Pending> out = new ArrayList<>(f.breaks);
        if (cond != null) {
            out.add(new Pending(head, Edge.FALSE));
        }
        return out;
    }

    private List<Pending> switchStmt(SyntaxNode s, List<Pending> in, String label) {
        SyntaxNode init = field(s, "initializer");
        if (init != null) {
            in = stmt(init, in);
        }
        SyntaxNode value = field(s, "value");
        Node branch = node(Kind.BRANCH, s, value == null ? s.getType().replace("_statement", "")
                : text(src, value));
        cfg.connect(in, branch);
        Frame f = new Frame(label, false);
        frames.push(f);
        List<Pending> out = new ArrayList<>();
        boolean hasDefault = false;
        List<Pending> fall = new ArrayList<>();
        for (int i = 0; i < s.getNamedChildCount(); i++) {
            SyntaxNode c = s.getNamedChild(i);
            String t = c.getType();
            if (!t.endsWith("_case")) {
                continue;
            }
            hasDefault |= t.equals("default_case");
            List<Pending> cur = via(branch, Edge.TRUE);
            cur.addAll(fall);
            fall = new ArrayList<>();
            for (int j = 0; j < c.getNamedChildCount(); j++) {
                SyntaxNode part = c.getNamedChild(j);
                // a case's values and types are not statements; a select case's first child (the send or
                // receive) is
                if (part.getType().equals("statement_list") || t.equals("communication_case") && j == 0) {
                    cur = stmt(part, cur);
                }
            }
            boolean fallsThrough = !cur.isEmpty() && cur.get(cur.size() - 1).from().text().equals("fallthrough");
            if (fallsThrough) {
                fall = cur;
            } else {
                out.addAll(cur);
            }
        }
        frames.pop();
        out.addAll(fall);
        out.addAll(f.breaks);
        if (!hasDefault && !s.getType().equals("select_statement")) {
            out.add(new Pending(branch, Edge.FALSE));
        }
        return out;
    }

    private List<Pending> jump(SyntaxNode s, List<Pending> in, boolean isBreak) {
        Node j = node(Kind.JUMP, s, text(src, s));
        cfg.connect(in, j);
        String label = s.getNamedChildCount() > 0 ? text(src, s.getNamedChild(0)) : null;
        for (Frame f : frames) {
            if (label != null ? label.equals(f.label) : isBreak || f.loop) {
                if (!isBreak && !f.loop) {
                    continue;
                }
                (isBreak ? f.breaks : f.continues).add(new Pending(j, Edge.NORMAL));
                return new ArrayList<>();
            }
        }
        return new ArrayList<>();
    }
}
