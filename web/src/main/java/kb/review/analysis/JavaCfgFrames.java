package kb.review.analysis;

import static kb.review.analysis.ThrowingStatements.MAY_THROW;

import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import kb.review.analysis.Cfg.Edge;
import kb.review.analysis.Cfg.Kind;
import kb.review.analysis.Cfg.Node;
import kb.review.analysis.Cfg.Pending;

/**
 * The graph of a Java body under construction with its stack of enclosing frames (labelled statements, loops,
 * switches, trys), and how control leaves through them: an exception goes to the catches of the innermost try that
 * takes it, else through copies of the finally blocks out of the method; a return, break or continue runs every
 * finally block it crosses. Kept apart from {@link JavaCfg}, which translates one statement at a time, because this
 * routing is the part that reasons about the whole stack; it asks its subclass to translate a finally block it copies.
 */
abstract class JavaCfgFrames {

    final Cfg cfg;
    final List<Frame> frames = new ArrayList<>();
    final ThrowingStatements throwing;

    abstract static class Frame {
        final String label;

        Frame(String label) {
            this.label = label;
        }
    }

    static final class Jumpable extends Frame {
        final boolean loop;
        final List<Pending> breaks = new ArrayList<>();
        final List<Pending> continues = new ArrayList<>();

        Jumpable(String label, boolean loop) {
            super(label);
            this.loop = loop;
        }
    }

    static final class Try extends Frame {
        final List<Node> catches;
        final BlockStmt fin;
        /** The simple names of the types each catch takes (a multi-catch has several). */
        final List<List<String>> caught;
        Node exceptional;

        Try(List<Node> catches, BlockStmt fin, List<List<String>> caught) {
            super(null);
            this.catches = catches;
            this.fin = fin;
            this.caught = caught;
        }
    }

    JavaCfgFrames(Cfg cfg, ThrowingStatements throwing) {
        this.cfg = cfg;
        this.throwing = throwing;
    }

    /** The paths out of {@code s} entered from {@code in}; {@code label} names a labelled loop or switch. */
    abstract List<Pending> stmt(Statement s, List<Pending> in, String label);

    static int line(com.github.javaparser.ast.Node n) {
        return n.getBegin().map(p -> p.line).orElse(0);
    }

    static List<Pending> via(Node n, Edge e) {
        List<Pending> out = new ArrayList<>();
        out.add(new Pending(n, e));
        return out;
    }

    Node node(Kind kind, com.github.javaparser.ast.Node at, String text, List<Pending> in) {
        Node n = cfg.add(kind, line(at), text, at);
        // code only: a literal that reads "conn.close()" calls nothing and cannot throw
        return connected(kind, at, n, in, () -> MAY_THROW.matcher(CodeText.code(text)).find());
    }

    /**
     * A node for {@code at} whose text is {@code at} printed, when an analysis first reads it ({@link Node#text()}).
     * Whether it may throw is whether that text calls or constructs something
     * ({@link ThrowingStatements#MAY_THROW}): a statement that holds a call or a {@code new} prints one, so only a
     * statement without them is printed to look.
     */
    Node printed(Kind kind, com.github.javaparser.ast.Node at, List<Pending> in) {
        Node n = cfg.add(kind, line(at), () -> Printed.of(at), at);
        return connected(kind, at, n, in, () -> at.findFirst(com.github.javaparser.ast.Node.class,
                ThrowingStatements::callsOrBuilds).isPresent() || MAY_THROW.matcher(CodeText.code(n.text())).find());
    }

    Node connected(Kind kind, com.github.javaparser.ast.Node at, Node n, List<Pending> in,
                           BooleanSupplier mayThrow) {
        cfg.connect(in, n);
        // conditions are comparisons and getters; an exception there is a bug of its own, not a path to report
        if (kind != Kind.THROW && kind != Kind.BRANCH && kind != Kind.LOOP && mayThrow.getAsBoolean()
                && !throwing.quietCall(at)) {
            raise(n);
        }
        return n;
    }

    /** Connects an exception leaving {@code n} to the handler that receives it. */
    void raise(Node n) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (frames.get(i) instanceof Try t) {
                if (!t.catches.isEmpty()) {
                    t.catches.forEach(c -> Cfg.link(n, Edge.EXCEPTION, c));
                    if (!throwing.escapes(t, n)) {
                        return;
                    }
                    // a checked exception the method declares and no catch takes leaves through the finally
                }
                if (t.fin != null) {
                    if (t.exceptional == null) {
                        t.exceptional = finallyCopy(i, null);
                    }
                    Cfg.link(n, Edge.EXCEPTION, t.exceptional);
                    return;
                }
            }
        }
        Cfg.link(n, Edge.EXCEPTION, cfg.exit);
    }

    /**
     * A copy of the finally block of frame {@code index} built with only the frames outside it; when {@code then}
     * is null the copy ends by rethrowing (the exceptional copy), otherwise its end is returned to the caller.
     */
    Node finallyCopy(int index, List<Pending> into) {
        Try t = (Try) frames.get(index);
        List<Frame> saved = new ArrayList<>(frames.subList(index, frames.size()));
        frames.subList(index, frames.size()).clear();
        try {
            Node start = cfg.add(Kind.STMT, line(t.fin), "finally", t.fin);
            List<Pending> end = stmt(t.fin, via(start, Edge.NORMAL), null);
            if (into == null) {
                Node rethrow = cfg.add(Kind.STMT, t.fin.getEnd().map(p -> p.line).orElse(line(t.fin)),
                        "rethrow", null);
                cfg.connect(end, rethrow);
                raise(rethrow);
            } else {
                into.addAll(end);
            }
            return start;
        } finally {
            frames.addAll(saved);
        }
    }

    /** Routes {@code in} through the finally blocks of the frames above {@code depth}, innermost first. */
    List<Pending> throughFinally(List<Pending> in, int depth) {
        for (int i = frames.size() - 1; i >= depth; i--) {
            if (frames.get(i) instanceof Try t && t.fin != null) {
                List<Pending> out = new ArrayList<>();
                Node start = finallyCopy(i, out);
                cfg.connect(in, start);
                in = out;
            }
        }
        return in;
    }}
