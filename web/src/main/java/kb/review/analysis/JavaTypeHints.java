package kb.review.analysis;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.resolution.model.SymbolReference;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.types.ResolvedType;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;

import java.util.HashMap;
import java.util.Map;

/**
 * Types the JavaParser symbol solver can tell where a declaration does not: a local declared with {@code var}
 * and initialised by a method call takes the return type of that method, when the receiver's type is known
 * (declared, or itself found this way), the receiver is a class (a static factory), or the call has no receiver (a
 * method of the enclosing class): {@code var conn = dataSource.getConnection(); var ps = conn.prepareStatement(sql);}
 * gives {@code ps} the type {@code java.sql.PreparedStatement}, so models match it by type (a sure finding) rather
 * than by its name.
 *
 * <p>Types are resolved against the JDK (by reflection), the file's own declarations and imports, and, with a
 * checkout ({@link CheckoutTypes}), the types declared in its other files. An overloaded method whose overloads
 * return different types, or anything the solver fails on, leaves the local's type unknown: models then fall back
 * to the receiver's name, at low confidence. Never an error.
 */
final class JavaTypeHints {

    private final CheckoutTypes checkout;

    JavaTypeHints(CheckoutTypes checkout) {
        this.checkout = checkout;
    }

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
        if (!(init instanceof MethodCallExpr call)) {
            return null;
        }
        long start = CheckoutTypes.cpuNow();
        try {
            ResolvedType found = returnType(call);
            if (found == null || !found.isReferenceType()) {
                return null;
            }
            resolved.put(name, found);
            return found.asReferenceType().getQualifiedName();
        } catch (RuntimeException | StackOverflowError unsolved) {
            // an unknown type, a missing class, or the solver's own limits: the name stays untyped
            return null;
        } finally {
            checkout.spend(CheckoutTypes.cpuNow() - start);
        }
    }

    /**
     * The qualified name the file around {@code where} gives the type name {@code simple} (its imports, its package,
     * the checkout's types), or null when it cannot be told.
     */
    String qualify(String simple, com.github.javaparser.ast.Node where) {
        if (simple == null || simple.isBlank()) {
            return null; // JavaParser asserts a type's name is not empty: nothing to qualify
        }
        long start = CheckoutTypes.cpuNow();
        try {
            ResolvedType t = facade().convert(new ClassOrInterfaceType(null, simple), where);
            return t.isReferenceType() ? t.asReferenceType().getQualifiedName() : null;
        } catch (RuntimeException | StackOverflowError | AssertionError unsolved) {
            return null; // not a type the solver can find: the file's imports decide
        } finally {
            checkout.spend(CheckoutTypes.cpuNow() - start);
        }
    }

    /**
     * True when {@code type}, as the file around it names it, is {@code AutoCloseable} or extends it (a JDK type by
     * reflection, a type of the file or of the checkout by its declaration); false when it is not, or cannot be told.
     */
    boolean closeable(Type type) {
        if (!type.isClassOrInterfaceType()) {
            return false;
        }
        long start = CheckoutTypes.cpuNow();
        try {
            ResolvedType t = facade().convertToUsage(type);
            if (!t.isReferenceType()) {
                return false;
            }
            if (t.asReferenceType().getQualifiedName().equals(AUTO_CLOSEABLE)) {
                return true;
            }
            return t.asReferenceType().getAllAncestors().stream()
                    .anyMatch(a -> a.getQualifiedName().equals(AUTO_CLOSEABLE));
        } catch (RuntimeException | StackOverflowError unsolved) {
            return false; // a type the solver cannot find is not known to be a resource
        } finally {
            checkout.spend(CheckoutTypes.cpuNow() - start);
        }
    }

    private static final String AUTO_CLOSEABLE = "java.lang.AutoCloseable";

    private ResolvedType returnType(MethodCallExpr call) {
        Expression scope = call.getScope().orElse(null);
        if (scope == null) {
            // a method of the enclosing class or one it inherits, perhaps declared in another file of the checkout
            SymbolReference<ResolvedMethodDeclaration> m = facade().solve(call);
            return m.isSolved() ? m.getCorrespondingDeclaration().getReturnType() : null;
        }
        if (!(scope instanceof NameExpr receiver)) {
            return null;
        }
        String n = receiver.getNameAsString();
        ResolvedType owner = typeOf(n);
        if (owner == null && !declared.containsKey(n) && Character.isUpperCase(n.charAt(0))) {
            // not a variable in sight but a class: a static factory, resolved through the file's imports and package
            owner = facade().convert(new ClassOrInterfaceType(null, n), call);
        }
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
        return found;
    }

    private JavaParserFacade facade() {
        return JavaParserFacade.get(checkout.solver());
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
        ResolvedType r = facade().convertToUsage(type);
        resolved.put(name, r);
        return r;
    }
}
