package kb.review.analysis;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import java.util.List;
import java.util.regex.Pattern;
import kb.review.analysis.Lifecycle.Acquisition;

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

    /** The methods by which an object ends what it owns. */
    private static final java.util.Set<String> OWN_RELEASES = java.util.Set.of("close", "shutdown", "dispose",
            "release", "destroy", "stop");

    /**
     * The leak of a resource a constructor stored in a field when the class has a method that ends what the object
     * owns ({@code close()}, {@code shutdown()}) and no method of the class releases that field, hands it on or returns
     * it: closing the object leaves it open. Not when a method releases the object the value was taken from and that
     * object is the class's own (a field connection whose close ends its statements). Null otherwise.
     */
    static Lifecycle.Leak neverReleased(Acquisition a) {
        if (!a.model().kind().equals("resource") || !(a.at().ast instanceof ExpressionStmt es)
                || !(es.getExpression() instanceof AssignExpr as)) {
            return null;
        }
        ConstructorDeclaration c = constructorOf(es);
        if (c == null || !(c.getParentNode().orElse(null) instanceof TypeDeclaration<?> type)) {
            return null;
        }
        MethodDeclaration close = type.getMethods().stream()
                .filter(m -> OWN_RELEASES.contains(m.getNameAsString()) && m.getParameters().isEmpty()
                        && m.getBody().isPresent())
                .findFirst().orElse(null);
        if (close == null) {
            return null;
        }
        String f = Pattern.quote(a.var());
        Pattern release = a.model().releasePattern(a.var());
        Pattern handed = Pattern.compile("[(,]\\s*(this\\.)?" + f + "\\s*[,)]|\\breturn\\s+(this\\.)?" + f
                + "\\s*;|=\\s*(this\\.)?" + f + "\\s*;");
        String owner = OwnerReleases.owner(JavaExpressions.unwrap(as.getValue()));
        Pattern ownerRelease = owner == null || takenFromOutside(c, owner) && !isField(type, owner) ? null
                : OwnerReleases.ownerRelease(a.model(), owner);
        for (var member : type.getMembers()) {
            if (member == c || !(member instanceof CallableDeclaration<?>)) {
                continue;
            }
            String text = member.toString();
            if (release.matcher(text).find() || handed.matcher(text).find()
                    || ownerRelease != null && ownerRelease.matcher(text).find()) {
                return null;
            }
        }
        int line = close.getBegin().map(p -> p.line).orElse(a.at().line);
        String summary = "`" + close.getNameAsString() + "()` (line " + line + ") never closes `" + a.var()
                + "`, and no other method of the class does";
        return new Lifecycle.Leak(a, List.of(new Lifecycle.Step(a.at().line, "stored in field `" + a.var()
                + "`: the object owns it"), new Lifecycle.Step(line, summary)), summary);
    }

    private static boolean isField(TypeDeclaration<?> type, String name) {
        return type.getFields().stream().anyMatch(fd -> fd.getVariables().stream()
                .anyMatch(v -> v.getNameAsString().equals(name)));
    }
}
