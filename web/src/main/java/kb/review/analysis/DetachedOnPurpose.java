package kb.review.analysis;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * A fresh context made on purpose, with the comment that says why (set 21's AE and set 17's: watchtower's clean-up
 * and orchestrator contexts that must outlive a cancelled parent, its shutdown deadline made from Background because
 * the parent is already cancelled, AdGuard Home's TLS reload that bounds itself). TMO-02 asks that the caller's
 * deadline reach the work unless there is a reason not to; a comment right above the call, or above the statements
 * that make it, naming the context and the reason (it must survive, be detached, outlive or be independent of the
 * parent, the parent is or may be cancelled already, "even if" it is) is that reason, written where the reader sees
 * it. A comment that names no reason, or none at all, keeps the finding.
 */
public final class DetachedOnPurpose {

    private DetachedOnPurpose() {
    }

    /** How many lines above the call a comment may start. */
    private static final int REACH = 10;
    private static final Pattern CONTEXT = Pattern.compile("(?i)\\b(?:context|ctx)\\w*");
    private static final Pattern REASON = Pattern.compile("(?i)\\bdetach\\w*|\\bsurviv\\w*|\\boutliv\\w*"
            + "|\\bindependent(?:ly)?\\s+of\\b|\\bregardless\\s+of\\b|\\beven\\s+(?:if|when|though|after)\\b"
            + "|\\b(?:already|is|are|be|been|being|gets?|got)\\s+(?:already\\s+)?cancel+ed\\b"
            + "|\\bnolint:\\s*contextcheck\\b|\\bon\\s+purpose\\b"
            + "|\\bintentional(?:ly)?\\b|\\bdeliberate(?:ly)?\\b|\\bbecause\\b");
    private static final Pattern COMMENT = Pattern.compile("^\\s*//(.*)$");
    private static final Pattern TRAILING = Pattern.compile("//(.*)$");

    /**
     * True when a comment in the function just above {@code call} (a {@code context.Background()} or {@code TODO()}),
     * or on its line, names the context and says why it is fresh.
     */
    static boolean commented(SyntaxNode call, byte[] src) {
        return commented(new String(src, StandardCharsets.UTF_8).split("\n", -1), call.getStartPoint().getRow());
    }

    /** The same reading on a file's lines, for the fresh context made on line {@code row} (from 0). */
    public static boolean commented(String[] lines, int row) {
        StringBuilder said = new StringBuilder();
        var own = TRAILING.matcher(row < lines.length ? lines[row] : "");
        if (own.find()) {
            said.append(own.group(1)).append('\n');
        }
        for (int r = Math.min(row, lines.length) - 1; r >= 0 && r >= row - REACH; r--) {
            String l = lines[r];
            if (l.startsWith("func ") || l.equals("}")) {
                break; // the function's start, or another function's end
            }
            var c = COMMENT.matcher(l);
            if (c.matches()) {
                said.append(c.group(1)).append('\n');
            }
        }
        String text = said.toString();
        return CONTEXT.matcher(text).find() && REASON.matcher(text).find();
    }
}
