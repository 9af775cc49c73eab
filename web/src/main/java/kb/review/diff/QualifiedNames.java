package kb.review.diff;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java code reads a type named by its package path as it reads one named through an import: {@code new
 * java.io.FileInputStream(f)}, {@code org.slf4j.MDC.put(k, v)} and {@code java.net.http.HttpClient.newHttpClient()}
 * are the calls the rules and library models know by their simple names. The review sees the simple name; import and
 * package lines, and string literals, keep theirs.
 */
final class QualifiedNames {
    /** A package path (rooted where Java packages are: java, javax, a reversed domain...) before a type name. */
    private static final Pattern QUALIFIER = Pattern.compile(
            "(?<![\\w.$])(?:java|javax|jakarta|org|com|io|net|reactor|okhttp3|software|lombok|kotlinx?)"
                    + "(?:\\.[a-z_][a-z0-9_]*)*\\.(?=[A-Z])");

    private QualifiedNames() {
    }

    /** The line with every package qualifier outside a string literal cut; the line itself when it has none. */
    static String simple(String line) {
        if (line == null || line.indexOf('.') < 0) {
            return line;
        }
        String code = line.stripLeading();
        if (code.startsWith("import ") || code.startsWith("package ")) {
            return line;
        }
        Matcher m = QUALIFIER.matcher(line);
        StringBuilder out = null;
        int at = 0;
        while (m.find()) {
            if (inLiteral(line, m.start())) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(line.length());
            }
            out.append(line, at, m.start());
            at = m.end();
        }
        return out == null ? line : out.append(line, at, line.length()).toString();
    }

    private static boolean inLiteral(String line, int end) {
        boolean in = false;
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                in = !in;
            }
        }
        return in;
    }
}
