package kb.review.engine.metamorphic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import kb.review.engine.metamorphic.Patch.FilePatch;
import kb.review.engine.metamorphic.Patch.Hunk;
import kb.review.engine.metamorphic.Patch.Row;

/** Just enough lexing of Go and Java lines for the transforms: literals and comments blanked, braces counted. */
final class Code {
    private static final Pattern GO_FUNC = Pattern.compile("^func .*\\{\\s*$");
    private static final Pattern JAVA_METHOD = Pattern.compile("^\\s*(?:@\\w+(?:\\([^)]*\\))?\\s+)*"
            + "(?:(?:public|protected|private|static|final|synchronized|abstract|default)\\s+)*(?:<[^>]+>\\s+)?"
            + "[\\w.<>\\[\\],? ]*?[\\w>\\]]\\s+(\\w+)\\s*\\([^;{}=]*\\)\\s*(?:throws [\\w., ]+)?\\s*\\{\\s*$");
    static final Set<String> JAVA_CONTROL = Set.of("if", "for", "while", "switch", "catch", "synchronized", "try",
            "else", "return", "new", "do", "throw");

    private Code() {
    }

    /** The line with string, char and raw literals emptied and a trailing line comment cut. */
    static String strip(String text) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote != '`') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                    out.append(c);
                }
                continue;
            }
            if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                break;
            }
            if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * {@code text} with {@code at} replaced by {@code to} outside string, char and raw literals and comments; a line
     * that is a comment as a whole is kept as it is.
     */
    static String replaceInCode(String text, Pattern at, String to) {
        if (comment(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        char quote = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : 0;
            if (quote != 0) {
                if (c == '\\' && quote != '`') {
                    i++;
                } else if (c == quote || c == 0) {
                    quote = 0;
                    out.append(text, from, Math.min(i + 1, text.length()));
                    from = i + 1;
                }
                continue;
            }
            boolean lineComment = c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/';
            if (c == 0 || lineComment || c == '"' || c == '\'' || c == '`') {
                out.append(at.matcher(text.substring(from, i)).replaceAll(to));
                from = i;
                if (lineComment || c == 0) {
                    out.append(text.substring(i));
                    return out.toString();
                }
                quote = c;
            }
        }
        return out.toString();
    }

    static int braces(String text) {
        String s = strip(text);
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) == '{' ? 1 : s.charAt(i) == '}' ? -1 : 0;
        }
        return n;
    }

    static boolean comment(String text) {
        String t = text.trim();
        return t.startsWith("//") || t.startsWith("/*") || t.startsWith("*");
    }

    /** A function or method of one hunk: the rows of its signature line and of its closing brace. */
    record Body(Hunk hunk, int start, int end) {
        List<Row> rows() {
            return hunk.rows.subList(start, end + 1);
        }

        Row signature() {
            return hunk.rows.get(start);
        }
    }

    /** Functions whose one-line signature and closing brace both show in one hunk, outermost first. */
    static List<Body> functions(FilePatch f) {
        List<Body> out = new ArrayList<>();
        for (Hunk h : f.hunks) {
            for (int i = 0; i < h.rows.size(); i++) {
                Row r = h.rows.get(i);
                if (!r.newSide() || !signature(f, r.text)) {
                    continue;
                }
                int end = blockEnd(h, i);
                if (end > i) {
                    out.add(new Body(h, i, end));
                    i = end;
                }
            }
        }
        return out;
    }

    static boolean signature(FilePatch f, String text) {
        if (f.isGo()) {
            return GO_FUNC.matcher(text).matches();
        }
        var m = JAVA_METHOD.matcher(text);
        return m.matches() && !JAVA_CONTROL.contains(m.group(1)) && !text.contains("->")
                && !text.trim().startsWith("return") && !text.contains(" class ") && !text.trim().startsWith("class ")
                && !text.contains(" new ");
    }

    /** The row closing the block the row {@code start} opens, or -1 when the hunk ends first. */
    static int blockEnd(Hunk h, int start) {
        int depth = 0;
        for (int i = start; i < h.rows.size(); i++) {
            Row r = h.rows.get(i);
            if (!r.newSide()) {
                continue;
            }
            depth += braces(r.text);
            if (depth <= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The function of {@code f} holding the original new-side line {@code line}, or null. */
    static Body holding(FilePatch f, int line) {
        for (Body fn : functions(f)) {
            for (Row r : fn.rows()) {
                if (r.origin == line) {
                    return fn;
                }
            }
        }
        return null;
    }
}
