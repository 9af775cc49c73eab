package kb.review.diff;

/** Small readings of a source line or condition's text, for detectors that work from the text a hunk shows. */
public final class CodeText {

    private CodeText() {
    }

    /** The width of the line's leading spaces and tabs, a tab counting as four spaces. */
    public static int indent(String line) {
        int width = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                width++;
            } else if (c == '\t') {
                width += 4;
            } else {
                break;
            }
        }
        return width;
    }

    /** The text without parentheses around all of it ({@code (a) && (b)} keeps its own). */
    public static String unwrap(String s) {
        String t = s.strip();
        while (t.startsWith("(") && t.endsWith(")") && closesAtEnd(t)) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    /** True when the first parenthesis of {@code t} closes at its last character. */
    private static boolean closesAtEnd(String t) {
        int depth = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0) {
                return i == t.length() - 1;
            }
        }
        return false;
    }
}
