package kb.review.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Spring Data repository query methods that return a {@code java.util.stream.Stream}: the stream holds an open
 * database cursor (and its connection) until it is closed, so a call consumed in one expression
 * ({@code repo.streamAllBy(x).map(...).collect(...)}) leaks it. Which methods those are is read from the interfaces
 * declared in the reviewed file that extend a {@code *Repository} type; they take the duty of the model entry
 * {@link #MODEL} (a cursor-backed stream), so a rule that does not ask for that entry reports nothing here.
 */
public final class RepositoryStreams {

    /** The model id whose duty (and release calls) a repository stream takes. */
    static final String MODEL = "jdbc-stream";

    private final Set<String> names;

    private RepositoryStreams(Set<String> names) {
        this.names = names;
    }

    /** True when {@code m} may be acquired by a repository stream query in a file of this (lower-cased) text. */
    public static boolean mayAppear(Model m, String lowerText) {
        return m.id().equals(MODEL) && lowerText.contains("repository") && lowerText.contains("stream");
    }

    /** The Stream-returning methods of repository interfaces declared under {@code root}. */
    static RepositoryStreams of(Node root) {
        Set<String> names = new HashSet<>();
        for (ClassOrInterfaceDeclaration c : root.findAll(ClassOrInterfaceDeclaration.class)) {
            if (!c.isInterface() || c.getExtendedTypes().stream()
                    .noneMatch(t -> t.getNameAsString().endsWith("Repository"))) {
                continue;
            }
            for (MethodDeclaration m : c.getMethods()) {
                String type = m.getType().asString();
                if (type.equals("Stream") || type.startsWith("Stream<") || type.startsWith("java.util.stream.Stream")) {
                    names.add(m.getNameAsString());
                }
            }
        }
        return new RepositoryStreams(names);
    }

    /** The model a call to such a method acquires, or null when {@code e} is no such call or no model applies. */
    Model acquired(Expression e, List<Model> models) {
        if (names.isEmpty() || !(e instanceof MethodCallExpr call) || call.getScope().isEmpty()
                || !names.contains(call.getNameAsString())) {
            return null;
        }
        for (Model m : models) {
            if (m.id().equals(MODEL)) {
                return m;
            }
        }
        return null;
    }
}
