package kb.review.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Session 47 (conc47), CONC-03: a plain number field of an object that one instance serves every request with (a
 * Spring service, controller or repository, a servlet) bumped by a method with {@code ++}, {@code --} or {@code +=}
 * and no lock. The item: "server code runs every handler on many threads at once"; a read-modify-write of a plain
 * field by two request threads loses one of the updates, and a counter that hands out ids gives two orders the same
 * one (kazuki43zoo's jpetstore order numbers, the shape of the fixes listed in the session's README section).
 *
 * <p>The object counts as shared when {@link SharedCollections#sharedClass} says so (a container annotation, a
 * servlet), or when a member carries an annotation of the container ({@code @Transactional}, {@code @PostConstruct},
 * {@code @Autowired}, a request mapping, a scheduled or listener method): a bean the container builds, one per
 * application unless its class says a narrower scope (hunks often show the members and not the class head).
 * Left alone: a {@code volatile} or {@code final} field, a write while the object is built (constructor, setter,
 * {@code @PostConstruct}), a write in a synchronized method or block or a method that takes a {@code Lock}, a private
 * helper only called under a lock, a narrower scope ({@code @Scope("prototype")}, {@code @RequestScope},
 * {@code @ViewScoped}), a bare name the method declares as a local.
 */
final class SharedCounters {

    private static final Set<String> NUMBERS = Set.of("int", "long", "short", "double", "float", "Integer", "Long",
            "Short", "Double", "Float");
    /** The annotations of a container on a member: the class is a bean the container builds once. */
    private static final Set<String> CONTAINER = Set.of("Transactional", "PostConstruct", "Autowired", "Inject",
            "Scheduled", "Value", "GetMapping", "PostMapping", "PutMapping", "DeleteMapping", "RequestMapping",
            "EventListener", "KafkaListener", "RabbitListener", "JmsListener");

    private SharedCounters() {
    }

    /** A cheap text test: a bump of something, and a sign of a container or a server component. */
    static boolean mayApply(String text) {
        return (text.contains("++") || text.contains("--") || text.contains("+=") || text.contains("-="))
                && text.contains("@");
    }

    static List<JavaChecks.Report> check(Node root, boolean wholeFile) {
        List<JavaChecks.Report> out = new ArrayList<>();
        for (ClassOrInterfaceDeclaration type : root.findAll(ClassOrInterfaceDeclaration.class)) {
            if (type.isInterface() || !shared(type)) {
                continue;
            }
            Set<String> counters = counters(type);
            Set<String> declared = new HashSet<>();
            type.getFields().forEach(f -> f.getVariables().forEach(v -> declared.add(v.getNameAsString())));
            Set<String> reported = new HashSet<>();
            for (Expression bump : bumps(type)) {
                String name = target(bump);
                // ++ and -- take only a number: a field out of the piece's sight (hunks that show the bump and not the
                // declaration) counts too, unless the piece declares it otherwise (final, volatile)
                boolean counter = counters.contains(name)
                        || bump instanceof UnaryExpr && name != null && !declared.contains(name);
                if (name == null || !counter || reported.contains(name)) {
                    continue;
                }
                CallableDeclaration<?> owner = bump.findAncestor(CallableDeclaration.class).orElse(null);
                if (owner == null || declares(owner, name) || inAnonymousClass(bump, type) || owner.findAncestor(ClassOrInterfaceDeclaration.class).orElse(null) != type
                        || SharedCollections.building(bump) || SharedCollections.guarded(bump, owner)
                        || SharedCollections.onlyCalledGuarded(type, owner, 4)) {
                    continue;
                }
                reported.add(name);
                out.add(JavaChecks.Report.at(bump, false));
            }
        }
        return out;
    }

    private static boolean shared(ClassOrInterfaceDeclaration type) {
        if (SharedCollections.narrowScope(type) || ConfinedTypes.commandLine(type) || type.getAnnotations().stream()
                .map(AnnotationExpr::getNameAsString).anyMatch(a -> a.endsWith("Scoped") && !a.equals("ApplicationScoped"))) {
            return false;
        }
        return SharedCollections.sharedClass(type) || type.getMembers().stream().anyMatch(m ->
                m.getAnnotations().stream().map(AnnotationExpr::getNameAsString).anyMatch(CONTAINER::contains));
    }

    /** The class's own plain number fields: not final, not volatile. */
    private static Set<String> counters(ClassOrInterfaceDeclaration type) {
        Set<String> out = new HashSet<>();
        for (FieldDeclaration field : type.getFields()) {
            if (field.isFinal() || field.isVolatile()) {
                continue;
            }
            for (VariableDeclarator v : field.getVariables()) {
                if (NUMBERS.contains(v.getType().asString())) {
                    out.add(v.getNameAsString());
                }
            }
        }
        return out;
    }

    /** The increments, decrements and compound additions of the class, in order. */
    private static List<Expression> bumps(ClassOrInterfaceDeclaration type) {
        List<Expression> out = new ArrayList<>();
        type.walk(Node.TreeTraversal.PREORDER, n -> {
            if (n instanceof UnaryExpr u && (u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
                    || u.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT
                    || u.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT
                    || u.getOperator() == UnaryExpr.Operator.POSTFIX_DECREMENT)
                    || n instanceof AssignExpr a && (a.getOperator() == AssignExpr.Operator.PLUS
                    || a.getOperator() == AssignExpr.Operator.MINUS)) {
                out.add((Expression) n);
            }
        });
        return out;
    }

    /** Whether the bump stands in an anonymous class of the type, whose own fields a bare name may mean. */
    private static boolean inAnonymousClass(Node bump, ClassOrInterfaceDeclaration type) {
        for (Node n = bump.getParentNode().orElse(null); n != null && n != type; n = n.getParentNode().orElse(null)) {
            if (n instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the method declares a local or parameter of that name, which the bare name then means. */
    private static boolean declares(CallableDeclaration<?> owner, String name) {
        return owner.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))
                || owner.findAll(VariableDeclarator.class).stream().anyMatch(v -> v.getNameAsString().equals(name));
    }

    /** The field a bump writes, by its bare name or through {@code this}; null for anything else. */
    private static String target(Expression bump) {
        Expression t = bump instanceof UnaryExpr u ? u.getExpression() : ((AssignExpr) bump).getTarget();
        if (t.isNameExpr()) {
            return t.asNameExpr().getNameAsString();
        }
        return t.isFieldAccessExpr() && t.asFieldAccessExpr().getScope().isThisExpr()
                ? t.asFieldAccessExpr().getNameAsString() : null;
    }
}
