package kb.review.analysis;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.types.ResolvedType;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;

import java.util.HashMap;
import java.util.Map;

/**
 * Types the JavaParser symbol solver can tell where a declaration does not: a local declared with {@code var}
 * and initialised by a method call takes the return type of that method, when the receiver's type is known
 * (declared, or itself found this way) and the method is one of the JDK's or of a type declared in the same file:
 * {@code var conn = dataSource.getConnection(); var ps = conn.prepareStatement(sql);} gives {@code ps} the type
 * {@code java.sql.PreparedStatement}, so models match it by type (a sure finding) rather than by its name.
 *
 * <p>Types are resolved against the JDK (by reflection) and the file's own declarations and imports. A type from
 * elsewhere in the checkout, an overloaded method whose overloads return different types, or anything the solver
 * fails on leaves the local's type unknown: models then fall back to the receiver's name, at low confidence. Never
 * an error. One solver per thread: the solver's caches are not shared between threads.
 */
final class JavaTypeHints {

    private static final ThreadLocal<TypeSolver> SOLVER = ThreadLocal.withInitial(() -> new ReflectionTypeSolver(true));

    /** Resolved types of the names seen so far in one file, in source order. */
    private final Map<String, ResolvedType> resolved = new HashMap<>();

    /** Notes that {@code name} is declared with {@code type} (not {@code var}); resolved only if asked for later. */
    private final Map<String, Type> declared = new HashMap<>();

    void declare(String name, Type type) {
        declared.put(name, type);
        resolved.remove(name);
    }

    /**
     * The type {@code init} gives the {@code var} local {@code name}, as a qualified name without type arguments,
     * or null when it cannot be told; remembered for locals declared from this one.
     */
    String varType(String name, Expression init) {
        declared.remove(name);
        resolved.remove(name);
        if (!(init instanceof MethodCallExpr call) || !(call.getScope().orElse(null) instanceof NameExpr receiver)) {
            return null;
        }
        try {
            ResolvedType owner = typeOf(receiver.getNameAsString());
            if (owner == null || !owner.isReferenceType()) {
                return null;
            }
            ResolvedType found = null;
            for (ResolvedMethodDeclaration m : owner.asReferenceType().getAllMethods()) {
                if (!m.getName().equals(call.getNameAsString())
                        || !(m.getNumberOfParams() == call.getArguments().size() || m.hasVariadicParameter())) {
                    continue;
                }
                ResolvedType r = m.getReturnType();
                if (found != null && !found.describe().equals(r.describe())) {
                    return null; // overloads that return different types: which one is called is not worked out here
                }
                found = r;
            }
            if (found == null || !found.isReferenceType()) {
                return null;
            }
            resolved.put(name, found);
            return found.asReferenceType().getQualifiedName();
        } catch (RuntimeException | StackOverflowError unsolved) {
            // an unknown type, a missing class, or the solver's own limits: the name stays untyped
            return null;
        }
    }

    private ResolvedType typeOf(String name) {
        ResolvedType known = resolved.get(name);
        if (known != null) {
            return known;
        }
        Type type = declared.get(name);
        if (type == null || !type.isClassOrInterfaceType()) {
            return null;
        }
        ResolvedType r = JavaParserFacade.get(SOLVER.get()).convertToUsage(type);
        resolved.put(name, r);
        return r;
    }
}
