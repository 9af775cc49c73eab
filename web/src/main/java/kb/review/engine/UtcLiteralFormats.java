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
 * <p>
 * Go has the same claim in its layouts: {@code http.TimeFormat} ends in the text {@code GMT}, and a layout such as
 * {@code "20060102T150405Z"} or {@code "... GMT"} writes its zone as fixed letters, while {@code Format} prints the
 * wall clock of whatever location the time carries. The net/http documentation says the time must be in UTC; a time
 * read from the host's clock ({@code time.Now()}, {@code time.Unix(...)}, a file's {@code ModTime()}) is in the host's
 * zone. Reported when the formatted value is such a reading, on the line or through the name that holds it (a
 * local, a field, a struct literal's key assigned where the diff shows it), and no assignment of that name gives it
 * a zone ({@code .UTC()}, {@code .In(loc)}, a parse). A value of unknown origin is left alone.
 */
final class UtcLiteralFormats {

    static final String RULE = "utc-literal-format-without-zone";

    /** A construction of a formatter from a pattern; group 1 the library call, group 2 the first argument. */
    private static final Pattern BUILT = Pattern.compile(
            "(new\\s+SimpleDateFormat|FastDateFormat\\s*\\.\\s*getInstance|DateTimeFormat\\s*\\.\\s*forPattern)"
                    + "\\s*\\(\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[A-Za-z_$][\\w$.]*)");

    /**
     * (session 44, log44) A removed line that wrote a time in UTC: java.time's ISO_INSTANT (an Instant always prints
     * in UTC), a formatter or value put in UTC or GMT. A zoneless SimpleDateFormat or FastDateFormat that replaces it
     * in the same block writes the host's wall clock where the text was UTC before: the "zone taken off" of TIME-01
     * with the formatter swapped rather than its zone argument deleted. The fixes of the class give such a formatter
     * UTC (yamcs/jsle#10's recorder file names, GluuFederation/oxCore#216's stored timestamps: README "log44").
     */
    private static final Pattern UTC_WRITER = Pattern.compile(
            "\\bISO_INSTANT\\b|\\.(?:withZone|atZone|atOffset|withZoneSameInstant)\\(\\s*(?:ZoneOffset\\.UTC"
                    + "|ZoneId\\.of\\(\\s*\"(?:UTC|GMT|Z)\"\\s*\\))"
                    + "|TimeZone\\.getTimeZone\\(\\s*\"(?:UTC|GMT)\"\\s*\\)");
    /** A quoted literal that names UTC in the pattern's text. */
    private static final Pattern UTC_LITERAL = Pattern.compile("'(?:Z|GMT|UTC)'");
    /**
     * The HTTP-date and cookie-date shapes (RFC 1123, RFC 850, Netscape cookies) with a text zone field: the
     * protocol fixes their zone to GMT, so a formatter in the JVM's zone writes a wrong instant under a zone name.
     */
    private static final Pattern HTTP_DATE = Pattern.compile(
            "\"E{1,4},\\s?d{1,2}[ -]MMM[ -]y{2,4}\\s+HH:mm:ss\\s+z{1,4}\"");

    /** A Go call that writes a time as text; the layout is its argument (AppendFormat's second). */
    private static final Pattern GO_FORMAT = Pattern.compile("\\.\\s*(Format|AppendFormat)\\s*\\(");
    /** A Go layout literal whose end writes UTC as fixed text: GMT, UTC, or a {@code Z} after a digit. */
    private static final Pattern GO_UTC_LITERAL = Pattern.compile("(?:\\bGMT|\\bUTC|\\dZ)[\"`]$");
    /** A Go layout element that prints the time's own offset or zone: then the text is right in any zone. */
    private static final Pattern GO_OFFSET = Pattern.compile("Z07|-07|MST");
    /** A Go reading of the host's clock, or a conversion to the host's zone, at the start of an expression. */
    private static final Pattern GO_HOST_TIME = Pattern.compile(
            "^(?:time\\.Now\\(\\)|time\\.Unix(?:Milli|Micro)?\\(|[\\w.]*\\.ModTime\\(\\))");
    /** A Go expression that gives a time a zone or reads it from text. */
    private static final Pattern GO_ZONED = Pattern.compile(
            "\\.\\s*(?:UTC|In)\\s*\\(|\\btime\\.UTC\\b|\\bParse\\w*\\(|\\bLoadLocation\\(");

    private UtcLiteralFormats() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() == Language.GO) {
            return goFormats(file, catalog);
        }
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
                if (FormatDeclarations.ZONE_ON_LINE.matcher(text.substring(m.end())).find()) {
                    continue;
                }
                // (session 44, log44) a zoneless formatter that replaced a UTC one of the same block
                boolean replacedUtc = (pattern == null || !http && !UTC_LITERAL.matcher(pattern).find())
                        && !m.group(1).startsWith("DateTimeFormat")
                        && UTC_WRITER.matcher(ReplacedLines.removedOf(file, n)).find();
                if (!replacedUtc && (pattern == null || !http && !UTC_LITERAL.matcher(pattern).find())) {
                    continue;
                }
                Matcher held = FormatDeclarations.HELD_BY.matcher(text.substring(0, m.start()));
                if (held.find() && FormatDeclarations.zoneSet(file, held.group(1), "setTimeZone|withZone\\w*")) {
                    continue;
                }
                out.add(new Finding(RULE, "TIME-01", severity, file.path(), n, 1, text.strip(), replacedUtc
                        ? "This formatter replaces one that wrote the time in UTC, but it gets no zone: it writes the "
                                + "JVM's local wall clock, so the same instant reads differently on hosts in other "
                                + "zones and a reader that expects UTC is off by the host's offset. Keep the UTC form "
                                + "(DateTimeFormatter.ISO_INSTANT on an Instant), or give this formatter UTC "
                                + "(setTimeZone(TimeZone.getTimeZone(\"UTC\")))."
                        : http
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

    /** Go: the added lines that format a host-zone time with a layout that writes GMT or UTC as fixed text. */
    private static List<Finding> goFormats(SourceFile file, Catalog catalog) {
        if (file.path().endsWith("_test.go")) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (int n = 1; n <= file.lineCount(); n++) {
            String text = file.line(n);
            if (!file.added(n) || !text.contains("Format") || RegexDetector.isComment(text)) {
                continue;
            }
            Matcher m = GO_FORMAT.matcher(text);
            while (m.find()) {
                int close = StrippedTimeouts.closing(text, m.end() - 1);
                String args = close > 0 ? text.substring(m.end(), close).strip() : "";
                String layout = m.group(1).equals("Format") ? args : args.substring(args.lastIndexOf(',') + 1).strip();
                String receiver = receiver(text, m.start());
                if (!claimsUtc(file, layout) || receiver.isEmpty() || !hostTime(file, receiver)) {
                    continue;
                }
                Severity severity = catalog.item("TIME-01").map(Catalog.Item::severity).orElse(Severity.ADVICE);
                out.add(new Finding(RULE, "TIME-01", severity, file.path(), n, 1, text.strip(),
                        "This layout writes the zone as fixed text (`" + layout + "` ends in GMT, UTC or Z), but `"
                                + receiver + "` is a reading of the host's clock in the host's zone: Format prints "
                                + "the local wall clock under that label, so on a server outside UTC the header or "
                                + "stamp is hours off and clients, caches or signature checks read it wrong. Format "
                                + "`" + receiver + ".UTC()`.",
                        Finding.Confidence.HIGH, null, "kb", null));
                break;
            }
        }
        return out;
    }

    /** True when the Go layout argument writes UTC as fixed letters and prints no offset of the time's own zone. */
    private static boolean claimsUtc(SourceFile file, String layout) {
        if (layout.equals("http.TimeFormat")) {
            return true;
        }
        String text = layout.startsWith("\"") || layout.startsWith("`") ? layout
                : layout.matches("[A-Za-z_]\\w*")
                        ? FormatDeclarations.constant(file, layout, FormatDeclarations.ANY_STRING) : null;
        return text != null && GO_UTC_LITERAL.matcher(text).find() && !GO_OFFSET.matcher(text).find();
    }

    /** The Go expression whose method call starts at {@code dot}: names, dots and balanced calls back from it. */
    private static String receiver(String text, int dot) {
        int i = dot;
        while (i > 0) {
            char c = text.charAt(i - 1);
            if (c == ')' || c == ']') {
                int depth = 0;
                int j = i - 1;
                for (; j >= 0; j--) {
                    char d = text.charAt(j);
                    depth += d == ')' || d == ']' ? 1 : d == '(' || d == '[' ? -1 : 0;
                    if (depth == 0) {
                        break;
                    }
                }
                if (j < 0) {
                    break;
                }
                i = j;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
                i--;
            } else {
                break;
            }
        }
        return text.substring(i, dot).strip();
    }

    /**
     * True when the Go value {@code receiver} is a reading of the host's clock that nothing gives a zone: the
     * expression itself, or a plain or selected name that some visible line assigns such a reading and none assigns a
     * zoned or parsed time.
     */
    private static boolean hostTime(SourceFile file, String receiver) {
        if (GO_ZONED.matcher(receiver).find()) {
            return false;
        }
        if (GO_HOST_TIME.matcher(receiver).find()) {
            return true;
        }
        if (!receiver.matches("[A-Za-z_][\\w.]*")) {
            return false; // a call or an index: where the time comes from is not on the line
        }
        String name = receiver.substring(receiver.lastIndexOf('.') + 1);
        Pattern assigned = Pattern.compile(
                "(?:^|[\\s.,{(])" + Pattern.quote(name) + "\\s*(?::=|=(?!=)|:(?!=))\\s*(.+)");
        boolean host = false;
        for (int n = 1; n <= file.lineCount(); n++) {
            String l = file.line(n);
            if (!l.contains(name)) {
                continue;
            }
            Matcher a = assigned.matcher(l);
            while (a.find()) {
                String value = a.group(1);
                if (GO_ZONED.matcher(value).find()) {
                    return false;
                }
                host |= GO_HOST_TIME.matcher(value).find();
            }
        }
        return host;
    }

    private static String literal(String pattern) {
        Matcher m = UTC_LITERAL.matcher(pattern);
        return m.find() ? m.group() : "'Z'";
    }
}
