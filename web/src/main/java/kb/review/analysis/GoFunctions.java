package kb.review.analysis;

import java.util.function.Consumer;
import kb.review.diff.SyntaxNode;

/**
 * The Go functions of a tree-sitter tree, as the error passes read them one at a time ({@link GoUnreadErrors},
 * {@link GoSwallowedErrors}, {@link GoErrorsAsAnswers}): declared functions, methods and function literals, each
 * before the functions nested in it.
 */
final class GoFunctions {

    private GoFunctions() {
    }

    /** Calls {@code visit} with every function under {@code n} ({@code n} itself included), outermost first. */
    static void each(SyntaxNode n, Consumer<SyntaxNode> visit) {
        String t = n.getType();
        if (t.equals("function_declaration") || t.equals("method_declaration") || t.equals("func_literal")) {
            visit.accept(n);
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            each(n.getNamedChild(i), visit);
        }
    }
}
