package kb.review.engine;

import static kb.review.engine.StrippedTimeouts.closing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * Java: a line the change adds that reads the clock in the host's zone without naming it and puts the reading to a
 * use whose answer depends on that zone (TIME-01). The readings: {@code LocalDate.now()}, {@code LocalDateTime.now()},
 * {@code LocalTime.now()} with no zone or clock, Joda's {@code DateTime.now()}, {@code new DateTime()} and
 * {@code new DateTime(millis)}. The uses: a comparison with another time ({@code isBefore}, {@code isAfter},
 * {@code compareTo}, {@code ChronoUnit.DAYS.between}), which is a stored, parsed or remote time's (an expiry, a
 * feed's end date, a last refresh); keeping it (a field, a map entry, a setter) where another host or a later run reads
 * it; or, for Joda, cutting the instant to a calendar unit ({@code hourOfDay().roundFloorCopy()},
 * {@code withTimeAtStartOfDay()}), whose bucket moves with the host's offset. The use may be in the statement or in a
 * later line of the method through the local the reading is kept in (a {@code format}ted stamp too). Nothing in the
 * value says which zone it was read in, so a server in another zone, or one whose zone changes for daylight saving,
 * gets another day or hour. Silent when the reading is only logged or printed or passed on to a call (the callee's
 * business), when it is turned into an instant straight away ({@link WallClockInstants} reads a wrong zone there),
 * in user-interface files (a person's own wall clock is the point) and in tests.
 */
final class HostZoneReadings {

    static final String RULE = "host-zone-clock-reading-compared-or-kept";

    /** A clock reading in the host's zone; a Joda constructor's arguments are checked after the match. */
    private static final Pattern READ = Pattern.compile("\\bLocal(?:Date|DateTime|Time)\\s*\\.\\s*now\\s*\\(\\s*\\)"
            + "|(?<![\\w.])DateTime\\s*\\.\\s*now\\s*\\(\\s*\\)|\\bnew\\s+DateTime\\s*\\(");
    /** A constructor argument that gives Joda's DateTime its zone or chronology, or fields of a date. */
    private static final Pattern ZONED_ARGUMENT = Pattern.compile("[Zz]one|Chronology|ISO|UTC|,");
    /** One call of a chain; group 1 its name. */
    private static final Pattern STEP = Pattern.compile("\\s*\\.\\s*(\\w+)\\s*\\(");
    /** Steps that keep the value a reading of the same wall clock. */
    private static final Pattern WALL_STEP = Pattern.compile(
            "plus\\w*|minus\\w*|with(?!Zone)\\w*|truncatedTo|toLocalDate|toLocalTime|toLocalDateTime|atStartOfDay");
    private static final Pattern COMPARE_STEP = Pattern.compile("isBefore|isAfter|isEqual|compareTo|until");
    /** Joda: a date-time field's property, whose rounding cuts the instant at the host zone's hour or day. */
    private static final Pattern JODA_PROPERTY = Pattern.compile("\\w+Of\\w+|year|era|centuryOfEra");
    private static final Pattern JODA_BUCKET = Pattern.compile("round\\w*Copy|withTimeAtStartOfDay|toLocalDate\\w*");
    /** Steps after which the value is the wall clock's text. */
    private static final Pattern TEXT_STEP = Pattern.compile("format|toString");

    /** The text before the reading that makes it an argument of a comparison. */
    private static final Pattern COMPARED_ARGUMENT = Pattern.compile(
            "\\.\\s*(?:isBefore|isAfter|isEqual|compareTo)\\s*\\(\\s*$|\\bbetween\\s*\\([^;]*$");
    /** The text before the reading that keeps it: a map entry, a setter, a field, a field's initializer. */
    private static final Pattern KEPT = Pattern.compile("\\.\\s*put\\s*\\([^;]*,\\s*$|\\.\\s*set[A-Z]\\w*\\s*\\(\\s*$"
            + "|^\\s*this\\.\\w+\\s*=\\s*$|^\\s*(?:private|protected|public)\\b[^=(]*=\\s*$");
    /** A local declared for the reading: {@code LocalDate today = }; group 1 its name. */
    private static final Pattern LOCAL = Pattern.compile(
            "^\\s*(?:final\\s+)?(?:[A-Z]\\w*|var)\\s+([a-z_$][\\w$]*)\\s*=\\s*$");
    /** A bare name assigned: a field when the file declares it so; group 1 the name. */
    private static final Pattern ASSIGNED = Pattern.compile("^\\s*([a-z_$][\\w$]*)\\s*=\\s*$");

    private HostZoneReadings() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.JAVA || TestCode.isTest(file) || !file.text().contains("now()")
                && !file.text().contains("new DateTime(") || InstantsMadeWallClock.userInterface(file)) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (int n = 1; n <= file.lineCount(); n++) {
            String text = file.line(n);
            if (!file.added(n) || !text.contains("now(") && !text.contains("DateTime(")
                    || RegexDetector.isComment(text) || JavaRemovedErrorHandling.LOG.matcher(text.strip()).find()) {
                continue;
            }
            String statement = WallClockInstants.withContinuations(file, n);
            Matcher read = READ.matcher(statement);
            while (read.find()) {
                String use = use(file, n, statement, read);
                if (use != null) {
                    Severity severity = catalog.item("TIME-01").map(Catalog.Item::severity).orElse(Severity.ADVICE);
                    out.add(new Finding(RULE, "TIME-01", severity, file.path(), n, 1, text.strip(),
                            "This reads the clock in the host's zone (no zone or clock is given) and " + use + ": "
                                    + "nothing in the value says which zone it was read in, so a server in another "
                                    + "zone, or one whose offset changes for daylight saving, gets another day or "
                                    + "hour. Read it in the zone the value belongs to (now(ZoneOffset.UTC), "
                                    + "now(clock), an agency's or user's ZoneId), or keep an Instant.",
                            Finding.Confidence.HIGH, null, "kb", null));
                    break;
                }
            }
        }
        return out;
    }

    /** What the reading is used for, in words, when the use depends on the zone; null otherwise. */
    private static String use(SourceFile file, int n, String statement, Matcher read) {
        int end = read.end();
        boolean joda = !statement.startsWith("Local", read.start());
        if (statement.startsWith("new", read.start())) {
            int close = closing(statement, end - 1);
            if (close < 0 || ZONED_ARGUMENT.matcher(statement.substring(end, close)).find()) {
                return null;
            }
            end = close + 1;
        }
        // the chain after the reading
        boolean text = false;
        boolean property = false;
        int at = end;
        while (true) {
            Matcher step = STEP.matcher(statement).region(at, statement.length());
            if (!step.lookingAt()) {
                break;
            }
            String name = step.group(1);
            if (!joda && COMPARE_STEP.matcher(name).matches()) {
                return "compares it with another time";
            }
            if (joda && (JODA_BUCKET.matcher(name).matches() || property && name.startsWith("round"))) {
                return "cuts it to the host zone's hour or day";
            }
            property = joda && JODA_PROPERTY.matcher(name).matches();
            text = TEXT_STEP.matcher(name).matches();
            if (!property && !text && !WALL_STEP.matcher(name).matches()) {
                return null; // turned into something else: an instant, a number, a call's argument
            }
            int close = closing(statement, step.end() - 1);
            if (close < 0) {
                return null;
            }
            at = close + 1;
        }
        if (joda) {
            return null; // a Joda DateTime is an instant with its zone: compared or kept, it stays the same instant
        }
        String before = statement.substring(0, read.start());
        if (!text && COMPARED_ARGUMENT.matcher(before).find()) {
            return "compares another time with it";
        }
        if (KEPT.matcher(before).find()) {
            return "keeps it";
        }
        Matcher assigned = ASSIGNED.matcher(before);
        if (assigned.find() && declaresField(file, assigned.group(1))) {
            return "keeps it in a field";
        }
        Matcher local = LOCAL.matcher(before);
        return local.find() ? laterUse(file, n, local.group(1), text) : null;
    }

    /** True when a line of the file declares {@code name} as a field (with an access modifier). */
    private static boolean declaresField(SourceFile file, String name) {
        Pattern field = Pattern.compile("^\\s*(?:private|protected|public)\\b[^=(;]*\\s" + Pattern.quote(name)
                + "\\s*[;=]");
        for (int k = 1; k <= file.lineCount(); k++) {
            if (file.line(k).contains(name) && field.matcher(file.line(k)).find()) {
                return true;
            }
        }
        return false;
    }

    /** The use of the local by a later line of the method that depends on the zone; null when there is none. */
    private static String laterUse(SourceFile file, int n, String name, boolean text) {
        String q = Pattern.quote(name);
        Pattern compared = Pattern.compile("\\b" + q + "\\b(?:\\s*\\.\\s*(?:plus|minus|with)\\w*\\s*\\([^()]*\\))*"
                + "\\s*\\.\\s*(?:isBefore|isAfter|isEqual|compareTo|until)\\s*\\(|\\.\\s*(?:isBefore|isAfter|isEqual"
                + "|compareTo)\\s*\\(\\s*" + q + "\\b|\\bbetween\\s*\\([^;]*\\b" + q + "\\b");
        Pattern kept = Pattern.compile("\\.\\s*put\\s*\\([^;]*,\\s*" + q + "\\s*\\)|\\.\\s*set[A-Z]\\w*\\s*\\(\\s*" + q
                + "\\s*\\)|^\\s*this\\.\\w+\\s*=\\s*" + q + "\\s*;");
        int depth = 0;
        for (int k = n + 1; k <= file.lineCount() && k <= n + 40; k++) {
            String line = file.line(k);
            for (char c : line.toCharArray()) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            if (depth < 0) {
                return null; // the method ends
            }
            if (!line.contains(name) || RegexDetector.isComment(line)
                    || JavaRemovedErrorHandling.LOG.matcher(line.strip()).find()) {
                continue;
            }
            if (!text && compared.matcher(line).find()) {
                return "compares it with another time";
            }
            if (kept.matcher(line).find()) {
                return "keeps it";
            }
        }
        return null;
    }
}
