package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Java date format the change builds whose pattern writes the zone as the quoted literal {@code 'Z'} (the text says
 * "this is UTC") while the formatter itself gets no zone: {@code new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss'Z'")}
 * with no {@code setTimeZone} on it, commons-lang's {@code FastDateFormat.getInstance(pattern)} without a
 * {@code TimeZone} argument, Joda's {@code DateTimeFormat.forPattern(pattern)} without {@code withZone}/
 * {@code withZoneUTC}. The literal is matched as text, so parsing reads a UTC time as the JVM's local time and
 * formatting labels a local time as UTC: every value is off by the host's offset (TIME-01). A pattern with a real
 * zone field ({@code X}, {@code XXX}, unquoted {@code Z}) parses the offset from the text and is not reported, nor is
 * a formatter given a zone on its line or by a {@code setTimeZone}/{@code withZone} on the variable that holds it
 * anywhere in the visible file. The pattern may be a literal or a string constant of the file.
 */
final class UtcLiteralFormats {

    static final String RULE = "utc-literal-format-without-zone";

    /** A construction of a formatter from a pattern; group 1 the library call, group 2 the first argument. */
    private static final Pattern BUILT = Pattern.compile(
            "(new\\s+SimpleDateFormat|FastDateFormat\\s*\\.\\s*getInstance|DateTimeFormat\\s*\\.\\s*forPattern)"
                    + "\\s*\\(\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[A-Za-z_$][\\w$.]*)");

    private UtcLiteralFormats() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.JAVA) {
            return List.of();
        }
        Severity severity = catalog.item("TIME-01").map(Catalog.Item::severity).orElse(Severity.ADVICE);
        List<Finding> out = new ArrayList<>();
        for (int n = 1; n <= file.lineCount(); n++) {
            if (!file.added(n)) {
                continue;
            }
            String text = file.line(n);
            if (RegexDetector.isComment(text)) {
                continue; // a format written in a comment or Javadoc builds nothing
            }
            if (!text.contains("SimpleDateFormat") && !text.contains("FastDateFormat")
                    && !text.contains("DateTimeFormat")) {
                continue;
            }
            Matcher m = BUILT.matcher(text);
            while (m.find()) {
                String pattern = m.group(2).startsWith("\"") ? m.group(2)
                        : FormatDeclarations.constant(file, m.group(2), FormatDeclarations.JAVA_STRING);
                if (pattern == null || !pattern.contains("'Z'")
                        || FormatDeclarations.ZONE_ON_LINE.matcher(text.substring(m.end())).find()) {
                    continue;
                }
                Matcher held = FormatDeclarations.HELD_BY.matcher(text.substring(0, m.start()));
                if (held.find() && FormatDeclarations.zoneSet(file, held.group(1), "setTimeZone|withZone\\w*")) {
                    continue;
                }
                out.add(new Finding(RULE, "TIME-01", severity, file.path(), n, 1, text.strip(),
                        "This format's pattern writes the zone as the literal 'Z' (UTC) but the formatter gets no zone: "
                                + "it parses and formats in the JVM's default zone, so every time it reads or writes "
                                + "is off by the host's offset while its text claims UTC. Give it UTC "
                                + "(setTimeZone(TimeZone.getTimeZone(\"UTC\")), withZoneUTC()), or use a zone field "
                                + "(X) or java.time's Instant.",
                        Finding.Confidence.HIGH, null, "kb", null));
                break;
            }
        }
        return out;
    }
}
