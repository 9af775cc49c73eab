package kb.review.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CONC-03 for a memo cache kept in a {@code static} plain map or set ({@code private static final Map<K, V> CACHE =
 * new HashMap<>()}) and filled on a miss by a method that runs after start-up ({@code CACHE.computeIfAbsent(k, ...)},
 * {@code merge}, {@code putIfAbsent}, or a {@code get}/{@code containsKey} then {@code put} on the same map in one
 * method) without a lock. A static field is one per process: every instance of the class, on every thread that
 * holds one, fills the same map, so the class needs no annotation or comment to be shared; and a cache filled on
 * a miss is filled while the program serves, not while it starts. Two threads that miss at once corrupt a HashMap
 * (lost entries, a resize that loops; Java 9+ throws ConcurrentModificationException from {@code computeIfAbsent}).
 * Real fixes that made such a cache concurrent (session 32's breadth pass, classes25/conc32-java-static-cache): a
 * handler's static URL map, a mod loader's static memoizer, a factory's static cache map, a schema cache's state.
 * Reported at the field. Left alone: a write under a lock or in a synchronized method, a fill in a static
 * initializer or constructor, a registry's writer (a method named register, init, load, setup, install or
 * define: entries registered at start-up; set 18's vendored WebDAV report types), a map only read after it is built,
 * a command-line program's one thread, and a test or benchmark class.
 */
final class StaticCaches {

    private static final Set<String> PLAIN = Set.of("HashMap", "LinkedHashMap", "TreeMap", "WeakHashMap",
            "IdentityHashMap", "HashSet", "LinkedHashSet", "TreeSet");
    /** A fill on a miss in one call. */
    private static final Set<String> FILLS = Set.of("computeIfAbsent", "compute", "merge", "putIfAbsent");
    /** A lookup that a later put in the same method answers. */
    private static final Set<String> LOOKUPS = Set.of("get", "containsKey", "contains", "getOrDefault");
    private static final Set<String> PUTS = Set.of("put", "add");
    private static final Pattern NOT_SHARED_NAME = Pattern.compile("(?:Test|Tests|IT|Benchmark|Main|Mojo)$");
    /** A registry's writer: the class's entries are registered (at start-up), not filled on a miss while serving. */
    private static final Pattern REGISTERS = Pattern.compile("^(?:register|init|load|setup|install|define)");

    private StaticCaches() {
    }

    /** A cheap text test: a static field, a plain collection built, and a fill or lookup call in the text. */
    static boolean mayApply(String text) {
        return text.contains("static") && (text.contains("new HashMap") || text.contains("new LinkedHashMap")
                || text.contains("new TreeMap") || text.contains("new WeakHashMap") || text.contains("new HashSet")
                || text.contains("new IdentityHashMap") || text.contains("new LinkedHashSet")
                || text.contains("new TreeSet"))
                && (text.contains("IfAbsent(") || text.contains(".merge(") || text.contains(".compute(")
                || text.contains(".get(") || text.contains("contains"));
    }

    static List<JavaChecks.Report> check(Node root, boolean wholeFile) {
        List<JavaChecks.Report> out = new ArrayList<>();
        for (ClassOrInterfaceDeclaration type : root.findAll(ClassOrInterfaceDeclaration.class)) {
            if (type.isInterface() || NOT_SHARED_NAME.matcher(type.getNameAsString()).find()
                    || ConfinedTypes.commandLine(type)) {
                continue;
            }
            for (FieldDeclaration field : type.getFields()) {
                if (!field.isStatic()) {
                    continue;
                }
                for (VariableDeclarator v : field.getVariables()) {
                    if (v.getInitializer().filter(e -> e instanceof ObjectCreationExpr o
                            && PLAIN.contains(o.getType().getNameAsString())).isPresent()
                            && filledOnMiss(type, v.getNameAsString())) {
                        out.add(JavaChecks.Report.at(field, false));
                    }
                }
            }
        }
        return out;
    }

    /** Whether a method of the class (not a constructor or initializer) fills the map on a miss, unguarded. */
    private static boolean filledOnMiss(ClassOrInterfaceDeclaration type, String name) {
        for (MethodCallExpr call : type.findAll(MethodCallExpr.class)) {
            String m = call.getNameAsString();
            if (!(FILLS.contains(m) || PUTS.contains(m)) || call.getScope().filter(s -> names(s, name)).isEmpty()) {
                continue;
            }
            CallableDeclaration<?> owner = call.findAncestor(CallableDeclaration.class).orElse(null);
            if (!(owner instanceof MethodDeclaration method) || owner instanceof ConstructorDeclaration
                    || call.findAncestor(InitializerDeclaration.class).isPresent()
                    || method.isSynchronized() || call.findAncestor(SynchronizedStmt.class).isPresent()
                    || takesLock(method) || ConfinedTypes.lifecycle(method)
                    || REGISTERS.matcher(method.getNameAsString()).find()) {
                continue;
            }
            if (FILLS.contains(m) || looksUpFirst(method, name, call)) {
                return true;
            }
        }
        return false;
    }

    /** A lookup of the same map earlier in the same method: the put answers its miss. */
    private static boolean looksUpFirst(MethodDeclaration method, String name, MethodCallExpr put) {
        int line = put.getBegin().map(p -> p.line).orElse(0);
        return method.findAll(MethodCallExpr.class).stream().anyMatch(c -> LOOKUPS.contains(c.getNameAsString())
                && c.getScope().filter(s -> names(s, name)).isPresent()
                && c.getBegin().map(p -> p.line).orElse(Integer.MAX_VALUE) <= line);
    }

    private static boolean takesLock(MethodDeclaration method) {
        return method.findAll(MethodCallExpr.class).stream().anyMatch(c -> c.getNameAsString().equals("lock")
                || c.getNameAsString().equals("tryLock") || c.getNameAsString().equals("lockInterruptibly"));
    }

    private static boolean names(Expression e, String field) {
        return e instanceof NameExpr n && n.getNameAsString().equals(field)
                || e instanceof FieldAccessExpr fa && fa.getNameAsString().equals(field);
    }
}
