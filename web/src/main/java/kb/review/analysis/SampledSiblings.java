package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * (session 44, log44) A log line beside the author's own sample of the same work: a statement of the line's block is
 * an {@code if} that tests a counter modulo a step ({@code if (count % PROGRESS_EVERY == 0)}, {@code if n%1000 == 0})
 * and logs in its body. Such a progress line exists because the block runs once per element (a scanner's per-file
 * step, a pass over records), whether or not the loop or the recursion that drives it is in sight; an unsampled line
 * beside it is written for every element, the flood the sample was there to avoid (the fixes of the class move the
 * per-item line to debug and keep the periodic progress line: RedHatInsights/vmaas#499, wiredtiger/wiredtiger#12875).
 *
 * <p>Not this: the line inside the sampled branch (that is the sample), a line in a nested block of its own (a
 * failure or rare branch), a modulo test that does not log (a batch flush).
 */
final class SampledSiblings {

    /** A counter tested against a step: {@code x % N == 0}, {@code 0 == x % N}. */
    private static final Pattern MODULO_STEP = Pattern.compile(
            "%\\s*[\\w.()]+\\s*==\\s*0\\b|\\b0\\s*==\\s*[\\w.()]+\\s*%");

    /** A log call at a level production writes, on a receiver named as a logger. */
    private static final Pattern LOGS = Pattern.compile(
            "(?i)\\b\\w*log\\w*(?:\\(\\))?\\.(?:info|warn|warning|notice|print)\\w*\\s*\\(");

    private SampledSiblings() {
    }

    /** True when {@code log} is a statement of a block that also holds a sampled log line. */
    static boolean besideSample(SyntaxNode log, byte[] src) {
        SyntaxNode statement = log.getParent();
        if (statement == null || statement.isNull() || !statement.getType().equals("expression_statement")) {
            return false;
        }
        SyntaxNode block = statement.getParent();
        // (a hunk cut inside a method body parses as statements of the program)
        if (block == null || block.isNull() || !block.getType().equals("block")
                && !block.getType().equals("statement_list") && !block.getType().equals("program")
                && !block.getType().equals("source_file")) {
            return false;
        }
        for (int i = 0; i < block.getNamedChildCount(); i++) {
            SyntaxNode s = block.getNamedChild(i);
            if (!s.getType().equals("if_statement") || s.getStartByte() == statement.getStartByte()) {
                continue;
            }
            SyntaxNode cond = s.getChildByFieldName("condition");
            SyntaxNode body = s.getChildByFieldName("consequence");
            if (cond != null && !cond.isNull() && body != null && !body.isNull()
                    && MODULO_STEP.matcher(text(src, cond)).find() && LOGS.matcher(text(src, body)).find()) {
                return true;
            }
        }
        return false;
    }
}
