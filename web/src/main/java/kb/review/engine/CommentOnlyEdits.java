package kb.review.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.SourceFile;

/**
 * The added lines of a pasted diff whose code is that of a line the same hunk removes: only a comment changed
 * ({@code resp, err := http.DefaultClient.Do(req) //nolint:gosec}). The code on such a line is the old code, and when
 * the diff does not show its whole function, what the lifecycle analysis finds there (a close it cannot see) is a
 * guess about code the change did not touch. Found on caddy, where one commit adding lint comments drew four
 * RES-02 findings whose closes sat a few lines below the hunks.
 */
final class CommentOnlyEdits {

    private CommentOnlyEdits() {
    }

    /** The new-side line numbers of the comment-only edits of {@code file} (empty for a whole file). */
    static BitSet of(SourceFile file) {
        BitSet out = new BitSet();
        if (file.complete()) {
            return out;
        }
        for (Hunk h : file.change().hunks()) {
            List<String> removed = new ArrayList<>();
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.REMOVED) {
                    removed.add(code(l.text()));
                }
            }
            if (removed.isEmpty()) {
                continue;
            }
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.ADDED) {
                    String c = code(l.text());
                    if (!c.isEmpty() && removed.contains(c)) {
                        out.set(l.newLine());
                    }
                }
            }
        }
        return out;
    }

    /**
     * True when a line the change adds releases the value {@code a} holds ({@code Context.setContext(null)} after
     * the call that may throw): the change works on that value's release, so a path that skips it is the change's
     * business even where the acquiring line itself only lost a comment.
     */
    static boolean releaseAdded(SourceFile file, kb.review.analysis.Lifecycle.Acquisition a) {
        for (Hunk h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.ADDED && a.model().releasedIn(l.text(), a.var())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The line without its comments ({@code //} to the end, {@code /* ... *}{@code /} inside) and without white
     * space; string, rune and raw-string literals are kept whole, so a {@code //} in a URL stays code.
     */
    static String code(String line) {
        StringBuilder b = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                b.append(c);
                if (c == '\\' && quote != '`' && i + 1 < line.length()) {
                    b.append(line.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'' || c == '`') {
                quote = c;
                b.append(c);
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                break;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '*') {
                int end = line.indexOf("*/", i + 2);
                if (end < 0) {
                    break;
                }
                i = end + 1;
            } else if (!Character.isWhitespace(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
