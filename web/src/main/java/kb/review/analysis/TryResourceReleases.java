package kb.review.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import kb.review.analysis.Lifecycle.Acquisition;

/**
 * Java: a try-with-resources resource whose automatic {@code close()} is one of the acquisition's release templates
 * ({@code try (ResponseBody body = response.body())} closes {@code response.body()}, which the OkHttp model lists as
 * {@code {v}.body().close()}). Read from the model's own release list, so each library's derived closes (a body, an
 * entity, a stream of the resource) count wherever the model names them, with no name here (session 30).
 */
final class TryResourceReleases {

    private TryResourceReleases() {
    }

    /** True when the resource declared at {@code ast} (a try's resource) is closed by a release of {@code a}. */
    static boolean closes(Node ast, Acquisition a) {
        if (!(ast instanceof VariableDeclarationExpr decl) || a.var() == null || a.var().isEmpty()) {
            return false;
        }
        for (VariableDeclarator v : decl.getVariables()) {
            String init = v.getInitializer().map(Object::toString).orElse("");
            if (init.isEmpty() || init.equals(a.var())) {
                continue;
            }
            java.util.regex.Matcher m = a.model().releasePattern(a.var()).matcher(init + ".close()");
            if (m.find() && m.start() == 0) {
                return true;
            }
        }
        return false;
    }
}
