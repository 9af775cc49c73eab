package kb.review.analysis;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a Go function declares for itself, read from its text as gofmt lays it out: everything in its signature (and
 * in the signatures of the function literals inside it), the left side of each {@code :=}, and each {@code var} or
 * {@code const}. An unqualified name the function writes that is not among them can only be package-level: Go has
 * no other scope between a top-level function and its package. The reading is generous on purpose (a type name in a
 * signature counts as declared too): a name wrongly taken as local only keeps the review quiet.
 */
public final class GoLocals {

    private static final Pattern SIGNATURE = Pattern.compile("\\bfunc\\b([^{]*)");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_]\\w*");
    private static final Pattern VAR = Pattern.compile("\\b(?:var|const)\\s+(\\w+(?:\\s*,\\s*\\w+)*)");
    private static final Pattern FUNC_LINE = Pattern.compile("^func\\b");
    private static final Pattern VAR_BLOCK = Pattern.compile("^\\s*(?:var|const)\\s*\\(\\s*$");
    private static final Pattern BLOCK_NAMES = Pattern.compile("^\\s*(\\w+(?:\\s*,\\s*\\w+)*)\\b");
    private static final Pattern LEADING_KEYWORD = Pattern.compile(
            "^(?:(?:if|for|switch|case|select|else|go|defer|return)\\s+)+");

    /**
     * A write of a whole unqualified name: an index assignment or increment ({@code m[k] = v}, {@code m[k]++},
     * {@code m[k] += n}), a {@code delete(m, k)}, or an append stored back ({@code s = append(s, v)}). Group 1, 2 or 3
     * is the name written.
     */
    public static final Pattern BARE_WRITE = Pattern.compile(
            "^\\s*([A-Za-z_]\\w*)\\[[^\\n]*\\]\\s*(?:[-+*/|&^]?=(?!=)|\\+\\+|--)"
                    + "|^\\s*delete\\(\\s*([A-Za-z_]\\w*)\\s*,"
                    + "|^\\s*([A-Za-z_]\\w*)\\s*=\\s*append\\(\\s*\\3\\s*,");

    private GoLocals() {
    }

    /** The names declared by the given lines of one function (its signature line first). */
    public static Set<String> declared(List<String> lines) {
        Set<String> out = new HashSet<>();
        boolean signature = false;
        boolean varBlock = false;
        for (String line : lines) {
            String code = stripComment(line);
            if (varBlock) {
                // a line of `var ( a, b T; c = v )` inside the function: the names before the type or the `=`
                if (code.strip().startsWith(")")) {
                    varBlock = false;
                } else {
                    Matcher names = BLOCK_NAMES.matcher(code);
                    if (names.find()) {
                        for (String name : names.group(1).split(",")) {
                            out.add(name.strip());
                        }
                    }
                }
                continue;
            }
            if (VAR_BLOCK.matcher(code).find()) {
                varBlock = true;
                continue;
            }
            if (signature || FUNC_LINE.matcher(code).find()) {
                // a signature gofmt wrapped over several lines: every word up to the body's brace
                Matcher w = WORD.matcher(code.contains("{") ? code.substring(0, code.indexOf('{')) : code);
                while (w.find()) {
                    out.add(w.group());
                }
                signature = !code.stripTrailing().endsWith("{");
            }
            Matcher sig = SIGNATURE.matcher(code);
            while (sig.find()) {
                Matcher w = WORD.matcher(sig.group(1));
                while (w.find()) {
                    out.add(w.group());
                }
            }
            Matcher v = VAR.matcher(code);
            while (v.find()) {
                for (String name : v.group(1).split(",")) {
                    out.add(name.strip());
                }
            }
            int at = code.indexOf(":=");
            while (at >= 0) {
                String left = code.substring(0, at);
                int cut = Math.max(Math.max(left.lastIndexOf(';'), left.lastIndexOf('{')), left.lastIndexOf('('));
                left = LEADING_KEYWORD.matcher(left.substring(cut + 1).strip()).replaceFirst("");
                for (String name : left.split(",")) {
                    String n = name.strip();
                    if (WORD.matcher(n).matches()) {
                        out.add(n);
                    }
                }
                at = code.indexOf(":=", at + 2);
            }
        }
        return out;
    }

    /** The name a line writes as a whole unqualified variable ({@link #BARE_WRITE}); null when it writes none. */
    public static String bareWrite(String line) {
        if (line.indexOf('[') < 0 && !line.contains("delete(") && !line.contains("append(")) {
            return null; // the constant pre-check: every write shape has one of these
        }
        Matcher m = BARE_WRITE.matcher(line);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        return name.equals("_") ? null : name;
    }

    private static String stripComment(String line) {
        int c = line.indexOf("//");
        return c >= 0 ? line.substring(0, c) : line;
    }
}
