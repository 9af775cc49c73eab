package kb.review.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Go: a loop that reads a store page by page with a cursor and logs one line of counts per page (precision set 12,
 * class BF): {@code for { keys, next, err := rdb.Scan(ctx, cursor, match, count).Result(); log.Debugf("SCAN %d: %d
 * keys", next, len(keys)); ...; cursor = next; if next == 0 { break } }}. LOG-01 asks that loops over input "count
 * outcomes and write one summary line per batch": a page of up to {@code count} keys is that batch, and a line of
 * its cursor and size is that summary. The shape is read from the loop: it walks no collection; the turn passes a
 * cursor to a call, takes the next cursor from that call's results, advances the cursor to it, and leaves when a
 * cursor is zero, empty or nil. The line's arguments are names, fields and {@code len} only: a line that serialises
 * the page ({@code MustMarshalString(values)}) pays per page for every element whatever the level, and stays reported,
 * as does a loop with no cursor.
 */
final class CursorPages {

    /** {@code cursor = next} on a line of its own: group 1 the cursor, group 2 the next one. */
    private static final Pattern ADVANCE = Pattern.compile("(?m)^\\s*([\\p{L}_]\\w*)\\s*=\\s*([\\p{L}_]\\w*)\\s*$");
    private static final Pattern PLAIN_ARGUMENT = Pattern.compile("\\s*(?:\"(?:\\\\.|[^\"\\\\])*\"|[\\p{L}_][\\w.]*"
            + "|\\d+|(?:len|int\\d*|uint\\d*)\\(\\s*[\\p{L}_][\\w.]*\\s*\\))(?:\\s*\\+\\s*(?:\"(?:\\\\.|[^\"\\\\])*\""
            + "|[\\p{L}_][\\w.]*))*\\s*");

    private CursorPages() {
    }

    /** True when {@code log}, a call in the body of the Go loop {@code loop}, is one line per page as above. */
    static boolean perPage(SyntaxNode loop, SyntaxNode log, byte[] src) {
        if (!loop.getType().equals("for_statement") || LogTraffic.walksCollection(loop, src)) {
            return false;
        }
        SyntaxNode args = log.getChildByFieldName("arguments");
        if (args == null || args.isNull() || args.getNamedChildCount() == 0) {
            return false;
        }
        for (int i = 0; i < args.getNamedChildCount(); i++) {
            if (!PLAIN_ARGUMENT.matcher(SyntaxNode.text(src, args.getNamedChild(i))).matches()) {
                return false;
            }
        }
        SyntaxNode body = loop.getChildByFieldName("body");
        if (body == null || body.isNull()) {
            return false;
        }
        String code = SyntaxNode.text(src, body);
        Matcher advance = ADVANCE.matcher(code);
        while (advance.find()) {
            String cursor = Pattern.quote(advance.group(1));
            String next = Pattern.quote(advance.group(2));
            boolean fetched = Pattern.compile("(?<![\\w.])" + next + "\\s*(?:,\\s*[\\p{L}_]\\w*\\s*)*:?=\\s*[^\\n]*\\("
                    + "(?:[^()\\n]*,)?\\s*" + cursor + "\\s*[,)]").matcher(code).find();
            boolean leaves = Pattern.compile("\\bif\\s[^{\\n]*(?<![\\w.])(?:" + cursor + "|" + next
                    + ")\\s*==\\s*(?:0|\"\"|nil)\\b[^{\\n]*\\{\\s*(?:break|return)\\b").matcher(code).find();
            if (fetched && leaves) {
                return true;
            }
        }
        return false;
    }
}
