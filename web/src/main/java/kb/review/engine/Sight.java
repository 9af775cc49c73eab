package kb.review.engine;

import java.util.Set;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.diff.SyntaxNode;
import kb.review.diff.TreeSitter;

/**
 * How much of the code around an analysis finding the diff shows, which decides the finding's confidence: the whole
 * enclosing function, a method's header down to a client it builds, or a loop's header down to a log call in its body.
 */
final class Sight {

    private Sight() {
    }

    /**
     * A client built in a local of a method whose header and every line down to the construction are in sight, and
     * whose declared result is nothing a factory would return (a client, channel, pool, builder, connection, session,
     * template or service): the method is a request path that builds its own client, whatever the lines the hunk
     * leaves out do with it afterwards (round 21 java-11, an OkHttp client built per upload in a cut method).
     */
    static boolean perCallInSight(SourceFile file, SyntaxNode root, int line) {
        if (file.language() != Language.JAVA) {
            return false;
        }
        SyntaxNode n = root.namedDescendantAtRow(line - 1);
        SyntaxNode f = TreeSitter.enclosing(n, Set.of("method_declaration", "constructor_declaration",
                "lambda_expression"));
        if (f == null || !f.getType().equals("method_declaration")) {
            return false;
        }
        SyntaxNode type = f.getChildByFieldName("type");
        String result = type == null || type.isNull() ? "" : SyntaxNode.text(file.utf8(), type);
        return !result.matches("(?s).*(Client|Channel|Pool|Builder|Connection|Session|Template|Service|DataSource"
                + "|Executor|Factory|Supplier|Provider|Optional|Mono|Future|Stage).*")
                && file.allKnown(f.getStartPoint().getRow() + 1, line);
    }

    /**
     * True when the log call at {@code line} is a statement of its loop's own body (no branch between them) and the
     * diff shows every line from the loop's header to the call: the line runs on every turn whatever the part of the
     * function the hunk leaves out (round 20's java-39, a line per interpreted instruction, was low for that part).
     */
    static boolean loopShownToCall(SourceFile file, SyntaxNode root, int line, int column) {
        SyntaxNode n = root.namedDescendantAtRow(line - 1);
        if (n == null) {
            return false;
        }
        // the statement at the spot: the expression statement that starts on the line (the node found may be the
        // block that holds the line's indentation, or a node inside the statement)
        SyntaxNode stmt = statementAt(n, line - 1);
        if (stmt == null) {
            SyntaxNode up = n;
            while (up != null && !up.isNull() && !up.getType().equals("expression_statement")) {
                up = up.getParent();
            }
            stmt = up == null || up.isNull() || up.getStartPoint().getRow() != line - 1 ? null : up;
        }
        if (stmt == null) {
            return false;
        }
        for (SyntaxNode p = stmt.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            switch (p.getType()) {
                case "block", "statement_list" -> {
                }
                case "for_statement", "enhanced_for_statement", "while_statement", "do_statement" -> {
                    return file.allKnown(p.getStartPoint().getRow() + 1, line);
                }
                default -> {
                    return false;
                }
            }
        }
        return false;
    }

    /** The expression statement under {@code n} that starts on {@code row}, or null. */
    private static SyntaxNode statementAt(SyntaxNode n, int row) {
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            SyntaxNode c = n.getNamedChild(i);
            if (c.getStartPoint().getRow() > row) {
                break;
            }
            if (c.getEndPoint().getRow() < row) {
                continue;
            }
            if (c.getType().equals("expression_statement") && c.getStartPoint().getRow() == row) {
                return c;
            }
            SyntaxNode inner = statementAt(c, row);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    /** True when the whole function around {@code line} is visible in the diff. */
    static boolean functionVisible(SourceFile file, SyntaxNode root, int line) {
        SyntaxNode n = root.namedDescendantAtRow(line - 1);
        SyntaxNode f = TreeSitter.enclosing(n, Set.of("function_declaration", "method_declaration",
                "constructor_declaration"));
        return f != null && file.allKnown(f.getStartPoint().getRow() + 1, f.getEndPoint().getRow() + 1);
    }
}
