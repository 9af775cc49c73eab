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

    /** Stands for a call of a repository's Stream query in the acquire entries of {@link #MODEL}. */
    static final Model.Acquire ACQUIRE = new Model.Acquire(null, null, null, null, null, 0, false, true);
    /** The last file's methods, per thread: the lifecycle pass asks once per call of one file, files one by one. */
    private static final ThreadLocal<RepositoryStreams> LAST = new ThreadLocal<>();

    private final Node root;
    private final Set<String> names;

    private RepositoryStreams(Node root, Set<String> names) {
        this.root = root;
        this.names = names;
    }

    /** The Stream-returning repository methods declared in the file (compilation unit) of {@code at}. */
    static RepositoryStreams in(Node at) {
        Node root = at.findRootNode();
        RepositoryStreams last = LAST.get();
        if (last == null || last.root != root) {
            last = of(root);
            // kb:ignore CONC-04 -- a cache, not request state: one file's method names per thread, replaced by the next file
            LAST.set(last);
        }
        return last;
    }

    /** {@code m}'s acquire entries, or {@link #ACQUIRE} alone when {@code e} calls a repository stream of {@code m}. */
    List<Model.Acquire> acquires(Model m, Expression e, List<Model> models) {
        return m == acquired(e, models) ? List.of(ACQUIRE) : m.acquires();
    }

    /** True when {@code m} may be acquired by a repository stream query in a file of this (lower-cased) text. */
    public static boolean mayAppear(Model m, String lowerText) {
        return m.id().equals(MODEL) && lowerText.contains("repository") && lowerText.contains("stream");
    }

    /** The Stream-returning methods of repository interfaces declared under {@code root}. */
    private static RepositoryStreams of(Node root) {
        Set<String> names = new HashSet<>();
        for (ClassOrInterfaceDeclaration c : JavaNodes.findAll(root, ClassOrInterfaceDeclaration.class)) {
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
        return new RepositoryStreams(root, names);
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
