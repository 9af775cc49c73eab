package kb.review.engine;

import java.util.List;
import java.util.regex.Pattern;
import kb.review.diff.CodeText;
import kb.review.diff.DiffLine;

/**
 * An error a changed line assigns and the next lines overwrite before any of them reads it (session 36, err36): the
 * checked {@code if _, err := tx.Exec(a); err != nil {} rewritten as {@code _, err = tx.Exec(a)}, followed by
 * {@code if _, err := tx.Exec(b); err != nil {} or {@code err = next()}. The error is kept in a name, but the first
 * thing that touches the name gives it a new value, so the failure is as lost as with {@code _}. Only the lines the
 * diff shows are read, at most {@link #LOOK} statements, within the block: a read of the name, the end of the block or
 * the end of the hunk first means it may still be checked (after a loop, at a return).
 */
final class OverwrittenErrors {

    private static final int LOOK = 3;

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`");

    private OverwrittenErrors() {
    }

    /** True when the first mention of {@code name} below line {@code at} (kept or added) assigns it anew. */
    static boolean overwrittenFirst(List<DiffLine> lines, int at, String name) {
        int indent = CodeText.indent(lines.get(at).text());
        int seen = 0;
        for (int j = at + 1; j < lines.size() && seen < LOOK; j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            if (CodeText.indent(l.text()) < indent) {
                return false;
            }
            String t = STRING.matcher(l.text()).replaceAll("\"\"");
            int k = firstMention(t, name);
            if (k >= 0) {
                return t.substring(k + name.length()).matches("\\s*:?=(?!=).*");
            }
            seen++;
        }
        return false;
    }

    /** The index of {@code name} as a whole word (not a field) in {@code t}, or -1. */
    private static int firstMention(String t, String name) {
        for (int k = t.indexOf(name); k >= 0; k = t.indexOf(name, k + 1)) {
            int end = k + name.length();
            boolean before = k == 0 || !Character.isJavaIdentifierPart(t.charAt(k - 1)) && t.charAt(k - 1) != '.';
            boolean after = end == t.length() || !Character.isJavaIdentifierPart(t.charAt(end));
            if (before && after) {
                return k;
            }
        }
        return -1;
    }
}
