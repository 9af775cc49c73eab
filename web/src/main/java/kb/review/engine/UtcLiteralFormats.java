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
 * anywhere in the visible file. The pattern may be a literal or a string constant of the file. The quoted literals
 * {@code 'GMT'} and {@code 'UTC'} make the same claim; so does the HTTP-date shape ({@code EEE, dd MMM yyyy HH:mm:ss z},
 * the cookie's {@code dd-MMM-yyyy}) with a text zone field, because the protocol fixes that zone to GMT: a formatter
 * in the JVM's zone writes the local wall clock under the local zone's name.
 */
final class UtcLiteralFormats {

    static final String RULE = "utc-literal-format-without-zone";

    /** A construction of a formatter from a pattern; group 1 the library call, group 2 the first argument. */
    private static final Pattern BUILT = Pattern.compile(
            "(new\\s+SimpleDateFormat|FastDateFormat\\s*\\.\\s*getInstance|DateTimeFormat\\s*\\.\\s*forPattern)"
                    + "\\s*\\(\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[A-Za-z_$][\\w$.]*)");

    /** A quoted literal that names UTC in the pattern's text. */
    private static final Pattern UTC_LITERAL = Pattern.compile("'(?:Z|GMT|UTC)'");
    /**
     * The HTTP-date and cookie-date shapes (RFC 1123, RFC 850, Netscape cookies) with a text zone field: the
     * protocol fixes their zone to GMT, so a formatter in the JVM's zone writes a wrong instant under a zone name.
     */
    private static final Pattern HTTP_DATE = Pattern.compile(
            "\"E{1,4},\\s?d{1,2}[ -]MMM[ -]y{2,4}\\s+HH:mm:ss\\s+z{1,4}\"");

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
                // Joda's formatter prints a DateTime in that value's own zone, so only its literal is a claim
                boolean http = pattern != null && !m.group(1).startsWith("DateTimeFormat")
                        && HTTP_DATE.matcher(pattern).matches();
                if (pattern == null || !http && !UTC_LITERAL.matcher(pattern).find()
                        || FormatDeclarations.ZONE_ON_LINE.matcher(text.substring(m.end())).find()) {
                    continue;
                }
                Matcher held = FormatDeclarations.HELD_BY.matcher(text.substring(0, m.start()));
                if (held.find() && FormatDeclarations.zoneSet(file, held.group(1), "setTimeZone|withZone\\w*")) {
                    continue;
                }
                out.add(new Finding(RULE, "TIME-01", severity, file.path(), n, 1, text.strip(), http
                        ? "This is the HTTP-date (or cookie-date) shape, whose zone the protocol fixes to GMT "
                                + "(Expires, Last-Modified, Date, a cookie's expiry), but the formatter gets no zone: "
                                + "it writes the JVM's local time under the local zone's name, which clients read "
                                + "hours off or reject. Give it GMT (setTimeZone(TimeZone.getTimeZone(\"GMT\"))), or "
                                + "use DateTimeFormatter.RFC_1123_DATE_TIME on a UTC value."
                        : "This format's pattern writes the zone as a literal (" + literal(pattern) + ", UTC) but the "
                                + "formatter gets no zone: it parses and formats in the JVM's default zone, so every "
                                + "time it reads or writes is off by the host's offset while its text claims UTC. Give "
                                + "it UTC (setTimeZone(TimeZone.getTimeZone(\"UTC\")), withZoneUTC()), or use a zone "
                                + "field (X) or java.time's Instant.",
                        Finding.Confidence.HIGH, null, "kb", null));
                break;
            }
        }
        return out;
    }

    private static String literal(String pattern) {
        Matcher m = UTC_LITERAL.matcher(pattern);
        return m.find() ? m.group() : "'Z'";
    }
}
