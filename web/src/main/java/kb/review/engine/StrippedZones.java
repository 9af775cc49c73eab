package kb.review.engine;

import static kb.review.engine.StrippedTimeouts.closing;
import static kb.review.engine.StrippedTimeouts.squeeze;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A change that takes the explicit zone off a time it keeps computing: TIME-01 asks that stored, compared and sent
 * times carry their zone, and the deleted zone is the code's own word that this one did. Three shapes, one reading:
 * <ul>
 * <li>a Java statement {@code fmt.setTimeZone(utc);} (or a formatter chain's {@code .withZone(zone)} step) deleted
 * from between lines that stay: the formatter now reads and writes the JVM's zone. Reported at the line that builds
 * the formatter when the hunk shows it, else below the deletion;</li>
 * <li>a Java line edited in place to drop a zone argument or link ({@code ZonedDateTime.now(zone)} becoming
 * {@code ZonedDateTime.now()}, {@code Calendar.getInstance(utc)}, {@code .withZone(...)},
 * {@code .withZoneSameInstant(...)}), or the calendar of a JDBC call ({@code setTimestamp(i, ts, utc)} becoming
 * {@code setTimestamp(i, ts)}, which converts in the JVM's zone): the value is now in the server's zone;</li>
 * <li>a Go line edited to drop {@code .UTC()} or {@code .In(loc)}, or {@code time.ParseInLocation(l, s, loc)} become
 * {@code time.Parse(l, s)}, when the time then crosses a boundary the diff shows: stored in a field or a struct
 * literal, formatted as text (on the line itself too, whatever the new layout), or handed to a store call. A Go
 * {@code time.Time} compares and subtracts the same in any zone, so a time only compared, or timed with
 * {@code time.Since}, is not reported. A parse that loses its location is reported without a use: the location
 * decides the instant (and a zone abbreviation's meaning), not only how it prints.</li>
 * </ul>
 * Silent when the zone given was the default anyway ({@code TimeZone.getDefault()}, {@code ZoneId.systemDefault()},
 * {@code time.Local}), when the old line less the zone differs in anything else from the new one (a rewrite), and
 * when an added line of the change names a zone (it moved; an import, or the host's own zone, names none).
 */
final class StrippedZones {

    static final String RULE = "stripped-time-zone";

    /** A deleted zone setter statement; group 1 the formatter, group 2 the zone. */
    static final Pattern SETTER = Pattern.compile(
            "^\\s*(?:this\\.)?([A-Za-z_$][\\w$]*)\\s*\\.\\s*setTimeZone\\s*\\((.+)\\)\\s*;\\s*(?://.*)?$");
    /** A deleted chain step that gives a formatter its zone; group 1 the zone (empty for Joda's withZoneUTC()). */
    static final Pattern STEP = Pattern.compile(
            "^\\s*\\.\\s*(?:withZone|withZoneUTC)\\s*\\((.*)\\)\\s*;?\\s*(?://.*)?$");
    /** Java links and arguments that carry a zone. */
    private static final Pattern JAVA_LINK = Pattern.compile(
            "\\.\\s*(withZone|withZoneSameInstant|withZoneUTC|withTimeZone)\\s*\\(");
    private static final Pattern JAVA_ARG = Pattern.compile(
            "\\b(?:ZonedDateTime|OffsetDateTime|LocalDateTime|LocalDate|LocalTime|Calendar|GregorianCalendar|DateTime)"
                    + "\\s*\\.\\s*(now|getInstance)\\s*\\(");
    /**
     * A JDBC date-time setter or getter, whose last argument (when given) is the calendar that decides the zone the
     * database's zoneless column is read and written in; group 1 says which.
     */
    private static final Pattern JDBC_CALENDAR = Pattern.compile("\\.\\s*(set|get)(?:Timestamp|Date|Time)\\s*\\(");
    /** The first argument of a JDBC call: a parameter index or column label, not a value computed by a call. */
    private static final Pattern JDBC_COLUMN = Pattern.compile(
            "\\s*(?:\\d+|\"[^\"]*\"|(?:\\+\\+)?[A-Za-z_$][\\w$]*(?:\\+\\+|\\s*[+-]\\s*[\\w$]+)?)\\s*");
    /** A calendar in the JVM's own zone: handing it over says nothing the two-argument call does not. */
    private static final Pattern DEFAULT_CALENDAR = Pattern.compile(
            "^\\s*(?:Calendar\\s*\\.\\s*getInstance|new\\s+GregorianCalendar)\\s*\\(\\s*\\)\\s*$");
    /** Go links that set a zone, and ParseInLocation. */
    private static final Pattern GO_LINK = Pattern.compile("\\.\\s*(UTC|In)\\s*\\(");
    private static final Pattern GO_PARSE_IN = Pattern.compile("\\btime\\.ParseInLocation\\s*\\(");
    /** A Go Format call with a literal or named layout (in a squeezed line). */
    private static final Pattern FORMAT_LAYOUT = Pattern.compile("\\.Format\\((?:\"[^\"]*\"|`[^`]*`|[\\w.]+)\\)");
    private static final Pattern DEFAULT_ZONE = Pattern.compile(
            "getDefault\\(\\)|systemDefault\\(\\)|\\btime\\.Local\\b|^\\s*Local\\s*$|^\\s*$");
    private static final Pattern ZONE_LIKE = Pattern.compile("(?i)zone|utc|gmt|offset|tz|loc");
    /** A lock or clock, whose {@code loc} is no location. */
    private static final Pattern LOCK = Pattern.compile("(?i)lock");
    /** A conditional zone expression; groups 1 and 2 its branches. */
    private static final Pattern CONDITIONAL = Pattern.compile("^[^?:]*\\?([^?:]*):([^?:]*)$");
    private static final Pattern COMMENT = Pattern.compile("^\\s*(?://.*|/?\\*.*|\\*/)?$");
    /** An added line that names a zone: the zone moved, it did not go. */
    static final Pattern NAMES_ZONE = Pattern.compile(
            "(?i)time_?zone(?!\\.getDefault\\(\\))|ZoneId(?!\\.systemDefault\\(\\))|ZoneOffset|withZone|\\.UTC\\("
                    + "|\\btime\\.UTC\\b|\\.In\\(|InLocation|DateTimeZone");
    /** A Java link or argument that gives the host's own zone: what it names is the default, not a zone that moved. */
    private static final Pattern HOST_LINK = Pattern.compile("\\.\\s*(?:withZone|withZoneSameInstant|setTimeZone"
            + "|atZone)\\s*\\(\\s*(?:ZoneId\\.systemDefault\\(\\)|TimeZone\\.getDefault\\(\\))\\s*\\)");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s");
    /** The words of a Go call that takes a location, dropped from a line whose location is the host's. */
    private static final Pattern HOST_LOCATED = Pattern.compile("InLocation|\\.In\\(");
    /** The whole of a zone expression that means the host's own zone. */
    private static final Pattern HOST_ZONE = Pattern.compile(
            "\\s*(?:time\\.Local|ZoneId\\.systemDefault\\(\\)|TimeZone\\.getDefault\\(\\))\\s*");
    /** Go calls whose location argument decides the instant, not only how it prints. */
    private static final Pattern GO_WALL_CLOCK = Pattern.compile("\\btime\\.(?:Date|ParseInLocation)\\s*\\(");

    private StrippedZones() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        if (file.language() != Language.JAVA && file.language() != Language.GO) {
            return List.of();
        }
        List<RemovedLine> removed = RemovedLine.of(file);
        if (removed.isEmpty()) {
            return List.of();
        }
        Set<String> kept = KeptZoneWords.of(file);
        if (allAdded.all().stream().anyMatch(a -> namesZone(a) && !kept.contains(a))) {
            return List.of();
        }
        Severity severity = catalog.item("TIME-01").map(Catalog.Item::severity).orElse(Severity.ADVICE);
        List<Finding> out = new ArrayList<>();
        for (RemovedLine r : removed) {
            String old = r.line().text();
            if (!old.contains("one") && !old.contains("UTC") && !old.contains(".In(")
                    && !old.contains("InLocation") && !old.contains("loc") && !old.contains("Loc")
                    && !old.contains("Timestamp(") && !old.contains("Date(") && !old.contains("Time(")) {
                continue; // the cheap pre-check: no zone word on the deleted line
            }
            int line = file.language() == Language.JAVA ? deletedSetter(r) : 0;
            boolean parse = false;
            if (line == 0) {
                DiffLine now = stripped(r, file.language());
                if (now == null) {
                    now = hostZoned(r);
                }
                parse = now != null && GO_PARSE_IN.matcher(old).find() && !GO_PARSE_IN.matcher(now.text()).find();
                line = now == null || file.language() == Language.GO && !GO_WALL_CLOCK.matcher(now.text()).find()
                        && !parse && !GoZoneCrossings.crosses(file, now) ? 0 : now.newLine();
            }
            final int at = line;
            if (at > 0 && out.stream().noneMatch(f -> f.line() == at)) {
                out.add(new Finding(RULE, "TIME-01", severity, file.path(), at, 1, file.line(at).strip(),
                        parse ? "The change parses this text without the zone the old line named (`" + old.strip()
                                + "` before): time.Parse takes a text with no offset as UTC and a zone abbreviation "
                                + "in the host's zone, so the instant now rests on a default, not on the zone the "
                                + "text was written in. Keep ParseInLocation with the zone the data belongs to."
                                : "The change takes the explicit zone off this time (`" + old.strip() + "` before): "
                                + "it is now read, written or computed in the zone of whatever host runs it, so a "
                                + "server or device outside that zone stores, compares or sends it hours off. Keep "
                                + "the zone (UTC or the zone the data belongs to), or say where it moved.",
                        Finding.Confidence.HIGH, null, "kb", null));
            }
        }
        return out;
    }

    /**
     * The line to report for a deleted zone setter or chain step between kept lines, 0 when {@code r} is none: the
     * kept line above that builds the formatter, the chain's head, or the line below the deletion.
     */
    private static int deletedSetter(RemovedLine r) {
        String text = r.line().text();
        Matcher set = SETTER.matcher(text);
        Matcher step = STEP.matcher(text);
        String zone = set.matches() ? set.group(2) : step.matches() ? step.group(1) : null;
        if (zone == null || !text.contains("withZoneUTC") && hostOnly(zone)) {
            return 0;
        }
        List<DiffLine> lines = r.lines();
        int from = r.index();
        while (from > 0 && lines.get(from - 1).kind() == DiffLine.Kind.REMOVED) {
            from--;
        }
        int to = r.index();
        while (to + 1 < lines.size() && lines.get(to + 1).kind() == DiffLine.Kind.REMOVED) {
            to++;
        }
        if (from == 0 || to + 1 >= lines.size() || lines.get(from - 1).kind() != DiffLine.Kind.CONTEXT
                || lines.get(to + 1).kind() != DiffLine.Kind.CONTEXT) {
            return 0; // a rewrite, or a deletion at the edge of what the hunk shows
        }
        for (int j = from; j <= to; j++) {
            String t = lines.get(j).text();
            if (!COMMENT.matcher(t).matches() && !SETTER.matcher(t).matches() && !STEP.matcher(t).matches()) {
                return 0; // the deletion does more than drop a zone
            }
        }
        if (step.matches()) {
            return DeletedTimeoutSetters.chainHead(lines, from - 1);
        }
        Pattern built = Pattern.compile("\\b" + Pattern.quote(set.group(1)) + "\\s*=[^=]");
        for (int j = from - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && built.matcher(l.text()).find()) {
                return l.newLine();
            }
        }
        return lines.get(to + 1).newLine();
    }

    /** The added line of the same changed block that reads as the deleted one less a zone argument or link. */
    private static DiffLine stripped(RemovedLine r, Language language) {
        String old = r.line().text();
        List<String> variants = new ArrayList<>();
        if (language == Language.JAVA) {
            cutLinks(old, JAVA_LINK, variants);
            Matcher arg = JAVA_ARG.matcher(old);
            while (arg.find()) {
                int close = closing(old, arg.end() - 1);
                String zone = close > 0 ? old.substring(arg.end(), close) : "";
                if (close > 0 && zoneGiven(zone)) {
                    variants.add(squeeze(old.substring(0, arg.end()) + old.substring(close)));
                }
            }
            cutCalendars(old, variants);
        } else {
            cutLinks(old, GO_LINK, variants);
            Matcher parse = GO_PARSE_IN.matcher(old);
            while (parse.find()) {
                int close = closing(old, parse.end() - 1);
                int comma = close > 0 ? old.lastIndexOf(',', close) : -1;
                if (comma > parse.end() && zoneGiven(old.substring(comma + 1, close))) {
                    variants.add(squeeze(old.substring(0, parse.start()) + "time.Parse("
                            + old.substring(parse.end(), comma) + old.substring(close)));
                }
            }
        }
        List<String> blind = variants.stream().map(StrippedZones::layoutBlind).toList();
        for (DiffLine l : RemovedLine.changedBlock(r.lines(), r.index())) {
            String added = squeeze(l.text());
            if (l.kind() == DiffLine.Kind.ADDED && l.newLine() > 0 && (variants.contains(added)
                    || language == Language.GO && blind.contains(layoutBlind(added)))) {
                return l;
            }
        }
        return null;
    }

    /**
     * Go: the line with the layout of each {@code Format} call blanked. An edit that drops {@code .UTC()} and changes
     * the layout in the same stroke ({@code .UTC().Format(time.RFC3339)} become {@code .Format("2006-01-02T15:04")})
     * still takes the zone off the text it writes; the new layout only decides whether the offset shows.
     */
    private static String layoutBlind(String squeezed) {
        return FORMAT_LAYOUT.matcher(squeezed).replaceAll(".Format(_)");
    }

    /**
     * The added line of the same changed block that reads as the deleted one with its explicit zone replaced by the
     * host's ({@code time.UTC} or {@code loc} become {@code time.Local}, {@code ZoneOffset.UTC} becomes
     * {@code ZoneId.systemDefault()}), or null. In Go such a replacement in {@code time.Date} or
     * {@code time.ParseInLocation} moves the instant itself; elsewhere the time must still be seen to leave.
     */
    private static DiffLine hostZoned(RemovedLine r) {
        String old = squeeze(r.line().text());
        for (DiffLine l : RemovedLine.changedBlock(r.lines(), r.index())) {
            if (l.kind() != DiffLine.Kind.ADDED || l.newLine() <= 0) {
                continue;
            }
            String now = squeeze(l.text());
            int head = 0;
            while (head < old.length() && head < now.length() && old.charAt(head) == now.charAt(head)) {
                head++;
            }
            int tail = 0;
            while (tail < old.length() - head && tail < now.length() - head
                    && old.charAt(old.length() - 1 - tail) == now.charAt(now.length() - 1 - tail)) {
                tail++;
            }
            // back to the start of the argument, so that "time.UTC" against "time.Local" compares whole names
            while (head > 0 && (Character.isLetterOrDigit(old.charAt(head - 1)) || old.charAt(head - 1) == '.'
                    || old.charAt(head - 1) == '_')) {
                head--;
            }
            // a common closing parenthesis belongs to the new call ("getTimeZone(\"UTC\")" against "getDefault()")
            while (tail > 0 && opensMore(now.substring(head, now.length() - tail))) {
                tail--;
            }
            String was = old.substring(head, old.length() - tail);
            String is = now.substring(head, now.length() - tail);
            if (HOST_ZONE.matcher(is).matches() && zoneGiven(was) && was.matches("[\\w.()\"]+")) {
                return l;
            }
        }
        return null;
    }

    /**
     * Adds {@code line} less the calendar argument of each JDBC call that passes one ({@code setTimestamp(i, ts, cal)},
     * {@code getTimestamp(col, cal)}): without it the driver converts in the JVM's zone. Whatever the calendar's name,
     * the JDBC signature says what it is; a calendar of the default zone is no zone given.
     */
    private static void cutCalendars(String line, List<String> out) {
        Matcher call = JDBC_CALENDAR.matcher(line);
        while (call.find()) {
            int close = closing(line, call.end() - 1);
            if (close < 0) {
                continue;
            }
            List<Integer> commas = new ArrayList<>();
            int depth = 0;
            for (int i = call.end(); i < close; i++) {
                char c = line.charAt(i);
                depth += c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
                if (c == ',' && depth == 0) {
                    commas.add(i);
                }
            }
            int args = commas.size() + 1;
            if (args == (call.group(1).equals("set") ? 3 : 2)
                    && JDBC_COLUMN.matcher(line.substring(call.end(), commas.get(0))).matches()) {
                int last = commas.get(commas.size() - 1);
                if (!DEFAULT_CALENDAR.matcher(line.substring(last + 1, close)).matches()) {
                    out.add(squeeze(line.substring(0, last) + line.substring(close)));
                }
            }
        }
    }

    private static boolean opensMore(String s) {
        return s.chars().filter(c -> c == '(').count() > s.chars().filter(c -> c == ')').count();
    }

    /** Adds {@code line} less each zone link {@code links} finds whose argument is a zone other than the default. */
    private static void cutLinks(String line, Pattern links, List<String> out) {
        Matcher link = links.matcher(line);
        while (link.find()) {
            int close = closing(line, link.end() - 1);
            if (close < 0) {
                continue;
            }
            String zone = line.substring(link.end(), close);
            boolean bare = link.group(1).equals("UTC") || link.group(1).equals("withZoneUTC");
            if (bare ? zone.isBlank() : zoneGiven(zone)) {
                out.add(squeeze(line.substring(0, link.start()) + line.substring(close + 1)));
            }
        }
    }

    /**
     * True when the added line names an explicit zone. A call given the host's zone ({@code
     * time.ParseInLocation(l, s, time.Local)}, {@code t.In(time.Local)}, {@code .withZone(ZoneId.systemDefault())})
     * names none, nor does an import: it is the edit this reads, not a zone that moved.
     */
    private static boolean namesZone(String added) {
        if (IMPORT.matcher(added).find()) {
            return false; // an import names a type, not the zone of a value
        }
        String t = added.contains("time.Local")
                ? HOST_LOCATED.matcher(added.replace("time.Local", "")).replaceAll("") : added;
        return NAMES_ZONE.matcher(HOST_LINK.matcher(t).replaceAll("")).find();
    }

    /**
     * True when {@code arg} names a zone other than the host's. A clock is no zone ({@code loc} is a Go location, but
     * {@code clock} or {@code lock} is not), yet a clock given a zone ({@code clock.withZone(ZoneOffset.UTC)}) is one.
     */
    private static boolean zoneGiven(String arg) {
        return !hostOnly(arg) && ZONE_LIKE.matcher(LOCK.matcher(arg).replaceAll("")).find();
    }

    /**
     * True when every zone {@code zone} can be is the host's: the expression itself, or each branch of a conditional
     * ({@code utc ? TimeZone.getTimeZone("UTC") : TimeZone.getDefault()} names UTC on one branch, so it is a zone
     * given: a setting that chose UTC is lost with it).
     */
    private static boolean hostOnly(String zone) {
        Matcher branches = CONDITIONAL.matcher(zone);
        if (branches.matches()) {
            return DEFAULT_ZONE.matcher(branches.group(1)).find() && DEFAULT_ZONE.matcher(branches.group(2)).find();
        }
        return DEFAULT_ZONE.matcher(zone).find();
    }
}
