package kb.review.engine;

import java.util.List;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;

/**
 * For {@link RemovedReleases}: where the value of a deleted release was acquired, in the same function above the
 * deletion: in the hunk, or in a checkout's whole file. The finding then stands where the lifecycle starts.
 */
final class DeletedReleaseAcquisitions {

    private static final Pattern HEADER = RemovedReleases.HEADER;
    private static final Pattern GO_DECLARATION = RemovedReleases.GO_DECLARATION;

    private DeletedReleaseAcquisitions() {
    }

    /**
     * The new-file line, in the same hunk and function above the deleted release, where its value is acquired: an
     * assignment to it ({@code resp, err := c.Get(u)}, {@code InputStream in = new FileInputStream(f)}), or for a
     * thread-local a set on it or a setter named after one ({@code ctx.setThreadLocalInfo()}); 0 when the hunk does
     * not show it. The finding then stands where the lifecycle starts, as every other leak finding does, rather than
     * where the release used to be.
     */
    static int acquisitionInHunk(List<DiffLine> lines, int removed, String value, String item) {
        if (value.isEmpty()) {
            return 0;
        }
        Pattern acquires = acquires(value, item);
        for (int j = removed - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            if (acquires.matcher(l.text()).find()) {
                return l.newLine();
            }
            if (HEADER.matcher(l.text()).find()) {
                return 0;
            }
        }
        return 0;
    }

    /** A line that acquires {@code value}: an assignment to it, or for a thread-local a set on it. */
    private static Pattern acquires(String value, String item) {
        String v = Pattern.quote(value);
        return item.equals("CONC-04")
                ? Pattern.compile("(?<![\\w.])" + v + "\\s*\\.\\s*set\\w*\\s*\\((?!\\s*null\\s*\\))"
                        + "|\\.set\\w*ThreadLocal\\w*\\s*\\(|\\w*ThreadLocal\\w*\\.set\\s*\\(")
                : Pattern.compile("(?<![\\w.])" + v + "\\s*(?:,\\s*\\w+\\s*)*:?=(?!=)");
    }

    /** How far above a deletion a whole file is searched for its value's acquisition. */
    private static final int FUNCTION_LINES = 400;

    /**
     * In a checkout's whole file, the nearest line above the deleted release, in the same function, that acquires
     * its value (the function's header ends the search); 0 for a pasted diff, or when the function does not
     * acquire it (a field set elsewhere, a parameter).
     *
     * @param from the new-file line the deleted release stood before
     */
    static int acquisitionInFile(SourceFile file, int from, String value, String item) {
        if (!file.complete() || value.isEmpty() || from <= 1) {
            return 0;
        }
        Pattern acquires = acquires(value, item);
        for (int n = from - 1; n >= 1 && n >= from - FUNCTION_LINES; n--) {
            String text = file.line(n);
            if (acquires.matcher(text).find()) {
                return n;
            }
            // a Go declaration starts at the margin (gofmt); an indented `func(...) {` is a literal passed to a call,
            // such as the opener a reader's constructor takes, still inside the same function
            if (file.language() == Language.GO ? GO_DECLARATION.matcher(text).find() : HEADER.matcher(text).find()) {
                return 0;
            }
        }
        return 0;
    }
}
