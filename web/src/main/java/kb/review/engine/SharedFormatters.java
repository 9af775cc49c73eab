package kb.review.engine;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CONC-03 for a {@code java.text} formatter held in an instance field ({@code SimpleDateFormat}, {@code DateFormat},
 * {@code DecimalFormat}, {@code NumberFormat}, {@code MessageFormat}): these keep their parse and format state in the
 * object, so two threads using one at once corrupt each other's output. A static one is shared by construction (the
 * {@code java-shared-simpledateformat} rule); an instance one is shared when the object's own code hands work that
 * reaches the field to other threads: a lambda or method reference given to a parallel stream, to an executor
 * ({@code submit}, {@code execute}, {@code invokeAll}), to a {@code CompletableFuture}'s async steps or to a new
 * {@code Thread}, followed through the methods of the class it calls. A use inside a block synchronized on the
 * formatter or on {@code this}, or in a synchronized method, is serialised and does not count.
 */
final class SharedFormatters {

    /** The java.text formats: each keeps its parse and format state in the object ({@link DroppedFieldDisciplines}). */
    static final Set<String> UNSAFE = Set.of("SimpleDateFormat", "DateFormat", "DecimalFormat", "NumberFormat",
            "MessageFormat", "ChoiceFormat");
    /** Calls that run the function they are given on other threads, concurrently with each other and the caller. */
    private static final Set<String> HAND_OFFS = Set.of("submit", "execute", "invokeAll", "invokeAny", "supplyAsync",
            "runAsync", "thenApplyAsync", "thenAcceptAsync", "thenRunAsync", "thenComposeAsync", "handleAsync",
            "whenCompleteAsync");
    private static final Pattern MAY_APPLY = Pattern.compile(
            "(?=[SDNMC])\\b(?:SimpleDateFormat|DateFormat|DecimalFormat|NumberFormat|MessageFormat|ChoiceFormat)\\b");
    private static final int DEPTH = 4;

    private SharedFormatters() {
    }

    /** A cheap text test: an unsafe formatter type is named and something may run on other threads. */
    static boolean mayApply(String text) {
        return MAY_APPLY.matcher(text).find() && (text.contains("parallel") || text.contains("Async")
                || text.contains("submit") || text.contains("execute") || text.contains("invokeA")
                || text.contains("new Thread"));
    }

    static List<JavaChecks.Report> check(Node root, boolean wholeFile) {
        List<JavaChecks.Report> out = new ArrayList<>();
        for (ClassOrInterfaceDeclaration type : root.findAll(ClassOrInterfaceDeclaration.class)) {
            Map<String, FieldDeclaration> fields = formatterFields(type);
            if (fields.isEmpty()) {
                continue;
            }
            Set<String> used = usedByOtherThreads(type, fields.keySet());
            for (Map.Entry<String, FieldDeclaration> f : fields.entrySet()) {
                if (used.contains(f.getKey())) {
                    out.add(JavaChecks.Report.at(f.getValue(), false));
                }
            }
        }
        return out;
    }

    /** The class's own non-static fields of an unsafe formatter type, by name. */
    private static Map<String, FieldDeclaration> formatterFields(ClassOrInterfaceDeclaration type) {
        Map<String, FieldDeclaration> out = new LinkedHashMap<>();
        for (FieldDeclaration fd : type.getFields()) {
            if (fd.isStatic()) {
                continue;
            }
            for (VariableDeclarator v : fd.getVariables()) {
                boolean unsafe = UNSAFE.contains(v.getType().asString().replaceFirst("^java\\.text\\.", ""))
                        || v.getInitializer().filter(i -> i instanceof ObjectCreationExpr oc
                        && UNSAFE.contains(oc.getType().getNameAsString())).isPresent();
                if (unsafe) {
                    out.put(v.getNameAsString(), fd);
                }
            }
        }
        return out;
    }

    /** The fields among {@code names} that code handed to other threads reaches, unsynchronised. */
    private static Set<String> usedByOtherThreads(ClassOrInterfaceDeclaration type, Set<String> names) {
        Map<String, List<MethodDeclaration>> methods = new LinkedHashMap<>();
        for (MethodDeclaration m : type.getMethods()) {
            methods.computeIfAbsent(m.getNameAsString(), k -> new ArrayList<>()).add(m);
        }
        Deque<Node> work = new ArrayDeque<>();
        Set<Node> seen = new HashSet<>();
        for (MethodCallExpr call : type.findAll(MethodCallExpr.class)) {
            if (!sameClass(call, type) || !handsOff(call)) {
                continue;
            }
            for (Expression arg : call.getArguments()) {
                if (arg instanceof LambdaExpr lambda) {
                    work.add(lambda.getBody());
                } else if (arg instanceof MethodReferenceExpr ref && ownReference(ref, type)) {
                    work.addAll(methods.getOrDefault(ref.getIdentifier(), List.of()));
                }
            }
        }
        for (ObjectCreationExpr created : type.findAll(ObjectCreationExpr.class)) {
            if (created.getType().getNameAsString().equals("Thread") && sameClass(created, type)) {
                for (Expression arg : created.getArguments()) {
                    if (arg instanceof LambdaExpr lambda) {
                        work.add(lambda.getBody());
                    } else if (arg instanceof MethodReferenceExpr ref && ownReference(ref, type)) {
                        work.addAll(methods.getOrDefault(ref.getIdentifier(), List.of()));
                    }
                }
            }
        }
        Set<String> used = new HashSet<>();
        for (int depth = 0; depth < DEPTH && !work.isEmpty(); depth++) {
            Deque<Node> next = new ArrayDeque<>();
            for (Node n : work) {
                if (!seen.add(n) || n instanceof MethodDeclaration m && m.isSynchronized()) {
                    continue;
                }
                for (NameExpr name : n.findAll(NameExpr.class)) {
                    if (names.contains(name.getNameAsString()) && !serialised(name, name.getNameAsString())) {
                        used.add(name.getNameAsString());
                    }
                }
                for (FieldAccessExpr access : n.findAll(FieldAccessExpr.class)) {
                    if (access.getScope() instanceof ThisExpr && names.contains(access.getNameAsString())
                            && !serialised(access, access.getNameAsString())) {
                        used.add(access.getNameAsString());
                    }
                }
                for (MethodCallExpr call : n.findAll(MethodCallExpr.class)) {
                    boolean own = call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr;
                    if (own) {
                        next.addAll(methods.getOrDefault(call.getNameAsString(), List.of()));
                    }
                }
            }
            work = next;
        }
        return used;
    }

    /** A parallel stream's operation, or a call that runs its function on another thread. */
    static boolean handsOff(MethodCallExpr call) {
        if (HAND_OFFS.contains(call.getNameAsString())) {
            return true;
        }
        for (Optional<Expression> s = call.getScope(); s.isPresent(); ) {
            if (!(s.get() instanceof MethodCallExpr inner)) {
                return false;
            }
            String name = inner.getNameAsString();
            if (name.equals("parallelStream") || name.equals("parallel")) {
                return true;
            }
            if (name.equals("sequential")) {
                return false;
            }
            s = inner.getScope();
        }
        return false;
    }

    /** {@code this::m}, {@code m}'s own class name {@code Type::m}: a method of the class under review. */
    private static boolean ownReference(MethodReferenceExpr ref, ClassOrInterfaceDeclaration type) {
        String scope = ref.getScope().toString();
        return ref.getScope() instanceof ThisExpr || scope.equals(type.getNameAsString());
    }

    /** True when {@code n}'s nearest enclosing class is {@code type} (not a nested or anonymous class). */
    private static boolean sameClass(Node n, ClassOrInterfaceDeclaration type) {
        for (Optional<Node> p = n.getParentNode(); p.isPresent(); p = p.get().getParentNode()) {
            if (p.get() instanceof ClassOrInterfaceDeclaration c) {
                return c == type;
            }
            if (p.get() instanceof ObjectCreationExpr oc && oc.getAnonymousClassBody().isPresent()) {
                return false;
            }
        }
        return false;
    }

    /** A use inside {@code synchronized (field)} or {@code synchronized (this)}. */
    private static boolean serialised(Node use, String field) {
        for (Optional<Node> p = use.getParentNode(); p.isPresent(); p = p.get().getParentNode()) {
            if (p.get() instanceof SynchronizedStmt s) {
                String lock = s.getExpression().toString();
                if (lock.equals("this") || lock.equals(field) || lock.equals("this." + field)) {
                    return true;
                }
            }
            if (p.get() instanceof MethodDeclaration m) {
                return m.isSynchronized() || m.getModifiers().contains(Modifier.synchronizedModifier());
            }
        }
        return false;
    }
}
