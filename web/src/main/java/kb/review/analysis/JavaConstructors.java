package kb.review.analysis;

import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import java.util.regex.Pattern;

/**
 * The constructor rules of the Java lifecycle pass: a resource a constructor stores in a field of the object it builds
 * is the object's once the constructor returns, so only an exception out of the constructor leaks it, unless a catch
 * closes it or calls the object's own {@code close()}. A stream or statement taken from an object the constructor was
 * given or keeps (a process's stream, a statement of a field's connection) is that object's, not the new one's.
 */
final class JavaConstructors {

    /** The object's own close, called by a constructor that fails after storing a resource. */
    private static final Pattern OWN_CLOSE = Pattern.compile(
            "^(this\\.)?(close|closeQuietly|dispose|release|shutdown)\\(\\)\\s*;");

    private JavaConstructors() {
    }

    /** True when the statement text is the object's own close ({@code close();}, {@code this.shutdown();}). */
    static boolean closesItself(String text) {
        return OWN_CLOSE.matcher(text).find();
    }

    /**
     * True when {@code owner}, the local the stored value was taken from, is not declared in the constructor: a
     * parameter or a field, whose holder ends what was taken from it.
     */
    static boolean takenFromOutside(ConstructorDeclaration c, String owner) {
        return owner != null && c.findAll(VariableDeclarator.class).stream()
                .noneMatch(v -> v.getNameAsString().equals(owner));
    }

    /** The constructor whose own body holds {@code s} (not a lambda or a nested class in it), or null. */
    static ConstructorDeclaration constructorOf(com.github.javaparser.ast.Node s) {
        for (var p = s.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof ConstructorDeclaration c) {
                return c;
            }
            if (p instanceof LambdaExpr || p instanceof com.github.javaparser.ast.body.BodyDeclaration<?>) {
                return null;
            }
        }
        return null;
    }

    /** The field an assignment stores into ({@code this.f = ...}, or {@code f = ...} naming a field), or null. */
    static String field(AssignExpr as) {
        Expression t = as.getTarget();
        if (t instanceof FieldAccessExpr fa && fa.getScope().isThisExpr()) {
            return fa.getNameAsString();
        }
        return t.isNameExpr() && Locals.isField(as, t.toString()) ? t.toString() : null;
    }
}
