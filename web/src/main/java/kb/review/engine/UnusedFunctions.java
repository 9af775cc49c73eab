package kb.review.engine;

import java.util.regex.Pattern;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;

/**
 * Go functions their author marks as unused for a linter ({@code //nolint:unused // kept for later}, also
 * {@code deadcode}) in the comment right above the {@code func}, or at the end of its line (precision set 12, class GG). The
 * linter has established that nothing calls them, and the mark says the author knows: whatever the body does (a pool
 * opened per call, a context dropped) never runs, so the run-time items the review checks cannot fail there. The same
 * body in a function without the mark is reviewed as before.
 */
final class UnusedFunctions {

    private static final Pattern MARK = Pattern.compile("//\\s*nolint:[\\w,-]*\\b(?:unused|deadcode)\\b");
    private static final Pattern TOP_FUNC = Pattern.compile("^func\\b");

    private UnusedFunctions() {
    }

    /** True when {@code line} of {@code file} is inside a top-level Go function marked as above. */
    static boolean contains(SourceFile file, int line) {
        if (file == null || file.language() != Language.GO || !file.text().contains("nolint")) {
            return false;
        }
        for (int l = line; l >= 1 && file.known(l); l--) {
            String text = file.line(l);
            if (TOP_FUNC.matcher(text).find()) {
                if (MARK.matcher(text).find()) {
                    return true;
                }
                for (int c = l - 1; c >= 1 && file.known(c) && file.line(c).stripLeading().startsWith("//"); c--) {
                    if (MARK.matcher(file.line(c)).find()) {
                        return true;
                    }
                }
                return false;
            }
            if (text.startsWith("}") && l != line) {
                return false;
            }
        }
        return false;
    }
}
