package kb.review.analysis;

import static kb.review.analysis.ThrowingStatements.CALLBACK_TYPE;
import static kb.review.analysis.ThrowingStatements.halts;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import kb.review.analysis.Cfg.Edge;
import kb.review.analysis.Cfg.Kind;
import kb.review.analysis.Cfg.Node;
import kb.review.analysis.Cfg.Pending;

/**
 * Builds the control-flow graph of a Java method, constructor or lambda from its JavaParser tree: if/else, the loops,
 * colon and arrow switches, labelled break/continue, return, throw, try/catch/finally and try-with-resources. A
 * statement that calls something may throw: it gets an exception edge to the catches of the enclosing try, else
 * through the finally blocks out of the method. Each way out of a try through its finally gets its own copy of the
 * finally block, so a path never mixes a return with the code after the try. This class translates the statements;
 * how control leaves through the enclosing trys and loops is {@link JavaCfgFrames}.
 */
public final class JavaCfg extends JavaCfgFrames {

    private JavaCfg(String name, int line, int endLine, Predicate<String> quiet, List<String> thrown) {
        super(new Cfg(name, line, endLine), new ThrowingStatements(quiet, thrown));
    }

    /** The graph of a method or constructor with a body; null when it has none. */
    public static Cfg build(CallableDeclaration<?> callable) {
        return build(callable, callee -> false);
    }

    /**
     * The same, where a statement that is only a call whose callee (its printed scope and name) {@code quiet} accepts
     * (a logger, a metric) cannot throw: it gets no exception edge, so a catch block that logs before its rollback
     * has no path that skips the rollback through the log call.
     */
    public static Cfg build(CallableDeclaration<?> callable, Predicate<String> quiet) {
        Statement body = callable.findFirst(BlockStmt.class, b -> b.getParentNode().orElse(null) == callable)
                .orElse(null);
        List<String> thrown = callable.getThrownExceptions().stream()
                .map(t -> CheckedExceptions.simple(t.asString())).toList();
        return body == null ? null : build(callable.getNameAsString(), callable, body, quiet, thrown);
    }

    /**
     * The same, where an unchecked exception may come out of every call of a callback parameter (the caller's unit
     * of work, {@code body.apply(conn)}): a catch that names only checked types ({@code catch (SQLException e)}) does
     * not take it, so it leaves through the finally blocks. For duties that no close ends (a transaction): a rollback
     * in such a catch is not a rollback on every path. Null when the method takes no callback.
     */
    public static Cfg buildWithUnchecked(CallableDeclaration<?> callable, Predicate<String> quiet) {
        Statement body = callable.findFirst(BlockStmt.class, b -> b.getParentNode().orElse(null) == callable)
                .orElse(null);
        List<String> thrown = new ArrayList<>(callable.getThrownExceptions().stream()
                .map(t -> CheckedExceptions.simple(t.asString())).toList());
        thrown.add("RuntimeException");
        List<String> names = callable.getParameters().stream()
                .filter(p -> CALLBACK_TYPE.matcher(p.getType().asString().replaceAll("<.*", "")).find())
                .map(p -> java.util.regex.Pattern.quote(p.getNameAsString())).toList();
        if (body == null || names.isEmpty()) {
            return null;
        }
        Cfg cfg = build(callable.getNameAsString(), callable, body, quiet, thrown,
                Pattern.compile("\\b(" + String.join("|", names) + ")\\s*\\.\\s*\\w+\\s*\\("));
        return cfg;
    }

    /** The graph of a lambda; an expression lambda is one statement. */
    public static Cfg build(LambdaExpr lambda, Predicate<String> quiet) {
        return build("lambda", lambda, lambda.getBody(), quiet, List.of());
    }

    private static Cfg build(String name, com.github.javaparser.ast.Node owner, Statement body,
                             Predicate<String> quiet, List<String> thrown) {
        return build(name, owner, body, quiet, thrown, null);
    }

    private static Cfg build(String name, com.github.javaparser.ast.Node owner, Statement body,
                             Predicate<String> quiet, List<String> thrown, Pattern callbacks) {
        JavaCfg b = new JavaCfg(name, line(owner), owner.getEnd().map(p -> p.line).orElse(line(owner)), quiet,
                thrown);
        b.throwing.callbacks = callbacks;
        List<Pending> out = b.stmt(body, via(b.cfg.entry, Edge.NORMAL), null);
        b.cfg.connect(out, b.cfg.exit);
        return b.cfg;
    }

    @Override
    List<Pending> stmt(Statement s, List<Pending> in, String label) {
        if (s instanceof BlockStmt b) {
            for (Statement x : b.getStatements()) {
                in = stmt(x, in, null);
            }
            return in;
        }
        if (s instanceof LabeledStmt l) {
            Statement inner = l.getStatement();
            String name = l.getLabel().asString();
            if (inner instanceof WhileStmt || inner instanceof DoStmt || inner instanceof ForStmt
                    || inner instanceof ForEachStmt || inner instanceof SwitchStmt) {
                return stmt(inner, in, name);
            }
            Jumpable f = new Jumpable(name, false);
            frames.add(f);
            List<Pending> out = stmt(inner, in, null);
            frames.remove(frames.size() - 1);
            out.addAll(f.breaks);
            return out;
        }
        if (s instanceof IfStmt i) {
            Node branch = printed(Kind.BRANCH, i.getCondition(), in);
            List<Pending> out = stmt(i.getThenStmt(), via(branch, Edge.TRUE), null);
            out.addAll(i.getElseStmt().map(e -> stmt(e, via(branch, Edge.FALSE), null))
                    .orElseGet(() -> via(branch, Edge.FALSE)));
            return out;
        }
        if (s instanceof WhileStmt w) {
            Node head = printed(Kind.LOOP, w.getCondition(), in);
            boolean forever = w.getCondition().isBooleanLiteralExpr()
                    && w.getCondition().asBooleanLiteralExpr().getValue();
            return loop(head, w.getBody(), label, forever ? new ArrayList<>() : via(head, Edge.FALSE), head);
        }
        if (s instanceof DoStmt d) {
            Node start = cfg.add(Kind.LOOP, line(d), "do", d);
            cfg.connect(in, start);
            Jumpable f = new Jumpable(label, true);
            frames.add(f);
            List<Pending> end = stmt(d.getBody(), via(start, Edge.NORMAL), null);
            frames.remove(frames.size() - 1);
            end.addAll(f.continues);
            Node cond = printed(Kind.BRANCH, d.getCondition(), end);
            Cfg.link(cond, Edge.TRUE, start);
            List<Pending> out = via(cond, Edge.FALSE);
            out.addAll(f.breaks);
            return out;
        }
        if (s instanceof ForStmt fs) {
            for (var init : fs.getInitialization()) {
                in = via(printed(Kind.STMT, init, in), Edge.NORMAL);
            }
            String cond = fs.getCompare().map(Object::toString).orElse("for");
            Node head = node(Kind.LOOP, fs, cond, in);
            List<Pending> exits = fs.getCompare().isPresent() ? via(head, Edge.FALSE) : new ArrayList<>();
            Node update = fs.getUpdate().isEmpty() ? head : cfg.add(Kind.STMT, line(fs), fs.getUpdate().toString(),
                    fs);
            if (update != head) {
                Cfg.link(update, Edge.NORMAL, head);
            }
            return loop(head, fs.getBody(), label, exits, update);
        }
        if (s instanceof ForEachStmt fe) {
            Node head = node(Kind.LOOP, fe, fe.getVariable() + " : " + fe.getIterable(), in);
            return loop(head, fe.getBody(), label, via(head, Edge.FALSE), head);
        }
        if (s instanceof SwitchStmt sw) {
            return switchStmt(sw, in, label);
        }
        if (s instanceof BreakStmt || s instanceof ContinueStmt) {
            return jump(s, in);
        }
        if (s instanceof ReturnStmt r) {
            Node n = printed(Kind.RETURN, r, in);
            cfg.connect(throughFinally(via(n, Edge.NORMAL), 0), cfg.exit);
            return new ArrayList<>();
        }
        if (s instanceof ThrowStmt t) {
            Node n = printed(Kind.THROW, t, in);
            raise(n);
            return new ArrayList<>();
        }
        if (s instanceof TryStmt t) {
            return tryStmt(t, in);
        }
        if (s instanceof SynchronizedStmt sy) {
            Node n = node(Kind.STMT, sy, "synchronized (" + sy.getExpression() + ")", in);
            return stmt(sy.getBody(), via(n, Edge.NORMAL), null);
        }
        if (s.isEmptyStmt()) {
            return in;
        }
        Kind kind = s instanceof ExpressionStmt && halts(s) ? Kind.HALT : Kind.STMT;
        Node n = printed(kind, s, in);
        return kind == Kind.HALT ? new ArrayList<>() : via(n, Edge.NORMAL);
    }

    private List<Pending> loop(Node head, Statement body, String label, List<Pending> exits, Node cont) {
        Jumpable f = new Jumpable(label, true);
        frames.add(f);
        List<Pending> end = stmt(body, via(head, head.text().equals("for") ? Edge.NORMAL : Edge.TRUE), null);
        frames.remove(frames.size() - 1);
        end.addAll(f.continues);
        cfg.connect(end, cont);
        exits.addAll(f.breaks);
        return exits;
    }

    private List<Pending> switchStmt(SwitchStmt sw, List<Pending> in, String label) {
        Node branch = node(Kind.BRANCH, sw.getSelector(), "switch (" + sw.getSelector() + ")", in);
        Jumpable f = new Jumpable(label, false);
        frames.add(f);
        List<Pending> out = new ArrayList<>();
        List<Pending> fall = new ArrayList<>();
        boolean hasDefault = false;
        for (SwitchEntry e : sw.getEntries()) {
            hasDefault |= e.isDefault() || e.getLabels().isEmpty();
            List<Pending> cur = via(branch, Edge.TRUE);
            cur.addAll(fall);
            for (Statement x : e.getStatements()) {
                cur = stmt(x, cur, null);
            }
            if (e.getType() == SwitchEntry.Type.STATEMENT_GROUP) {
                fall = cur;
            } else {
                out.addAll(cur);
                fall = new ArrayList<>();
            }
        }
        frames.remove(frames.size() - 1);
        out.addAll(fall);
        out.addAll(f.breaks);
        if (!hasDefault) {
            out.add(new Pending(branch, Edge.FALSE));
        }
        return out;
    }

    private List<Pending> jump(Statement s, List<Pending> in) {
        boolean isBreak = s instanceof BreakStmt;
        String label = isBreak ? ((BreakStmt) s).getLabel().map(Object::toString).orElse(null)
                : ((ContinueStmt) s).getLabel().map(Object::toString).orElse(null);
        Node j = cfg.add(Kind.JUMP, line(s), () -> Printed.of(s), s);
        cfg.connect(in, j);
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (frames.get(i) instanceof Jumpable f
                    && (label != null ? label.equals(f.label) && (isBreak || f.loop) : isBreak || f.loop)) {
                List<Pending> through = throughFinally(via(j, Edge.NORMAL), i + 1);
                (isBreak ? f.breaks : f.continues).addAll(through);
                return new ArrayList<>();
            }
        }
        return new ArrayList<>();
    }

    private List<Pending> tryStmt(TryStmt t, List<Pending> in) {
        List<Node> catchNodes = new ArrayList<>();
        List<List<String>> caught = new ArrayList<>();
        for (CatchClause c : t.getCatchClauses()) {
            catchNodes.add(cfg.add(Kind.STMT, line(c), () -> "catch (" + c.getParameter() + ")", c));
            Type type = c.getParameter().getType();
            caught.add((type instanceof UnionType u ? u.getElements().stream().map(Object::toString).toList()
                    : List.of(type.asString())).stream().map(CheckedExceptions::simple).toList());
        }
        BlockStmt fin = t.getFinallyBlock().orElse(null);
        Try frame = new Try(catchNodes, fin, caught);
        frames.add(frame);
        // the catches of a try-with-resources also receive what opening a resource throws
        for (var r : t.getResources()) {
            in = via(printed(Kind.STMT, r, in), Edge.NORMAL);
        }
        List<Pending> ends = stmt(t.getTryBlock(), in, null);
        frames.remove(frames.size() - 1);
        if (!catchNodes.isEmpty()) {
            // exceptions thrown in a catch body go to the finally, not to the sibling catches
            Try inCatch = new Try(List.of(), fin, List.of());
            frames.add(inCatch);
            for (int i = 0; i < catchNodes.size(); i++) {
                ends.addAll(stmt(t.getCatchClauses().get(i).getBody(), via(catchNodes.get(i), Edge.NORMAL), null));
            }
            frames.remove(frames.size() - 1);
        }
        if (fin == null) {
            return ends;
        }
        frames.add(frame);
        List<Pending> out = new ArrayList<>();
        Node start = finallyCopy(frames.size() - 1, out);
        frames.remove(frames.size() - 1);
        cfg.connect(ends, start);
        return out;
    }
}
