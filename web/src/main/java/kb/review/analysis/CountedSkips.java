package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.Set;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * A log line in a branch that counts the item it skips and goes on to the next one ({@code unmatched++;
 * log.info("unmatched: " + tx); continue;}, Go's {@code if err != nil { unreadable++; klog.Warningf(...); continue }}),
 * in an edit whose hunk starts inside the loop: the loop's header is above
 * the hunk, so the log-in-loop pass finds no loop to walk up to. The {@code continue} is the loop's own proof, and the
 * tally beside the line says the author expects many such items: LOG-01's Bad example ("a flood when the upstream
 * breaks"), one line per skipped element, where the item asks for the count and one summary line. The same branch
 * with the loop in sight is the log-in-loop pass's to judge (its header tells whether it walks input).
 *
 * <p>Not this: a line behind a further test inside the branch (a sample, a debug-level test), a branch of a catch
 * (a failure path), a branch that counts nothing, any code where a loop is in sight, and in Go a line at debug, trace
 * or verbose level (Go's structured and printf loggers format such a line only when the level is on). Go's error
 * branch counts here as Java's {@code if} does: the tally says failures are many.
 */
final class CountedSkips {

    private static final Set<String> LOOPS = Set.of("for_statement", "enhanced_for_statement", "while_statement",
            "do_statement");
    private static final Set<String> BOUNDARIES = Set.of("lambda_expression", "method_declaration",
            "constructor_declaration", "class_body", "static_initializer", "func_literal", "function_declaration");
    private static final Pattern GO_DETAIL = Pattern.compile("(?i)(?:debug|trace|verbose|\\bV\\()");
    private static final Pattern INCREMENT = Pattern.compile("^(?:[\\w.]+\\s*(?:\\+\\+|\\+=\\s*1)|\\+\\+\\s*[\\w.]+)\\s*;?$");

    private CountedSkips() {
    }

    /** True when the log call {@code log} is in such a counted skip of a loop the hunk does not show. */
    static boolean inHiddenLoop(SyntaxNode log, byte[] src, boolean go) {
        SyntaxNode statement = log.getParent();
        if (statement == null || statement.isNull() || !statement.getType().equals("expression_statement")) {
            return false;
        }
        if (go) {
            SyntaxNode fn = log.getChildByFieldName("function");
            if (fn == null || fn.isNull() || GO_DETAIL.matcher(text(src, fn)).find()) {
                return false;
            }
        }
        SyntaxNode block = statement.getParent();
        if (go && block != null && !block.isNull() && block.getType().equals("statement_list")) {
            block = block.getParent(); // Go's block holds a statement_list
        }
        if (block == null || block.isNull() || !block.getType().equals("block") || !countsAndContinues(block, src)) {
            return false;
        }
        SyntaxNode child = block;
        for (SyntaxNode p = block.getParent(); p != null && !p.isNull() && !BOUNDARIES.contains(p.getType());
             p = p.getParent()) {
            if (LOOPS.contains(p.getType()) || p.getType().equals("catch_clause")
                    || LoopGuards.sampled(p, child, src, go) || RareBranches.underDebugGuard(p, child, src)) {
                return false;
            }
            child = p;
        }
        return true;
    }

    /** The block's last statement is {@code continue;} and one statement of its own adds one to a tally. */
    private static boolean countsAndContinues(SyntaxNode block, byte[] src) {
        if (block.getNamedChildCount() == 1 && block.getNamedChild(0).getType().equals("statement_list")) {
            block = block.getNamedChild(0);
        }
        int n = block.getNamedChildCount();
        SyntaxNode last = n == 0 ? null : block.getNamedChild(n - 1);
        if (last == null || !last.getType().equals("continue_statement") || last.getNamedChildCount() > 0) {
            return false; // (a labelled continue may go to an outer loop)
        }
        for (int i = 0; i < n - 1; i++) {
            SyntaxNode s = block.getNamedChild(i);
            String t = s.getType();
            if ((t.equals("expression_statement") || t.equals("inc_statement") || t.equals("assignment_statement"))
                    && INCREMENT.matcher(text(src, s).strip()).find()) {
                return true;
            }
        }
        return false;
    }
}
