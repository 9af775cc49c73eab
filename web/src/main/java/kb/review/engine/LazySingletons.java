package kb.review.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Session 35 (conc35), CONC-03: a static field filled lazily by a static accessor with no lock, the lazy singleton
 * ({@code if (instance == null) { instance = new Helper(context); } return instance;} in {@code getInstance}). The
 * field is one per process and the accessor is how every thread reaches it: two threads that call it at once both see
 * {@code null} and build two instances (two database helpers over one file, two managers each with its own
 * connections), and one of them is lost while still in use. Real fixes of the class (classes25/conc35-java-lazy-
 * singleton/SOURCES.md): the accessor made {@code synchronized}, the check repeated inside the lock, the field made
 * {@code volatile} under double-checked locking, an eager {@code static final} instance or a holder class.
 *
 * <p>Reported at the assignment of the field when: the method is static, not {@code synchronized} and takes no
 * {@code Lock}; the test {@code F == null} names a field (not a local or parameter) and its then-branch assigns it;
 * and either no {@code synchronized} block holds the assignment, or one does but the test sits outside it and is
 * not repeated inside (the check-then-lock shape, where both threads pass the test before either takes the lock), or
 * the test is repeated inside but the field, declared in sight, is not {@code volatile} (double-checked locking that
 * can publish a half-built object). Left alone: a test inside the lock, a synchronized accessor, a command-line
 * program's class, tests, an accessor named for start-up ({@code init}, {@code setup}, {@code register}: set 24's
 * termux managers built in the application's {@code onCreate}), a desktop user interface's class (its event
 * thread). The finding is sure when the field holds the class's own type (a singleton); a lazily built value of
 * another type (a parser, a client) is reported as a guess.
 */
final class LazySingletons {

    private static final Pattern NOT_SHARED_NAME = Pattern.compile("(?:Test|Tests|IT|Benchmark|Mojo)$");
    private static final Pattern FACTORY = Pattern.compile("^(?:new|create|build|open|connect|make)");
    /** An accessor the program calls once while it starts (an application's onCreate, a registry's init). */
    private static final Pattern START_UP = Pattern.compile(
            "^(?:init|initialize|setup|setUp|install|register|bootstrap)\\w*$");
    /** A desktop user interface's package or toolkit: its singletons are made and used on the one event thread. */
    private static final Pattern UI_PACKAGE = Pattern.compile("(?:^|\\.)(?:ui|gui|swing|swt|javafx|fx)(?:\\.|$)");
    private static final Pattern UI_IMPORT = Pattern.compile(
            "^(?:org\\.eclipse\\.swt|javax\\.swing|javafx|java\\.awt)\\.");

    private LazySingletons() {
    }

    /** A cheap text test: a static member and a null test. */
    static boolean mayApply(String text) {
        return text.contains("static") && text.contains("== null");
    }

    static List<JavaChecks.Report> check(Node root, boolean wholeFile) {
        List<JavaChecks.Report> out = new ArrayList<>();
        if (eventThreadOnly(root)) {
            return out;
        }
        for (MethodDeclaration method : root.findAll(MethodDeclaration.class)) {
            if (!method.isStatic() || method.isSynchronized() || method.getType().isVoidType()
                    || method.getBody().isEmpty() || takesLock(method)
                    || START_UP.matcher(method.getNameAsString()).matches()) {
                continue;
            }
            Optional<ClassOrInterfaceDeclaration> type = method.findAncestor(ClassOrInterfaceDeclaration.class);
            if (type.isPresent() && (NOT_SHARED_NAME.matcher(type.get().getNameAsString()).find()
                    || ConfinedTypes.commandLine(type.get()))) {
                continue;
            }
            for (IfStmt test : method.findAll(IfStmt.class)) {
                String field = nullTested(test.getCondition());
                if (field == null || local(method, field)) {
                    continue;
                }
                AssignExpr fill = assignment(test, field);
                if (fill == null || enclosingLock(test, method) != null) {
                    continue;
                }
                SynchronizedStmt lock = enclosingLock(fill, method);
                if (lock != null && rechecked(lock, field)) {
                    Boolean vol = declaredVolatile(root, field);
                    if (vol == null || vol) {
                        continue;
                    }
                }
                boolean own = type.isPresent() && declaredType(root, field)
                        .map(t -> t.equals(type.get().getNameAsString())).orElse(
                                method.getType().asString().equals(type.get().getNameAsString()));
                out.add(JavaChecks.Report.at(fill, !own));
            }
        }
        return out;
    }

    /**
     * A class of a desktop user interface (its package has a {@code ui}, {@code gui}, {@code swing}, {@code swt} or
     * {@code fx} segment, or it imports SWT, Swing, JavaFX or AWT): the toolkit runs it on its one event thread (set
     * 17's Apache Hop GUI plugins).
     */
    private static boolean eventThreadOnly(Node root) {
        return root.findCompilationUnit().map(cu -> cu.getPackageDeclaration()
                .map(p -> UI_PACKAGE.matcher(p.getNameAsString()).find()).orElse(false)
                || cu.getImports().stream().anyMatch(i -> UI_IMPORT.matcher(i.getNameAsString()).find()))
                .orElse(false);
    }

    /** {@code F == null} or {@code null == F} for a bare name or a qualified field; null otherwise. */
    private static String nullTested(Expression cond) {
        if (!(cond instanceof BinaryExpr b) || b.getOperator() != BinaryExpr.Operator.EQUALS) {
            return null;
        }
        Expression other = b.getRight() instanceof NullLiteralExpr ? b.getLeft()
                : b.getLeft() instanceof NullLiteralExpr ? b.getRight() : null;
        return name(other);
    }

    private static String name(Expression e) {
        if (e instanceof NameExpr n) {
            return n.getNameAsString();
        }
        // a static field named through its class (`Helper.instance`), not a field of some object in reach
        if (e instanceof FieldAccessExpr fa && fa.getScope() instanceof NameExpr scope
                && Character.isUpperCase(scope.getNameAsString().charAt(0))) {
            return fa.getNameAsString();
        }
        return null;
    }

    /** The first assignment of {@code field} (to anything but null) in the then-branch of {@code test}. */
    private static AssignExpr assignment(IfStmt test, String field) {
        for (AssignExpr a : test.getThenStmt().findAll(AssignExpr.class)) {
            if (a.getOperator() == AssignExpr.Operator.ASSIGN && field.equals(name(a.getTarget()))
                    && builds(a.getValue())) {
                return a;
            }
        }
        return null;
    }

    /**
     * A value built by the assignment: {@code new X(...)} or a factory call ({@code create}, {@code build},
     * {@code newX}, {@code open}, {@code connect}). A lookup that hands back an object that already exists
     * ({@code loader.getExtension(X.class)}, set 18's zaproxy) stores the same reference on every thread that races.
     */
    private static boolean builds(Expression value) {
        return value instanceof ObjectCreationExpr
                || value instanceof MethodCallExpr call && FACTORY.matcher(call.getNameAsString()).find();
    }

    private static SynchronizedStmt enclosingLock(Node n, MethodDeclaration method) {
        Optional<SynchronizedStmt> s = n.findAncestor(SynchronizedStmt.class);
        return s.filter(x -> x.findAncestor(MethodDeclaration.class).filter(m -> m == method).isPresent())
                .orElse(null);
    }

    /** The null test repeated inside the lock: double-checked locking. */
    private static boolean rechecked(SynchronizedStmt lock, String field) {
        return lock.getBody().findAll(IfStmt.class).stream().anyMatch(i -> field.equals(nullTested(i.getCondition())));
    }

    /** Whether the field, declared in sight, is volatile; null when its declaration is not in sight. */
    private static Boolean declaredVolatile(Node root, String field) {
        return fieldDeclaration(root, field).map(FieldDeclaration::isVolatile).orElse(null);
    }

    private static Optional<String> declaredType(Node root, String field) {
        return fieldDeclaration(root, field).flatMap(f -> f.getVariables().stream()
                .filter(v -> v.getNameAsString().equals(field)).findFirst()).map(v -> v.getType().asString());
    }

    private static Optional<FieldDeclaration> fieldDeclaration(Node root, String field) {
        return root.findAll(FieldDeclaration.class).stream()
                .filter(f -> f.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(field))).findFirst();
    }

    /** A parameter or local of the method by that name: the test is of a local value, not of the field. */
    private static boolean local(MethodDeclaration method, String field) {
        for (Parameter p : method.getParameters()) {
            if (p.getNameAsString().equals(field)) {
                return true;
            }
        }
        for (VariableDeclarationExpr d : method.findAll(VariableDeclarationExpr.class)) {
            for (VariableDeclarator v : d.getVariables()) {
                if (v.getNameAsString().equals(field)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean takesLock(MethodDeclaration method) {
        return method.findAll(MethodCallExpr.class).stream().anyMatch(c -> c.getNameAsString().equals("lock")
                || c.getNameAsString().equals("tryLock") || c.getNameAsString().equals("lockInterruptibly"));
    }
}
