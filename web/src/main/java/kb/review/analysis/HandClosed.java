package kb.review.analysis;

import static kb.review.analysis.JavaExpressions.unwrap;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kb.review.analysis.Cfg.Node;
import kb.review.analysis.Lifecycle.Acquisition;

/**
 * Locals the method itself closes by hand, whatever their type: {@code Lease lease = zk.acquire(); ...;
 * lease.close();}. No library model names a project's own lease, session or handle, but the author's own
 * {@code close()} says the value holds something; written as a plain statement after the work rather than in
 * {@code finally} or try-with-resources, an exception (or an early return) between the two skips it. Only the shape
 * "declared from a call, closed later in the same block" is taken: a close inside an {@code if}, a catch or a
 * finally says the author already chose when it runs; and what a getter of a parameter returns (a servlet
 * response's writer) stays the caller's object's. Values a library model knows are left to that model, and the
 * JDK's in-memory streams (whose close does nothing) are not resources. Findings are never sure: the type is unknown.
 */
public final class HandClosed {

    /** The id RES-01 lists to report these. */
    public static final String ID = "closed-by-hand";

    /** The engine's model: no acquiring call (the close itself is the evidence), released by {@code close()}. */
    public static final Model MODEL = new Model(ID, "java", "resource", "{v}", "closing", List.of(),
            List.of("{v}.close()"), List.of(), true, "engine:HandClosed");

    /**
     * The engine's model of a local the method closes in a {@code finally} whose {@code try} starts below the
     * declaration (session 53): only the normal ways out between the two ({@code return}, {@code throw},
     * {@code continue}, {@code break}) are followed, since a call between them that may fail is the common
     * {@code c.setAutoCommit(false); try { ... } finally { c.close(); }} idiom the library models judge themselves.
     */
    public static final Model FINALLY_MODEL = new Model(ID, "java", "resource", "{v}", "closing", List.of(),
            List.of("{v}.close()"), List.of(), true, "engine:HandClosed", true);

    /** JDK types whose close does nothing (an in-memory buffer) or that only wrap what they are given. */
    private static final Pattern IN_MEMORY = Pattern.compile("^(?:java\\.io\\.)?(?:ByteArray(?:Input|Output)Stream"
            + "|StringWriter|StringReader|CharArray(?:Reader|Writer)|StringBuilderWriter|StringBufferInputStream)$");

    private static final Pattern CLOSE = Pattern.compile("\\.\\s*close\\s*\\(\\s*\\)");

    private HandClosed() {
    }

    /** True when {@code m} is this model and the file's (lower-cased) text closes something by hand. */
    public static boolean mayAppear(Model m, String lowerText) {
        return m.id().equals(ID) && m.language().equals("java") && CLOSE.matcher(lowerText).find();
    }

    /** True when {@code models} asks for these. */
    static boolean wanted(List<Model> models) {
        return models.stream().anyMatch(m -> m.id().equals(ID) && m.language().equals("java"));
    }

    /**
     * The declarations of the callable's hand-closed locals: one per local declared from a call or a constructor and
     * closed by hand later in the same block. None means the callable's graph is not worth building for this.
     */
    static List<ExpressionStmt> candidates(com.github.javaparser.ast.Node callable) {
        List<ExpressionStmt> out = new ArrayList<>();
        List<ExpressionStmt> closes = new ArrayList<>();
        for (ExpressionStmt close : callable.findAll(ExpressionStmt.class)) {
            if (close.getExpression() instanceof MethodCallExpr call && call.getNameAsString().equals("close")
                    && call.getArguments().isEmpty() && call.getScope().orElse(null) instanceof NameExpr
                    && owner(close) == callable && !handled(close, callable)) {
                closes.add(close);
            }
        }
        if (closes.isEmpty()) {
            return out;
        }
        Map<String, List<VariableDeclarator>> declared = new HashMap<>();
        Set<String> inMemory = new HashSet<>();
        for (VariableDeclarator vd : callable.findAll(VariableDeclarator.class)) {
            if (owner(vd) == callable && vd.getParentNode().orElse(null) instanceof VariableDeclarationExpr) {
                declared.computeIfAbsent(vd.getNameAsString(), k -> new ArrayList<>()).add(vd);
                if (inMemory(vd.getTypeAsString(), vd.getInitializer().orElse(null), Set.of())) {
                    inMemory.add(vd.getNameAsString());
                }
            }
        }
        for (ExpressionStmt close : closes) {
            NameExpr scope = (NameExpr) ((MethodCallExpr) close.getExpression()).getScope().get();
            List<VariableDeclarator> same = declared.get(scope.getNameAsString());
            if (same == null || same.size() != 1) {
                continue; // a parameter, a field, or a name declared twice: not this shape
            }
            VariableDeclarator vd = same.get(0);
            VariableDeclarationExpr vde = (VariableDeclarationExpr) vd.getParentNode().get();
            if (vde.getVariables().size() != 1 || !(vde.getParentNode().orElse(null) instanceof ExpressionStmt decl)
                    || !(decl.getParentNode().orElse(null) instanceof BlockStmt block)
                    || close.getParentNode().orElse(null) != block
                    || block.getStatements().indexOf(decl) >= block.getStatements().indexOf(close)
                    || !acquiring(vd, inMemory) || partOfParameter(vd, callable) || out.contains(decl)) {
                continue;
            }
            out.add(decl);
        }
        return out;
    }

    /**
     * The declarations of the callable's locals closed in the {@code finally} of a {@code try} that stands later in
     * the declaration's own block, with at least one statement between the two (where a way out skips the try): the
     * author's close says the value holds something, and every path that leaves before the try leaves it open.
     */
    static List<ExpressionStmt> finallyCandidates(com.github.javaparser.ast.Node callable) {
        List<ExpressionStmt> out = new ArrayList<>();
        for (TryStmt t : callable.findAll(TryStmt.class)) {
            if (owner(t) != callable || t.getFinallyBlock().isEmpty()
                    || !(t.getParentNode().orElse(null) instanceof BlockStmt block)) {
                continue;
            }
            for (com.github.javaparser.ast.stmt.Statement st : t.getFinallyBlock().get().getStatements()) {
                if (!(st instanceof ExpressionStmt close && close.getExpression() instanceof MethodCallExpr call
                        && call.getNameAsString().equals("close") && call.getArguments().isEmpty()
                        && call.getScope().orElse(null) instanceof NameExpr scope)) {
                    continue;
                }
                int at = block.getStatements().indexOf(t);
                for (int i = at - 2; i >= 0; i--) {
                    if (block.getStatements().get(i) instanceof ExpressionStmt decl
                            && decl.getExpression() instanceof VariableDeclarationExpr vde
                            && vde.getVariables().size() == 1
                            && vde.getVariable(0).getNameAsString().equals(scope.getNameAsString())) {
                        VariableDeclarator vd = vde.getVariable(0);
                        if (acquiring(vd, Set.of()) && !partOfParameter(vd, callable) && !out.contains(decl)) {
                            out.add(decl);
                        }
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** The acquisitions of {@code cfg} for the {@link #candidates} of its callable, at the nodes of the declarations. */
    static List<Acquisition> acquisitions(List<ExpressionStmt> candidates, Cfg cfg, Model model) {
        List<Acquisition> out = new ArrayList<>();
        for (ExpressionStmt declaration : candidates) {
            VariableDeclarator vd = ((VariableDeclarationExpr) declaration.getExpression()).getVariable(0);
            for (Node n : cfg.nodes()) {
                if (n.ast == declaration && n.kind == Cfg.Kind.STMT) {
                    out.add(new Acquisition(n, vd.getNameAsString(), null, model, false));
                    break;
                }
            }
        }
        return out;
    }

    /** True when the local is made by a call or a constructor, and is not an in-memory stream. */
    private static boolean acquiring(VariableDeclarator vd, Set<String> inMemory) {
        Expression init = unwrap(vd.getInitializer().orElse(null));
        return (init instanceof ObjectCreationExpr || init instanceof MethodCallExpr)
                && !inMemory(vd.getTypeAsString(), init, inMemory);
    }

    /**
     * True for an in-memory stream: of such a type, or made around one ({@code new PrintWriter(stringWriter)},
     * {@code factory.createGenerator(stringWriter)}; {@code locals} names the method's in-memory locals): closing it
     * frees nothing.
     */
    private static boolean inMemory(String type, Expression init, Set<String> locals) {
        if (IN_MEMORY.matcher(type).find()) {
            return true;
        }
        List<Expression> args;
        if (unwrap(init) instanceof ObjectCreationExpr created) {
            if (IN_MEMORY.matcher(created.getType().getNameAsString()).find()) {
                return true;
            }
            args = created.getArguments();
        } else if (unwrap(init) instanceof MethodCallExpr call) {
            args = call.getArguments(); // jsonFactory.createGenerator(stringWriter) writes into memory too
        } else {
            return false;
        }
        return args.stream().map(JavaExpressions::unwrap).anyMatch(a ->
                a instanceof ObjectCreationExpr o && IN_MEMORY.matcher(o.getType().getNameAsString()).find()
                        || a instanceof NameExpr n && locals.contains(n.getNameAsString()));
    }

    private static final Pattern GETTER = Pattern.compile("^get[A-Z_]");

    /**
     * True when the local is what a getter of one of the method's parameters returns ({@code response.getWriter()}):
     * a part of an object the caller handed in, which that object (the container, the caller) still owns.
     */
    private static boolean partOfParameter(VariableDeclarator vd, com.github.javaparser.ast.Node callable) {
        if (!(unwrap(vd.getInitializer().orElse(null)) instanceof MethodCallExpr call)
                || !GETTER.matcher(call.getNameAsString()).find()
                || !(call.getScope().orElse(null) instanceof NameExpr receiver)) {
            return false;
        }
        var params = callable instanceof CallableDeclaration<?> cd ? cd.getParameters()
                : ((LambdaExpr) callable).getParameters();
        return params.stream().anyMatch(p -> p.getNameAsString().equals(receiver.getNameAsString()));
    }

    /** True when the close is in a catch or finally, or the value is closed by try-with-resources too. */
    private static boolean handled(ExpressionStmt close, com.github.javaparser.ast.Node callable) {
        for (com.github.javaparser.ast.Node p = close.getParentNode().orElse(null); p != null && p != callable;
             p = p.getParentNode().orElse(null)) {
            if (p instanceof CatchClause) {
                return true;
            }
            if (p instanceof BlockStmt b && b.getParentNode().orElse(null) instanceof TryStmt t
                    && t.getFinallyBlock().filter(f -> f == b).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The method, constructor or lambda whose body {@code n} runs in. */
    private static com.github.javaparser.ast.Node owner(com.github.javaparser.ast.Node n) {
        return n.findAncestor(p -> p instanceof CallableDeclaration<?> || p instanceof LambdaExpr,
                com.github.javaparser.ast.Node.class).orElse(null);
    }
}
