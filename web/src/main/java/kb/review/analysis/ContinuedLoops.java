package kb.review.analysis;

import java.util.Set;
import kb.review.diff.SyntaxNode;

/**
 * A log line on the main path of a loop body whose header the hunk does not show, known by the skip before it: an
 * earlier statement of the same block (or, since session 40, one of the two right after it) ends its branch with
 * {@code continue} ({@code if (expired(t)) { dropped++;
 * continue; }}, {@code if err != nil { continue }}). {@code continue} exists only in a loop, so the block is a loop
 * body, and a line after the skip runs once for every element that is not skipped: LOG-01's "once per element of a
 * loop". Git's three lines of context often start inside such a body, below the loop's header, where the log-in-loop
 * pass finds no loop to walk up to. {@link CountedSkips} reads the line inside the skipping branch; this reads the line
 * after it.
 *
 * <p>Not this: a loop in sight (the pass judges it from its header, which tells what it walks), a labelled
 * {@code continue} (it may go to an outer loop), a line in a catch or a callback, a line behind a sample or debug test.
 */
final class ContinuedLoops {

    private static final Set<String> LOOPS = Set.of("for_statement", "enhanced_for_statement", "while_statement",
            "do_statement");
    private static final Set<String> BOUNDARIES = Set.of("lambda_expression", "method_declaration",
            "constructor_declaration", "class_body", "static_initializer", "func_literal", "function_declaration",
            "catch_clause");

    private ContinuedLoops() {
    }

    /** True when the log call {@code log} follows such a skip in a block whose loop is not in sight. */
    static boolean inHiddenLoop(SyntaxNode log, byte[] src, boolean go) {
        SyntaxNode statement = log.getParent();
        if (statement == null || statement.isNull() || !statement.getType().equals("expression_statement")) {
            return false;
        }
        SyntaxNode block = statement.getParent();
        if (block == null || block.isNull() || !skipsBeside(block, statement)) {
            return false;
        }
        SyntaxNode child = block;
        for (SyntaxNode p = block.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (LOOPS.contains(t) || LoopGuards.sampled(p, child, src, go) || RareBranches.underDebugGuard(p, child, src)) {
                return false;
            }
            if (BOUNDARIES.contains(t)) {
                return !t.equals("catch_clause") && !t.equals("lambda_expression") && !t.equals("func_literal");
            }
            child = p;
        }
        return true;
    }

    /**
     * An earlier statement of {@code block} (a bare block, or an if without else) whose last statement is continue,
     * written at the line's own indentation. Pasted hunks are parsed as one text: a brace a gap hid leaves a loop body
     * of an earlier hunk open, and a line of a later hunk, written at a shallower indentation after that loop has
     * closed in the file, lands in the same block of the tree (set 20's LC: nutch's LinkRank and FileDumper, a skip in
     * a reducer's loop and a line of the job's driver method eighty lines below). The if statements of one block of
     * real code start at the column of its other statements; a skip whose if is above the hunk (only its
     * {@code continue; }} shown) is read as before.
     */
    private static boolean skipsBeside(SyntaxNode block, SyntaxNode statement) {
        int at = indexOf(block, statement);
        for (int i = 0; i < block.getNamedChildCount(); i++) {
            SyntaxNode s = block.getNamedChild(i);
            if (s.getStartByte() == statement.getStartByte()) {
                continue;
            }
            // (session 40, log40) a skip after the line counts when it is the statement right after it, or the one
            // after that: the line runs on every element, the skipped ones too (gosip's transport layer: a received
            // message logged, then `if err := validate(msg); err != nil { ...; continue }`). Further down the block,
            // a continue is as likely to belong to a later hunk's loop that the pasted text merged into this block
            if (s.getStartByte() > statement.getStartByte() && !(at >= 0 && i - at <= 2)) {
                return false;
            }
            if (s.getType().equals("if_statement")
                    && s.getStartPoint().getColumn() != statement.getStartPoint().getColumn()) {
                continue; // (a block the hunk gaps opened for a skip whose if is above the hunk has no column)
            }
            SyntaxNode body = s.getType().equals("if_statement") && nullOrMissing(s.getChildByFieldName("alternative"))
                    ? s.getChildByFieldName("consequence") : s;
            if (body != null && !body.isNull() && endsWithContinue(body)) {
                return true;
            }
        }
        return false;
    }

    /** The index among {@code block}'s named children of the one that starts where {@code statement} does, or -1. */
    private static int indexOf(SyntaxNode block, SyntaxNode statement) {
        int at = -1;
        for (int j = 0; j < block.getNamedChildCount(); j++) {
            if (block.getNamedChild(j).getStartByte() == statement.getStartByte()) {
                at = j;
            }
        }
        return at;
    }

    private static boolean endsWithContinue(SyntaxNode body) {
        SyntaxNode b = body;
        if (b.getType().equals("block") && b.getNamedChildCount() == 1
                && b.getNamedChild(0).getType().equals("statement_list")) {
            b = b.getNamedChild(0); // Go's block holds a statement_list
        }
        if (!b.getType().equals("block") && !b.getType().equals("statement_list") || b.getNamedChildCount() == 0) {
            return false;
        }
        SyntaxNode last = b.getNamedChild(b.getNamedChildCount() - 1);
        return last.getType().equals("continue_statement") && last.getNamedChildCount() == 0;
    }

    private static boolean nullOrMissing(SyntaxNode n) {
        return n == null || n.isNull();
    }
}
