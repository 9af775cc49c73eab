package kb.review.engine;

import java.util.regex.Pattern;
import kb.review.diff.Hunk;
import kb.review.diff.SourceFile;

/**
 * Per-thread state set inside a class that is itself {@code AutoCloseable} or {@code Closeable} (a run scope whose
 * constructor puts an MDC entry and whose {@code close()} removes it, used in try-with-resources): the pairing is the
 * class's, across its constructor and {@code close()}, the way a scope object is meant to work. When the hunk shows
 * only the set (the method around it cut off, {@code close()} out of sight), the review cannot see that pairing, so a
 * cut-off set in such a class is not reported as a leak. A whole method stays judged on its own paths.
 */
final class CloseableScopes {

    private CloseableScopes() {
    }

    private static final Pattern CLOSEABLE_CLASS = Pattern.compile(
            "\\bclass\\s+\\w+[^{;]*\\bimplements\\b[^{;]*\\b(?:java\\.lang\\.)?(?:AutoCloseable|Closeable)\\b");

    /** True when the hunk showing {@code line} belongs to a class git named (or the file declares) as closeable. */
    static boolean inCloseableClass(SourceFile file, int line) {
        for (Hunk h : file.change().hunks()) {
            if (line >= h.newStart() && line < h.newStart() + Math.max(1, h.newCount())) {
                return CLOSEABLE_CLASS.matcher(h.section()).find() || CLOSEABLE_CLASS.matcher(file.text()).find();
            }
        }
        return false;
    }
}
