package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import kb.review.diff.SyntaxNode;

/**
 * Java's counted failure branches in a loop: a {@code catch} or the branch of an {@code if} whose own statements add
 * to a tally ({@code failed++}, {@code rejected += 1}) beside the line they log. Code that keeps a count of its failed
 * or rejected elements expects many of them, and the count is the summary LOG-01 asks for, so the line per element
 * beside it is the flood the checklist's Bad example shows ({@code if (!valid(r)) log.warn(...)}, "a flood when the
 * upstream breaks"). {@link SkippedItems} reads the same sign in Go. Such a branch is neither a rare failure path
 * nor a condition that needs the loop to be shown walking a parameter: the tally says it runs per element.
 */
final class CountedFailures {

    private CountedFailures() {
    }

    /**
     * True when {@code p}, a Java {@code catch} clause or {@code if} statement that holds {@code child}, counts in the
     * block of {@code child} (the catch's body, or the if's branch) with a statement of its own, not of a nested block.
     */
    static boolean counts(SyntaxNode p, SyntaxNode child, byte[] src) {
        SyntaxNode block;
        if (p.getType().equals("catch_clause")) {
            block = p.getChildByFieldName("body");
        } else if (p.getType().equals("if_statement")) {
            block = child;
        } else {
            return false;
        }
        if (block == null || block.isNull() || !block.getType().equals("block")
                || block.getStartByte() != child.getStartByte() || block.getEndByte() != child.getEndByte()) {
            return false;
        }
        for (int i = 0; i < block.getNamedChildCount(); i++) {
            SyntaxNode s = block.getNamedChild(i);
            if (s.getType().equals("expression_statement") && s.getNamedChildCount() == 1) {
                SyntaxNode e = s.getNamedChild(0);
                if (e.getType().equals("update_expression") && text(src, e).contains("++")
                        || e.getType().equals("assignment_expression")
                        && text(src, e).matches("(?s)[\\w.]+\\s*\\+=\\s*1")) {
                    return true;
                }
            }
        }
        return false;
    }
}
