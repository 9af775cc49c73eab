package kb.review.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Session 51 (conc51), CONC-03: a field that a thread's loop tests to know when to stop, written by another method of
 * the object, with no lock discipline at all: not {@code volatile}, not atomic, not read under a monitor. A running or
 * stop flag ({@code while (running)}, {@code while (!stopped && ...)}) or a reference the loop tests against null or
 * against {@code Thread.currentThread()} (JGroups' timer thread) is one thread's signal to another; without
 * {@code volatile} the JIT may read it once and hoist it out of the loop, so the worker never sees the stop (CONC-03:
 * shared mutable state needs one discipline). The thread's loop is one in the body of a {@code run()} of a class that
 * extends {@code Thread} or implements {@code Runnable} (an anonymous one included), of a lambda or a method reference
 * given to {@code new Thread(...)} or to a pool's {@code submit}/{@code execute} (the hand-offs of
 * {@link SharedFormatters}), or of a method of the class such a body calls directly. The write is an assignment in
 * another method of the class (a {@code stop()}, a {@code close()}, a setter), not a constructor's, not an
 * initializer's, not the thread body's own. Reported at the field's declaration, where {@code volatile} goes.
 *
 * <p>Not reported: a {@code volatile} or {@code final} field, a field marked {@code @GuardedBy}; a loop whose test sits
 * in a {@code synchronized} block or method, or whose body takes a monitor or a lock or waits ({@code synchronized},
 * {@code lock()}, {@code wait()}, {@code await()}: each turn then acquires and sees the writer's release); a field no
 * other method writes (the thread's own state); a loop on a counter or another value (a field's count compared with a
 * bound is a different defect, and often a local's copy).
 */
final class UnpublishedLoopFlags {

    private static final Pattern MAY_APPLY = Pattern.compile("\\b(?:while|for)\\s*\\(");
    private static final int DEPTH = 3;
    private static final Set<String> BODY_LOCKS = Set.of("lock", "lockInterruptibly", "wait", "await", "tryLock");

    private UnpublishedLoopFlags() {
    }

    /** A cheap text test: a loop, and something that runs code on another thread. */
    static boolean mayApply(String text) {
        return MAY_APPLY.matcher(text).find() && (text.contains("Thread") || text.contains("Runnable")
                || text.contains("submit") || text.contains("execute"));
    }

    static List<JavaChecks.Report> check(Node root, boolean wholeFile) {
        List<JavaChecks.Report> out = new ArrayList<>();
        for (ClassOrInterfaceDeclaration type : root.findAll(ClassOrInterfaceDeclaration.class)) {
            Map<String, VariableDeclarator> flags = candidates(type);
            if (flags.isEmpty()) {
                continue;
            }
            List<Node> bodies = threadBodies(type);
            if (bodies.isEmpty()) {
                continue;
            }
            Set<String> reported = new HashSet<>();
            for (Node body : bodies) {
                List<Node> threadCode = reach(type, body);
                for (Node scope : threadCode) {
                    for (Statement loop : loops(scope)) {
                        Optional<Expression> test = condition(loop);
                        if (test.isEmpty() || serialised(loop) || locksInBody(loop)) {
                            continue;
                        }
                        for (Map.Entry<String, String> flag : flagsTested(test.get(), flags).entrySet()) {
                            String name = flag.getKey();
                            if (!reported.contains(name) && writtenElsewhere(type, name, flag.getValue(), threadCode)) {
                                reported.add(name);
                                out.add(JavaChecks.Report.at(flags.get(name).getParentNode().orElseThrow(), false));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The type's own fields with no discipline: not volatile, not final, not @GuardedBy, of any type. */
    private static Map<String, VariableDeclarator> candidates(ClassOrInterfaceDeclaration type) {
        Map<String, VariableDeclarator> out = new LinkedHashMap<>();
        for (FieldDeclaration fd : type.getFields()) {
            if (fd.isVolatile() || fd.isFinal() || fd.getAnnotations().stream()
                    .anyMatch(a -> a.getNameAsString().equals("GuardedBy"))) {
                continue;
            }
            for (VariableDeclarator v : fd.getVariables()) {
                out.put(v.getNameAsString(), v);
            }
        }
        return out;
    }

    /** The code the type runs on other threads: run() of a thread or runnable, lambdas and references handed off. */
    private static List<Node> threadBodies(ClassOrInterfaceDeclaration type) {
        List<Node> out = new ArrayList<>();
        if (runs(type.getExtendedTypes()) || runs(type.getImplementedTypes())) {
            type.getMethodsByName("run").stream().filter(m -> m.getParameters().isEmpty())
                    .forEach(m -> m.getBody().ifPresent(out::add));
        }
        for (ObjectCreationExpr created : type.findAll(ObjectCreationExpr.class)) {
            String made = created.getType().getNameAsString();
            if (created.getAnonymousClassBody().isPresent() && (made.equals("Thread") || made.equals("Runnable")
                    || made.equals("TimerTask"))) {
                created.getAnonymousClassBody().get().stream()
                        .filter(b -> b instanceof MethodDeclaration m && m.getNameAsString().equals("run"))
                        .forEach(b -> ((MethodDeclaration) b).getBody().ifPresent(out::add));
            }
            if (made.equals("Thread")) {
                handed(type, created.getArguments(), out);
            }
        }
        for (MethodCallExpr call : type.findAll(MethodCallExpr.class)) {
            if (SharedFormatters.handsOff(call)) {
                handed(type, call.getArguments(), out);
            }
        }
        return out;
    }

    private static boolean runs(List<ClassOrInterfaceType> supers) {
        return supers.stream().map(ClassOrInterfaceType::getNameAsString)
                .anyMatch(n -> n.equals("Thread") || n.equals("Runnable") || n.equals("TimerTask"));
    }

    /** Lambdas and the type's own methods referenced ({@code this::loop}) among {@code args}. */
    private static void handed(ClassOrInterfaceDeclaration type, List<Expression> args, List<Node> out) {
        for (Expression arg : args) {
            if (arg instanceof LambdaExpr lambda) {
                out.add(lambda.getBody());
            } else if (arg instanceof MethodReferenceExpr ref && (ref.getScope() instanceof ThisExpr
                    || ref.getScope().toString().equals(type.getNameAsString()))) {
                type.getMethodsByName(ref.getIdentifier()).forEach(m -> m.getBody().ifPresent(out::add));
            }
        }
    }

    /**
     * The body and the bodies of the type's methods it calls ({@code loop()}, {@code this.loop()}), followed
     * {@value #DEPTH} calls deep: all of it runs on the thread, so a write there is the thread's own.
     */
    private static List<Node> reach(ClassOrInterfaceDeclaration type, Node body) {
        List<Node> out = new ArrayList<>(List.of(body));
        List<Node> frontier = List.of(body);
        for (int depth = 0; depth < DEPTH && !frontier.isEmpty(); depth++) {
            List<Node> next = new ArrayList<>();
            for (Node n : frontier) {
                for (MethodCallExpr call : n.findAll(MethodCallExpr.class)) {
                    if (call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr) {
                        for (MethodDeclaration m : type.getMethodsByName(call.getNameAsString())) {
                            if (m.getBody().isPresent() && !out.contains(m.getBody().get())) {
                                out.add(m.getBody().get());
                                next.add(m.getBody().get());
                            }
                        }
                    }
                }
            }
            frontier = next;
        }
        return out;
    }

    private static List<Statement> loops(Node scope) {
        List<Statement> out = new ArrayList<>(scope.findAll(WhileStmt.class));
        out.addAll(scope.findAll(DoStmt.class));
        out.addAll(scope.findAll(ForStmt.class));
        return out;
    }

    private static Optional<Expression> condition(Statement loop) {
        if (loop instanceof WhileStmt w) {
            return Optional.of(w.getCondition());
        }
        if (loop instanceof DoStmt d) {
            return Optional.of(d.getCondition());
        }
        return loop instanceof ForStmt f ? f.getCompare() : Optional.empty();
    }

    /**
     * The candidate fields the test reads as a flag, each with the value a writer stops the loop with: a boolean name
     * alone, negated or joined by {@code &&}/{@code ||} ({@code false} ends {@code while (running)}, {@code true} ends
     * {@code while (!stopped)}), or another name compared with null or with {@code Thread.currentThread()} (any
     * write, null when none); {@code this.name} counts as the name. A name the loop's method or lambda declares as a
     * local or a parameter is not the field.
     */
    private static Map<String, String> flagsTested(Expression test, Map<String, VariableDeclarator> flags) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Expression e : test.findAll(Expression.class)) {
            String name = fieldName(e);
            if (name == null || !flags.containsKey(name) || e instanceof NameExpr && shadowed(e, name)) {
                continue;
            }
            String declared = flags.get(name).getType().asString();
            Node parent = e.getParentNode().orElse(null);
            boolean negated = false;
            while (parent instanceof EnclosedExpr || parent instanceof UnaryExpr u
                    && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
                negated ^= parent instanceof UnaryExpr;
                parent = parent.getParentNode().orElse(null);
            }
            if (declared.equals("boolean") || declared.equals("Boolean")) {
                boolean asFlag = parent instanceof Statement || parent instanceof BinaryExpr b
                        && (b.getOperator() == BinaryExpr.Operator.AND || b.getOperator() == BinaryExpr.Operator.OR);
                if (asFlag) {
                    out.put(name, negated ? "true" : "false");
                }
            } else if (parent instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.EQUALS
                    || b.getOperator() == BinaryExpr.Operator.NOT_EQUALS) && (b.getLeft() instanceof NullLiteralExpr
                    || b.getRight() instanceof NullLiteralExpr || b.toString().contains("Thread.currentThread()"))) {
                out.put(name, null);
            }
        }
        return out;
    }

    /** A local or parameter of the enclosing method or lambda named {@code name}. */
    private static boolean shadowed(Node use, String name) {
        for (Optional<Node> p = use.getParentNode(); p.isPresent(); p = p.get().getParentNode()) {
            if (p.get() instanceof MethodDeclaration || p.get() instanceof LambdaExpr) {
                Node callable = p.get();
                return callable.findAll(VariableDeclarator.class).stream()
                        .anyMatch(v -> v.getNameAsString().equals(name))
                        || callable.findAll(Parameter.class).stream().anyMatch(v -> v.getNameAsString().equals(name));
            }
        }
        return false;
    }

    /** {@code name} or {@code this.name}; null for anything else. */
    private static String fieldName(Expression e) {
        if (e instanceof NameExpr n && !(e.getParentNode().orElse(null) instanceof FieldAccessExpr)) {
            return n.getNameAsString();
        }
        if (e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
            return f.getNameAsString();
        }
        return null;
    }

    /**
     * An assignment of {@code name} in the type outside the thread's code, constructors and initializers, of a value
     * that can end the loop: not the boolean literal that keeps it going ({@code stop} null: any value).
     */
    private static boolean writtenElsewhere(ClassOrInterfaceDeclaration type, String name, String stop,
                                            List<Node> threadCode) {
        for (AssignExpr assign : type.findAll(AssignExpr.class)) {
            if (!name.equals(fieldName(assign.getTarget())) || threadCode.stream().anyMatch(c -> inside(assign, c))
                    || stop != null && assign.getValue() instanceof BooleanLiteralExpr lit
                    && !String.valueOf(lit.getValue()).equals(stop)) {
                continue;
            }
            boolean setup = false;
            for (Optional<Node> p = assign.getParentNode(); p.isPresent(); p = p.get().getParentNode()) {
                if (p.get() instanceof ConstructorDeclaration || p.get() instanceof InitializerDeclaration) {
                    setup = true;
                    break;
                }
                if (p.get() instanceof MethodDeclaration || p.get() instanceof LambdaExpr) {
                    break;
                }
            }
            if (!setup) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(Node n, Node scope) {
        for (Optional<Node> p = Optional.of(n); p.isPresent(); p = p.get().getParentNode()) {
            if (p.get() == scope) {
                return true;
            }
        }
        return false;
    }

    /** The loop sits in a synchronized block or method: its test is read under a monitor. */
    private static boolean serialised(Node loop) {
        for (Optional<Node> p = loop.getParentNode(); p.isPresent(); p = p.get().getParentNode()) {
            if (p.get() instanceof SynchronizedStmt) {
                return true;
            }
            if (p.get() instanceof MethodDeclaration m) {
                return m.isSynchronized();
            }
            if (p.get() instanceof LambdaExpr) {
                return false;
            }
        }
        return false;
    }

    /** The loop's body takes a monitor or a lock, or waits on one: each turn synchronizes with the writer. */
    private static boolean locksInBody(Statement loop) {
        return !loop.findAll(SynchronizedStmt.class).isEmpty() || loop.findAll(MethodCallExpr.class).stream()
                .anyMatch(c -> BODY_LOCKS.contains(c.getNameAsString()));
    }
}
