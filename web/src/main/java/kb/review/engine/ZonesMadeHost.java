package kb.review.engine;

import static kb.review.engine.StrippedTimeouts.closing;
import static kb.review.engine.StrippedTimeouts.squeeze;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;
import kb.format.ChecklistItem.Severity;

/**
 * An edit in place that trades an explicit zone for the host's (TIME-01): a changed block whose deleted lines name a
 * zone other than the host's, and whose added lines read, parse, convert or format the same value in the host's zone
 * while naming no explicit zone themselves. {@link StrippedZones} reads the edit that is the old line less its zone;
 * this reads the rewrite, where the call shape changes with the zone:
 * <ul>
 * <li>Java, the zone before: {@code ZoneOffset.UTC} or {@code ZoneOffset.of...}, {@code ZoneId.of(..)},
 * {@code TimeZone.getTimeZone(..)}, Joda's {@code DateTimeZone.UTC}/{@code forID}, {@code Clock.systemUTC()},
 * {@code withZoneUTC()}, an instant or an ISO instant/offset formatter (an {@code Instant}'s text is UTC), a calendar
 * of a given zone ({@code Calendar.getInstance(zone)}); after: {@code ZoneId.systemDefault()},
 * {@code TimeZone.getDefault()}, {@code DateTimeZone.getDefault()}, {@code Clock.systemDefaultZone()}, a zoned
 * type's {@code now()} with no argument, Joda's {@code new DateTime()}, {@code Calendar.getInstance()},
 * {@code Timestamp.valueOf(..)} or {@code toLocalDateTime()} (the JVM's zone), a {@code SimpleDateFormat} whose
 * pattern has no zone field and that gets no zone in the block;</li>
 * <li>Go, before: {@code time.UTC}, {@code .UTC()}, {@code .In(loc)}, {@code time.LoadLocation}/{@code FixedZone},
 * a scheduler's {@code WithLocation(..)}; after: {@code time.Local} (a location handed to a call or kept decides the
 * instant) or {@code .Local()} on a time the diff then stores, formats or reads calendar fields of.</li>
 * </ul>
 * The two sides must be one edit: the added line shares a name with the deleted one that named the zone (the
 * variable, the call, the value). Silent when an added line of the block names an explicit zone (the zone was kept
 * or moved), on comments and imports, in tests and in user-interface files, where the host's zone is the reader's.
 */
final class ZonesMadeHost {

    static final String RULE = "zone-made-host";

    private static final Pattern JAVA_EXPLICIT = Pattern.compile(
            "\\bzone\\s*=\\s*\"[^\"]+\"|\\binTimeZone\\s*\\(|\\bZoneOffset\\s*\\.\\s*(?:UTC|of\\w*)\\b|\\bZoneId\\s*\\.\\s*of\\s*\\(|\\bTimeZone\\s*\\.\\s*getTimeZone\\s*\\("
                    + "|\\bDateTimeZone\\s*\\.\\s*(?:UTC|forID|forOffset\\w*|forTimeZone)\\b|\\bClock\\s*\\.\\s*systemUTC\\s*\\("
                    + "|\\bwithZoneUTC\\s*\\(|\\bISO_(?:INSTANT|OFFSET_DATE_TIME|ZONED_DATE_TIME|OFFSET_TIME)\\b"
                    + "|\\bRFC_1123_DATE_TIME\\b|\\bInstant\\b|\\bCalendar\\s*\\.\\s*getInstance\\s*\\(\\s*[^)\\s]");
    private static final Pattern GO_EXPLICIT = Pattern.compile(
            "\\btime\\.UTC\\b|\\.UTC\\(\\)|\\.In\\(\\s*(?!time\\.Local\\b)[^)\\s]|\\btime\\.(?:LoadLocation|FixedZone)\\s*\\("
                    + "|\\bWithLocation\\s*\\(\\s*(?!time\\.Local\\b)[^)\\s]");
    private static final Pattern JAVA_HOST = Pattern.compile(
            "\\bZoneId\\s*\\.\\s*systemDefault\\s*\\(\\s*\\)|\\bTimeZone\\s*\\.\\s*getDefault\\s*\\(\\s*\\)"
                    + "|\\bDateTimeZone\\s*\\.\\s*getDefault\\s*\\(\\s*\\)|\\bClock\\s*\\.\\s*systemDefaultZone\\s*\\("
                    + "|\\b(?:LocalDateTime|LocalDate|LocalTime|ZonedDateTime|OffsetDateTime|OffsetTime|DateTime)"
                    + "\\s*\\.\\s*now\\s*\\(\\s*\\)|\\bnew\\s+DateTime\\s*\\(\\s*\\)|\\bCalendar\\s*\\.\\s*getInstance\\s*\\(\\s*\\)"
                    + "|\\bnew\\s+GregorianCalendar\\s*\\(\\s*\\)|\\bTimestamp\\s*\\.\\s*valueOf\\s*\\("
                    + "|\\.\\s*toLocalDateTime\\s*\\(\\s*\\)");
    /** A {@code SimpleDateFormat} built for a literal pattern; group 1 the pattern. */
    private static final Pattern SIMPLE_FORMAT = Pattern.compile("\\bnew\\s+SimpleDateFormat\\s*\\(\\s*\"([^\"]*)\"");
    /**
     * A zone handed to a call as an option of its own, up to its opening parenthesis: Quartz's
     * {@code .inTimeZone(..)}, a last argument that is a zone ({@code new CronTrigger(expr, TimeZone.getTimeZone(..))}),
     * Go's {@code cron.WithLocation(loc)}. Cut from the deleted line, what is left is the call run in the host's zone.
     */
    private static final Pattern ZONE_OPTION = Pattern.compile("\\.\\s*inTimeZone\\s*\\("
            + "|,\\s*(?:TimeZone\\s*\\.\\s*getTimeZone|ZoneId\\s*\\.\\s*of|ZoneOffset\\s*\\.\\s*of\\w*)\\s*\\("
            + "|\\b(?:\\w+\\.)?WithLocation\\s*\\(");
    /** A scheduling annotation's zone attribute ({@code @Scheduled(cron = "..", zone = "Europe/Berlin")}). */
    private static final Pattern ZONE_ATTRIBUTE = Pattern.compile(
            ",\\s*zone\\s*=\\s*(?:\"[^\"]*\"|[\\w.]+)|\\bzone\\s*=\\s*(?:\"[^\"]*\"|[\\w.]+)\\s*,\\s*");
    /**
     * The host's wall clock read and turned straight back into an instant through the host's zone: the same instant
     * as before, whatever the zone ({@code LocalDateTime.now()...atZone(ZoneId.systemDefault()).toInstant()},
     * {@code Timestamp.valueOf(LocalDateTime.now())}).
     */
    private static final Pattern CLOCK_READ_BACK = Pattern.compile(
            "(?s)\\bLocalDateTime\\s*\\.\\s*now\\s*\\(\\s*\\).*\\.atZone\\s*\\(\\s*ZoneId\\s*\\.\\s*systemDefault\\s*\\(\\s*\\)\\s*\\)"
                    + "\\s*\\.\\s*(?:toInstant|toEpochSecond)\\s*\\(|\\bTimestamp\\s*\\.\\s*valueOf\\s*\\(\\s*LocalDateTime\\s*\\.\\s*now\\s*\\(\\s*\\)\\s*\\)");
    /** A calendar of a given zone handed to a call (a JDBC setter's or getter's): given up, the zone is lost whatever the value. */
    private static final Pattern ZONED_CALENDAR = Pattern.compile("\\bCalendar\\s*\\.\\s*getInstance\\s*\\(\\s*[^)\\s]");
    private static final Pattern GO_HOST_LOCATION = Pattern.compile("\\btime\\.Local\\b");
    private static final Pattern GO_LOCAL_CALL = Pattern.compile("\\.Local\\(\\)");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_$][\\w$]*");
    /** Words two lines of any edit share: keywords, and the vocabulary of zones and time types themselves. */
    private static final Set<String> COMMON = Set.of("return", "final", "static", "private", "public", "protected",
            "this", "new", "var", "String", "Object", "func", "err", "nil", "time", "Time", "Date", "Instant", "Zone",
            "ZoneId", "ZoneOffset", "TimeZone", "DateTimeZone", "Clock", "UTC", "Local", "LocalDateTime", "LocalDate",
            "now", "systemDefault", "getDefault", "getInstance", "Calendar", "DateTime", "Timestamp", "valueOf", "int",
            "long", "toString", "format", "Format", "parse", "Parse", "get", "set", "toInstant", "atZone", "atOffset",
            "of", "and", "the", "for", "not", "null", "if", "in", "is", "to", "do", "ok", "go", "_");

    private ZonesMadeHost() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        Language language = file.language();
        if (language != Language.JAVA && language != Language.GO || TestCode.isTest(file)) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            for (List<DiffLine> block : RemovedLine.changedBlocks(h)) {
                DiffLine at = hostLine(file, block, language);
                if (at == null) {
                    continue;
                }
                if (language == Language.JAVA && InstantsMadeWallClock.userInterface(file)) {
                    return List.of();
                }
                Severity severity = catalog.item("TIME-01").map(Catalog.Item::severity).orElse(Severity.ADVICE);
                out.add(new Finding(RULE, "TIME-01", severity, file.path(), at.newLine(), 1, at.text().strip(),
                        "The change rewrites this time in the host's zone where the old code named its zone: the "
                                + "value is now read, converted or printed in whatever zone the server runs in, so a "
                                + "host elsewhere (or one whose zone moves for daylight saving) stores, compares or "
                                + "shows it hours off. Keep the zone the data belongs to (UTC, or the configured "
                                + "zone), and convert to the viewer's zone only for display.",
                        Finding.Confidence.HIGH, null, "kb", null));
            }
        }
        return out;
    }

    /** The added line of {@code block} that takes the host's zone where a deleted line of it named one, or null. */
    private static DiffLine hostLine(SourceFile file, List<DiffLine> block, Language language) {
        Pattern explicit = language == Language.JAVA ? JAVA_EXPLICIT : GO_EXPLICIT;
        List<DiffLine> named = new ArrayList<>();
        for (DiffLine l : block) {
            if (l.kind() == DiffLine.Kind.REMOVED && code(l.text()) && explicit.matcher(l.text()).find()) {
                named.add(l);
            }
        }
        if (named.isEmpty()) {
            return null;
        }
        for (DiffLine l : block) {
            String t = l.text();
            if (l.kind() == DiffLine.Kind.ADDED && code(t) && (explicit.matcher(language == Language.JAVA ? t
                    : GO_HOST_LOCATION.matcher(t).replaceAll("")).find() || t.contains("setTimeZone"))) {
                return null; // the block keeps or moves an explicit zone
            }
        }
        for (DiffLine n : named) {
            String less = lessZoneOption(n.text());
            for (DiffLine l : block) {
                if (less != null && l.kind() == DiffLine.Kind.ADDED && l.newLine() > 0 && squeeze(l.text()).equals(less)) {
                    return l; // the same call, less the zone it was given
                }
            }
        }
        StringBuilder added = new StringBuilder();
        for (DiffLine l : block) {
            if (l.kind() == DiffLine.Kind.ADDED) {
                added.append(l.text()).append('\n');
            }
        }
        if (named.stream().noneMatch(n -> shareName(n.text(), added.toString()))) {
            return null; // not one edit: the added lines keep nothing of the old one
        }
        if (CLOCK_READ_BACK.matcher(added).find() && named.stream().noneMatch(n -> ZONED_CALENDAR.matcher(n.text()).find())) {
            return null; // the clock read in the host's zone and turned back through it: the same instant
        }
        DiffLine host = null;
        for (DiffLine l : block) {
            if (host == null && l.kind() == DiffLine.Kind.ADDED && l.newLine() > 0 && code(l.text())
                    && hosted(file, l, language)) {
                host = l;
            }
        }
        return host;
    }

    /** {@code line} squeezed, less the first zone option or attribute it passes, or null when it passes none. */
    static String lessZoneOption(String line) {
        Matcher attribute = ZONE_ATTRIBUTE.matcher(line);
        if (attribute.find()) {
            return squeeze(line.substring(0, attribute.start()) + line.substring(attribute.end()));
        }
        Matcher option = ZONE_OPTION.matcher(line);
        if (!option.find()) {
            return null;
        }
        int close = closing(line, option.end() - 1);
        if (close < 0) {
            return null;
        }
        int from = option.start();
        int to = close + 1;
        String rest = line.substring(to);
        if (line.charAt(from) != ',' && rest.stripLeading().startsWith(",")) {
            to += rest.indexOf(',') + 1; // the first of several options: its comma goes with it
        } else if (line.charAt(from) != ',' && line.charAt(from) != '.') {
            int comma = line.lastIndexOf(',', from);
            if (comma >= 0 && line.substring(comma + 1, from).isBlank()) {
                from = comma; // the last of several options
            }
        }
        return squeeze(line.substring(0, from) + line.substring(to));
    }

    private static boolean hosted(SourceFile file, DiffLine l, Language language) {
        String t = l.text();
        if (language == Language.GO) {
            if (GO_HOST_LOCATION.matcher(t).find()) {
                return true;
            }
            return GO_LOCAL_CALL.matcher(t).find() && GoZoneCrossings.crosses(file, l);
        }
        if (JAVA_HOST.matcher(t).find()) {
            return true;
        }
        Matcher f = SIMPLE_FORMAT.matcher(t);
        return f.find() && !zoneField(f.group(1));
    }

    /** True when a date pattern prints or parses a zone or offset (a letter z, Z, X or O outside quotes). */
    private static boolean zoneField(String pattern) {
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == 'z' || c == 'Z' || c == 'X' || c == 'x' || c == 'O')) {
                return true;
            }
        }
        return false;
    }

    private static boolean shareName(String a, String b) {
        Set<String> words = new java.util.HashSet<>();
        Matcher m = WORD.matcher(a);
        while (m.find()) {
            if (!COMMON.contains(m.group())) {
                words.add(m.group());
            }
        }
        Matcher n = WORD.matcher(b);
        while (n.find()) {
            if (words.contains(n.group())) {
                return true;
            }
        }
        return false;
    }

    private static boolean code(String line) {
        String t = line.strip();
        return !t.isEmpty() && !RegexDetector.isComment(line) && !t.startsWith("import ") && !t.startsWith("*");
    }
}
