package kb.review.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.Set;

/**
 * Java wrappers ({@code new PrintWriter(socket.getOutputStream())}) around a stream that belongs to a resource which
 * an enclosing try-with-resources closes. Closing the socket, connection or process releases the stream and with it
 * everything the wrapper holds, so the wrapper is not a resource of its own; left unclosed it only drops a buffer.
 */
final class StreamOwners {
    private static final Set<String> STREAM_GETTERS = Set.of("getInputStream", "getOutputStream", "getErrorStream");

    private static final Set<String> COLLECT = Set.of("add", "offer", "push", "put", "addFirst", "addLast");

    private StreamOwners() {
    }

    /**
     * True when a resource opened as argument {@code index} of a call to {@code callee} is handed over, as for a
     * variable: only a model's borrower or a visible helper that neither ends nor keeps it leaves the value with the
     * expression; any other callee takes it over. A collection the method fills is still the method's to close (the
     * elements opened before a failing one leak).
     */
    static boolean handedOver(String callee, int index, Summaries summaries, java.util.List<Model> models) {
        if (summaries.knows(callee)) {
            return summaries.releasesArgument(callee, index, "java") || summaries.keepsArgument(callee, index);
        }
        return !COLLECT.contains(callee) && models.stream().noneMatch(m -> m.borrows().contains(callee));
    }

    /** True when an argument of {@code wrapper}, at any depth of wrapping, is a stream getter on such a resource. */
    static boolean ownedByTryResource(ObjectCreationExpr wrapper) {
        return wrapper.findAll(MethodCallExpr.class).stream().anyMatch(StreamOwners::ownedByTryResource);
    }

    /** True when {@code call} is {@code x.getInputStream()} (or output, error) on such a resource {@code x}. */
    static boolean ownedByTryResource(MethodCallExpr call) {
        return STREAM_GETTERS.contains(call.getNameAsString())
                && call.getScope().filter(s -> s instanceof NameExpr).isPresent()
                && closedByEnclosingTry(call, call.getScope().get().asNameExpr().getNameAsString());
    }

    private static boolean closedByEnclosingTry(Node at, String name) {
        for (Node n = at.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof TryStmt t) {
                for (Expression r : t.getResources()) {
                    if (r instanceof VariableDeclarationExpr v
                            && v.getVariables().stream().anyMatch(d -> d.getNameAsString().equals(name))
                            || r instanceof NameExpr ne && ne.getNameAsString().equals(name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
