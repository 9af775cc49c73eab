package kb.review.engine;

import static kb.review.engine.StrippedTimeouts.closing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A file that keeps its times in an explicit zone, and a line the change adds that makes one in the host's zone and
 * keeps, sends or prints it (TIME-01). The evidence that the zone matters is the file's own: a line the change leaves
 * or deletes already stamps a clock reading with {@code .UTC()}, gives a formatter {@code TimeZone.getTimeZone("UTC")},
 * uses {@code ZoneOffset.UTC}, and so on; the new line breaks that convention. Two shapes:
 * <ul>
 * <li>Go: {@code time.Now()} or an injected clock's {@code clock.Now()} (with at most {@code Add}, {@code AddDate}, {@code Truncate}, {@code Round} after it)
 * assigned to a field or a struct literal's key, or formatted with a layout that prints no offset; or assigned to a
 * local that a later visible line stores or formats, or whose own zone the change deleted from this statement. A local
 * the function times or compares ({@code time.Since}, {@code Sub}, {@code Before}...) is left alone, and so is a reading
 * taken as Unix seconds: a Go time compares and subtracts the same in any zone.</li>
 * <li>Java: a {@code SimpleDateFormat} or {@code FastDateFormat} built for a pattern with a time of day and no zone
 * field, that gets no zone on its line or through its variable. {@code DateTimeFormatter} is not read: it takes its
 * zone from the value it formats, so where the zone went missing is the value.</li>
 * </ul>
 */
final class ZoneConventionBreaks {

    static final String RULE = "time-zone-convention-broken";

    private static final Pattern GO_ZONED = Pattern.compile(
            "\\w*(?:UTC|Utc)\\w*\\(\\)|\\btime\\.UTC\\b|ParseInLocation|\\.In\\(\\s*[\\w.]*(?:UTC|[Ll]oc|[Zz]one|tz|TZ)");
    private static final Pattern JAVA_ZONED = Pattern.compile(
            "ZoneOffset\\.UTC|ZoneId\\.of\\s*\\(|TimeZone\\.getTimeZone\\s*\\(|Clock\\.systemUTC|withZoneUTC"
                    + "|DateTimeZone\\.UTC|\\.setTimeZone\\s*\\(|\\.withZone\\s*\\(");
    private static final Pattern DEFAULT_ZONE = Pattern.compile("systemDefault\\(\\)|getDefault\\(\\)");
    /** A clock reading: the standard library's, or an injected clock's or timer's. */
    private static final Pattern NOW = Pattern.compile("\\b(?:time|[\\w.]*?(?:[cC]lock|[tT]imer))\\.Now\\(\\)");
    /** Steps after {@code time.Now()} that keep it a point in time of the host's zone. */
    private static final Set<String> KEEPS_ZONE = Set.of("Add", "AddDate", "Truncate", "Round", "Format");
    private static final Pattern ASSIGNED = Pattern.compile("^\\s*([\\w.\\[\\]\"]+)\\s*(?::=|=)\\s*$");
    private static final Pattern KEYED = Pattern.compile("^\\s*\\w+\\s*:\\s*$");
    /** One chained call after a clock read; group 1 its name. */
    private static final Pattern STEP = Pattern.compile("\\.(\\w+)\\(");
    private static final Pattern REST = Pattern.compile("^\\s*[,;)}]?\\s*(?://.*)?$");
    /** Go layout constants that print no zone (http.TimeFormat writes "GMT" whatever the zone is). */
    private static final Set<String> ZONELESS_LAYOUTS = Set.of("time.DateTime", "time.DateOnly", "time.TimeOnly",
            "time.Kitchen", "time.Stamp", "time.StampMilli", "time.StampMicro", "time.StampNano", "time.ANSIC",
            "http.TimeFormat");
    private static final Pattern GO_OFFSET = Pattern.compile("Z07|-07|MST");
    private static final Pattern JAVA_FORMAT = Pattern.compile(
            "(new\\s+SimpleDateFormat|FastDateFormat\\s*\\.\\s*getInstance)\\s*\\(\\s*(\"(?:[^\"\\\\]|\\\\.)*\""
                    + "|[A-Za-z_$][\\w$.]*)");

    private ZoneConventionBreaks() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        boolean go = file.language() == Language.GO;
        if (!go && file.language() != Language.JAVA || file.path().endsWith("_test.go")) {
            return List.of();
        }
        String convention = convention(file, go ? GO_ZONED : JAVA_ZONED);
        if (convention == null) {
            return List.of();
        }
        List<Integer> breaks = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                if (l.kind() == DiffLine.Kind.ADDED && l.newLine() > 0 && !RegexDetector.isComment(l.text())
                        && (go ? goStamp(file, lines, i) : javaFormat(file, l.text()))) {
                    breaks.add(l.newLine());
                }
            }
        }
        if (breaks.isEmpty()) {
            return List.of();
        }
        // one break of the file's convention, reported once where it starts: the other lines are named in the text
        int at = breaks.get(0);
        String more = breaks.size() == 1 ? "" : " (so do lines " + breaks.subList(1, breaks.size()) + ")";
        Severity severity = catalog.item("TIME-01").map(Catalog.Item::severity).orElse(Severity.ADVICE);
        return List.of(new Finding(RULE, "TIME-01", severity, file.path(), at, 1, file.line(at).strip(),
                "This file keeps its times in an explicit zone (`" + convention + "`), but this line makes one in "
                        + "the zone of whatever host runs it and keeps, sends or prints it" + more + ": a server or "
                        + "device outside that zone writes it hours off the others. Give it the zone the file uses "
                        + "(UTC), or say why this one is local.",
                Finding.Confidence.HIGH, null, "kb", null));
    }

    /** The first line the change keeps or deletes that gives a time an explicit zone, or null. */
    private static String convention(SourceFile file, Pattern zoned) {
        for (Hunk h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                String t = l.text();
                if (l.kind() != DiffLine.Kind.ADDED && !RegexDetector.isComment(t) && zoned.matcher(t).find()
                        && !DEFAULT_ZONE.matcher(t).find()) {
                    return t.strip();
                }
            }
        }
        return null;
    }

    /** Go: true when the added line {@code lines.get(at)} stamps a host-zone clock reading that leaves the code. */
    private static boolean goStamp(SourceFile file, List<DiffLine> lines, int at) {
        String t = lines.get(at).text();
        Matcher now = NOW.matcher(t);
        while (now.find()) {
            int from = now.start();
            int end = now.end();
            String format = null;
            boolean ok = true;
            while (ok && end < t.length() && t.charAt(end) == '.') {
                Matcher step = STEP.matcher(t).region(end, t.length());
                int close = step.lookingAt() ? closing(t, step.end() - 1) : -1;
                ok = close > 0 && KEEPS_ZONE.contains(step.group(1));
                if (ok && step.group(1).equals("Format")) {
                    format = t.substring(step.end(), close).strip();
                }
                end = close + 1;
            }
            if (!ok || !REST.matcher(t.substring(end)).matches()) {
                continue; // compared, timed, taken as Unix seconds, zoned, or handed to a call
            }
            String before = t.substring(0, from);
            Matcher assigned = ASSIGNED.matcher(before);
            boolean keyed = KEYED.matcher(before).matches();
            if (!keyed && !assigned.matches()) {
                continue;
            }
            if (format != null) {
                if (printsNoOffset(file, format)) {
                    return true;
                }
                continue;
            }
            String target = keyed ? "" : assigned.group(1);
            if (keyed || !target.matches("[A-Za-z_]\\w*")) {
                return true; // a field or a literal's key: the value is kept
            }
            Boolean leaves = localLeaves(file, lines.get(at).newLine(), target);
            if (leaves != null && (leaves || zoneDeletedHere(lines, at, target))) {
                return true; // stored or formatted below, or the edit took its zone off; never a timed local
            }
        }
        return false;
    }

    /** True when the layout argument is a literal, a zoneless library constant or a file constant with no offset. */
    private static boolean printsNoOffset(SourceFile file, String layout) {
        if (ZONELESS_LAYOUTS.contains(layout)) {
            return true;
        }
        String text = layout.startsWith("\"") || layout.startsWith("`") ? layout
                : FormatDeclarations.constant(file, layout, FormatDeclarations.ANY_STRING);
        return text != null && (text.startsWith("\"") || text.startsWith("`")) && !GO_OFFSET.matcher(text).find();
    }

    /**
     * Whether a later line of the function stores, sends or formats the local {@code v}; null when one times or
     * compares it (a local used both ways is left alone, and so is a timed local whose zone the edit took off).
     */
    private static Boolean localLeaves(SourceFile file, int line, String v) {
        String q = Pattern.quote(v);
        Pattern timed = Pattern.compile("\\b(?:Since|Until)\\(\\s*" + q + "\\b|\\b" + q + "\\s*\\.\\s*(?:Sub|Before"
                + "|After|Equal|Compare|Unix\\w*|UTC|In)\\s*\\(|\\.(?:Sub|Before|After|Equal|Compare)\\(\\s*" + q + "\\b");
        Pattern leaves = Pattern.compile("\\.\\w+\\s*=\\s*&?" + q + "\\b|^\\s*\\w+\\s*:\\s*&?" + q + "\\s*[,}]|\\b" + q
                + "\\s*\\.\\s*(?:Format|AppendFormat|MarshalJSON)\\s*\\(|\\b(?:Exec|Query|QueryRow|Insert|Create|Save"
                + "|Update|Upsert|Put|Store|Write|Encode)\\w*\\s*\\([^)]*\\b" + q + "\\b");
        boolean out = false;
        for (int n = line + 1; n <= file.lineCount(); n++) {
            String l = file.line(n);
            if (l.startsWith("func ") || l.startsWith("}")) {
                break;
            }
            if (timed.matcher(l).find()) {
                return null;
            }
            out |= leaves.matcher(l).find();
        }
        return out;
    }

    /** True when the changed block deletes a line that gave {@code v} the same reading with a zone. */
    private static boolean zoneDeletedHere(List<DiffLine> lines, int at, String v) {
        Pattern old = Pattern.compile("^\\s*" + Pattern.quote(v) + "\\s*:?=.*\\.Now\\(\\).*(?:\\.UTC\\(\\)|\\.In\\()");
        for (DiffLine l : RemovedLine.changedBlock(lines, at)) {
            if (l.kind() == DiffLine.Kind.REMOVED && old.matcher(l.text()).find()) {
                return true;
            }
        }
        return false;
    }

    /** Java: true when the added line builds a legacy formatter of a time of day that gets no zone. */
    private static boolean javaFormat(SourceFile file, String text) {
        if (!text.contains("SimpleDateFormat") && !text.contains("FastDateFormat")) {
            return false;
        }
        Matcher m = JAVA_FORMAT.matcher(text);
        while (m.find()) {
            String pattern = m.group(2).startsWith("\"") ? m.group(2)
                    : FormatDeclarations.constant(file, m.group(2), FormatDeclarations.ANY_STRING);
            if (pattern == null || FormatDeclarations.ZONE_ON_LINE.matcher(text.substring(m.end())).find()) {
                continue;
            }
            String fields = pattern.replaceAll("'[^']*'", "");
            if (!fields.matches("(?s).*[HhKk].*") || fields.matches("(?s).*[XxZzOV].*") || pattern.contains("'Z'")) {
                continue; // a date alone, a pattern that prints its offset, or the 'Z' literal (UtcLiteralFormats)
            }
            Matcher held = FormatDeclarations.HELD_BY.matcher(text.substring(0, m.start()));
            if (held.find() && FormatDeclarations.zoneSet(file, held.group(1), "setTimeZone")) {
                continue;
            }
            return true;
        }
        return false;
    }
}
