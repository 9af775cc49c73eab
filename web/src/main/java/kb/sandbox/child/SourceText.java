package kb.sandbox.child;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The user's text, with the positions problems are reported at: 1-based lines and columns. */
public record SourceText(String text) {

    public int line(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    public int column(int offset) {
        return offset - text.lastIndexOf('\n', offset - 1);
    }

    /** The first character of {@code [start, end)} that is not white space; {@code start} when there is none. */
    public int firstNonBlank(int start, int end) {
        for (int i = start; i < end && i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return start;
    }

    /** Where {@code word} is first written as a whole word in {@code [start, end)}; its first non-blank character if nowhere. */
    public int find(String word, int start, int end) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(text).region(start, end);
        return m.find() ? m.start() : firstNonBlank(start, end);
    }

    public String slice(int start, int end) {
        return text.substring(start, end);
    }
}
