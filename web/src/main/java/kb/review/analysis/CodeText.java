package kb.review.analysis;

import java.util.regex.Pattern;

/**
 * A statement's text with what is not code blanked out, so that a name the checks look for is found only where the
 * program uses it. {@code return nil, fmt.Errorf("resize udp buffer: %v", err)} does not return a listener named
 * {@code udp}, and {@code // udp.Close() happens in Shutdown} closes nothing. Blanked characters become spaces (line
 * breaks stay), so offsets and the quotes around a literal are unchanged. Go and Java share the syntax that matters:
 * {@code //} and block comments, double-quoted strings with backslash escapes, single-quoted characters (runes), Go's
 * back-quoted raw strings and Java's triple-quoted text blocks.
 */
public final class CodeText {

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private CodeText() {
    }

    /** {@code text} with comments and the contents of string and character literals blanked. */
    public static String code(String text) {
        return blank(text, true);
    }

    /**
     * {@code text} with only its comments blanked: a release written with a literal key ({@code MDC.remove("user")})
     * must still match a template that names that key.
     */
    static String withoutComments(String text) {
        return blank(text, false);
    }

    /**
     * The index of the bracket that closes the one at {@code open} ({@code in} and {@code out} are the pair, such as
     * {@code '{'} and {@code '}'}), or -1 when {@code s} ends first. Brackets inside literals count: blank them with
     * {@link #code} first where that matters.
     */
    static int closing(String s, int open, char in, char out) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == in) {
                depth++;
            } else if (c == out && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * (session 45, log45) A call chain's text reduced to its names, so that a logger reached through calls reads as
     * one receiver however its arguments are spelled: comments and spaces dropped, literals emptied, and every
     * argument list emptied but a bare number ({@code klog.V(2)} keeps its verbosity). {@code
     * log.WithFields(log.Fields{"k": v}).Info} reads {@code log.WithFields().Info}, {@code
     * log.FromCtx(ctx).Debugf("x %s", y)} reads {@code log.FromCtx().Debugf()}. Line breaks outside argument lists
     * stay, so the text of several statements keeps one statement a line.
     */
    public static String spine(String text) {
        String c = code(text);
        StringBuilder sb = new StringBuilder(Math.min(c.length(), 256));
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch == '(') {
                int close = closing(c, i, '(', ')');
                if (close < 0) {
                    sb.append(ch);
                    continue;
                }
                String inside = c.substring(i + 1, close).strip();
                sb.append('(').append(NUMBER.matcher(inside).matches() ? inside : "").append(')');
                i = close;
            } else if (ch != ' ' && ch != '\t' && ch != '\r') {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static String blank(String text, boolean literals) {
        if (text.indexOf('"') < 0 && text.indexOf('\'') < 0 && text.indexOf('`') < 0 && text.indexOf('/') < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                int end = text.indexOf('\n', i);
                i = clear(sb, i, end < 0 ? n : end);
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = clear(sb, i, end < 0 ? n : end + 2);
            } else if (c == '"' && text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                int stop = end < 0 ? n : end;
                if (literals) {
                    clear(sb, i + 3, stop);
                }
                i = end < 0 ? n : end + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && text.charAt(j) != c && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                int stop = Math.min(j, n);
                if (literals) {
                    clear(sb, i + 1, stop);
                }
                i = stop + 1;
            } else if (c == '`') {
                int end = text.indexOf('`', i + 1);
                int stop = end < 0 ? n : end;
                if (literals) {
                    clear(sb, i + 1, stop);
                }
                i = stop + 1;
            } else {
                i++;
            }
        }
        return sb.toString();
    }

    /** Blanks {@code [from, to)} but its line breaks; returns {@code to}. */
    private static int clear(StringBuilder sb, int from, int to) {
        for (int k = from; k < to && k < sb.length(); k++) {
            if (sb.charAt(k) != '\n') {
                sb.setCharAt(k, ' ');
            }
        }
        return to;
    }
}
