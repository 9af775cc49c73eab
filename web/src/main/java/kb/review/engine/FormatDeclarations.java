package kb.review.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SourceFile;

/**
 * What the visible text of a new file says about a time format away from the line that uses it: the text of the
 * string constant a layout names, and whether the variable holding a formatter is given a zone on some other line.
 * The readers of zoneless formats (UtcLiteralFormats, ZoneConventionBreaks) both ask these questions.
 */
final class FormatDeclarations {

    /** A Java string constant's value: a double-quoted literal closed by {@code ;}. */
    static final String JAVA_STRING = "\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\")\\s*;";
    /** A Go or Java constant's value: an optional Go {@code string} type, then a quoted or raw (backtick) literal. */
    static final String ANY_STRING = "\\s*(?:string\\s*)?=\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`)";

    /** The variable a construction is assigned to, at the end of the text before it; group 1 its name. */
    static final Pattern HELD_BY = Pattern.compile("([A-Za-z_$][\\w$]*)\\s*=\\s*$");
    /** Text after a construction that gives it a zone on the same line. */
    static final Pattern ZONE_ON_LINE = Pattern.compile("(?i)setTimeZone|withZone|TimeZone\\.|ZoneId|UTC");

    private FormatDeclarations() {
    }

    /**
     * The quoted text of the constant {@code name} (qualified or not) as the file declares it, or null. {@code value}
     * is what follows the name in its declaration, with the literal as group 1 ({@link #JAVA_STRING},
     * {@link #ANY_STRING}).
     */
    static String constant(SourceFile file, String name, String value) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        Pattern declared = Pattern.compile("\\b" + Pattern.quote(simple) + value);
        for (int n = 1; n <= file.lineCount(); n++) {
            Matcher d = declared.matcher(file.line(n));
            if (d.find()) {
                return d.group(1);
            }
        }
        return null;
    }

    /** True when a visible line calls one of {@code setters} (a regex alternative) on the formatter {@code var}. */
    static boolean zoneSet(SourceFile file, String var, String setters) {
        Pattern set = Pattern.compile("\\b" + Pattern.quote(var) + "\\s*\\.\\s*(?:" + setters + ")\\s*\\(");
        for (int n = 1; n <= file.lineCount(); n++) {
            if (set.matcher(file.line(n)).find()) {
                return true;
            }
        }
        return false;
    }
}
