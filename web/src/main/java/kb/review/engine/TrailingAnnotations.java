package kb.review.engine;

import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * The annotations git's trailing context shows above the next member ({@code @Override}, {@code @Test},
 * {@code @Transactional(readOnly = true)}): three lines of context after an edit at the end of a method very often
 * stop on them. Alone at the end of a piece they belong to no declaration, so the piece parses neither as statements
 * nor as members and the edit above them went unread. They say nothing about the code before them: the piece is
 * read without them.
 */
final class TrailingAnnotations {

    /** A line that holds only annotations (with their arguments), or nothing, or a line comment. */
    private static final Pattern ANNOTATIONS_ONLY = Pattern.compile(
            "^\\s*(?:@[\\w.]+(?:\\s*\\([^()]*(?:\\([^()]*\\)[^()]*)*\\))?\\s*)*(?://.*)?$");

    private TrailingAnnotations() {
    }

    /** Whether one line holds only annotations (with their arguments), or nothing, or a line comment. */
    static boolean annotationsOnly(String line) {
        return ANNOTATIONS_ONLY.matcher(line).matches();
    }

    /**
     * True when lines {@code from}..{@code to} (the lines after the piece's last statement) hold at least one
     * annotation and nothing else but blank lines and line comments.
     */
    static boolean only(IntFunction<String> line, int from, int to) {
        boolean any = false;
        for (int l = from; l <= to; l++) {
            String s = line.apply(l);
            if (!annotationsOnly(s)) {
                return false;
            }
            any |= s.strip().startsWith("@");
        }
        return any;
    }
}
