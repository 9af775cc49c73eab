package kb.review.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.NameExpr;

/**
 * A JavaParser node as {@code toString} prints it, without building a printer for a plain name. Each
 * {@code toString} sets up a pretty printer and its options, which costs far more than printing one identifier, and
 * the analyses print the receiver of nearly every call they look at. The review parses without comments, so a name
 * prints as itself.
 */
final class Printed {

    private Printed() {
    }

    static String of(Node n) {
        return n instanceof NameExpr name && name.getComment().isEmpty() ? name.getNameAsString() : n.toString();
    }
}
