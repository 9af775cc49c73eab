package kb.review.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.util.Optional;
import kb.review.analysis.Lifecycle;

/**
 * A class that is itself a unit of work: it begins a transaction on a connection it keeps in a field (in its
 * constructor or a {@code begin()}), and it is {@code AutoCloseable} with a {@code close()} that ends that transaction
 * (rolls back what was not committed). The transaction outlives the method that begins it on purpose: ending it is the
 * wrapper's {@code close()}, which its callers run in try-with-resources, so a path out of the constructor that does
 * not roll back is no leak. Whether a caller closes the wrapper is judged where the wrapper is made.
 */
final class TransactionWrappers {

    private TransactionWrappers() {
    }

    /** True when {@code a}, a transaction, is begun on a field of an AutoCloseable class whose close() ends it. */
    static boolean endedByOwnClose(Lifecycle.Acquisition a) {
        if (!a.model().kind().equals("transaction") || a.var() == null
                || !(a.at().ast instanceof Node node)) {
            return false;
        }
        String var = a.var().startsWith("this.") ? a.var().substring(5) : a.var();
        if (!var.matches("[\\w$]+")) {
            return false;
        }
        Optional<ClassOrInterfaceDeclaration> owner = node.findAncestor(ClassOrInterfaceDeclaration.class);
        if (owner.isEmpty() || owner.get().getFieldByName(var).isEmpty() || owner.get().getImplementedTypes().stream()
                .noneMatch(t -> t.getNameAsString().matches("(?:java\\.(?:lang|io)\\.)?(?:AutoCloseable|Closeable)"))) {
            return false;
        }
        // a local of the same name in the method would be another value
        Optional<com.github.javaparser.ast.body.CallableDeclaration> method =
                node.findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class);
        if (method.isPresent() && method.get().findAll(com.github.javaparser.ast.body.VariableDeclarator.class).stream()
                .anyMatch(v -> ((com.github.javaparser.ast.body.VariableDeclarator) v).getNameAsString().equals(var))) {
            return false;
        }
        for (MethodDeclaration close : owner.get().getMethodsByName("close")) {
            if (close.getParameters().isEmpty() && close.getBody().isPresent()
                    && (a.model().releasedIn(close.getBody().get().toString(), var)
                    || a.model().releasedIn(close.getBody().get().toString(), "this." + var))) {
                return true;
            }
        }
        return false;
    }
}
