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
 * Java: a line the change adds that reads the host's wall clock as a zoneless date or date-time and turns it into an
 * instant under a fixed zone (TIME-01): {@code LocalDateTime.now().toInstant(ZoneOffset.UTC)},
 * {@code LocalDateTime.now().plusSeconds(n).toEpochSecond(ZoneOffset.UTC)}, {@code LocalDate.now().atStartOfDay(utc)},
 * or a time taken to the host's zone and stripped of it ({@code .atZone(ZoneId.systemDefault()).toLocalDate()}) then
 * given another. The reading may be kept in a local first and converted by a later line of the method
 * ({@code LocalDateTime at = LocalDateTime.now(); ... Date.from(at.toInstant(ZoneOffset.UTC))}); the report is at the
 * reading. {@code now()} without an argument is the wall clock of the JVM's zone; declaring it UTC (or any fixed
 * zone) moves the instant by the host's offset, so an expiry, an epoch second or a stored instant is hours off on any
 * host not in that zone. Silent when the conversion zone is the host's own ({@code ZoneId.systemDefault()},
 * {@code OffsetDateTime.now().getOffset()}), when {@code now(...)} is given a zone or clock, and in comments.
 */
final class WallClockInstants {

    static final String RULE = "host-wall-clock-read-as-fixed-zone";

    /** The start of a host wall-clock reading: a bare now(), or a stripped zone from the host's own. */
    private static final Pattern HOST_WALL_CLOCK = Pattern.compile(
            "\\bLocalDate(?:Time)?\\s*\\.\\s*now\\s*\\(\\s*\\)|\\.atZone\\s*\\(\\s*ZoneId\\.systemDefault\\(\\)\\s*\\)"
                    + "\\s*\\.\\s*toLocalDate(?:Time)?\\s*\\(\\s*\\)");
    /** Steps that keep a value a wall-clock reading of the same zone. */
    private static final Pattern WALL_STEP = Pattern.compile(
            "\\.\\s*(?:plus\\w*|minus\\w*|with\\w*|truncatedTo|toLocalDate|toLocalTime|toLocalDateTime|atTime)\\s*\\(");
    /** The step that makes an instant (or zoned value) out of the wall clock; group 1 its name. */
    private static final Pattern TO_INSTANT = Pattern.compile(
            "\\.\\s*(toInstant|toEpochSecond|atZone|atOffset|atStartOfDay)\\s*\\(");
    private static final Pattern HOST_ZONE = Pattern.compile("systemDefault|getDefault|OffsetDateTime\\.now\\(\\)"
            + "|ZonedDateTime\\.now\\(\\)|getOffset\\(|getRules\\(");

    /** The local a statement assigns, at the end of the text before the value: {@code LocalDateTime at = }. */
    private static final Pattern ASSIGNS_LOCAL = Pattern.compile(
            "^\\s*(?:final\\s+)?(?:(?:LocalDateTime|LocalDate|var)\\s+)?([a-z_$][\\w$]*)\\s*=\\s*$");

    private WallClockInstants() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.JAVA) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (int n = 1; n <= file.lineCount(); n++) {
            String text = file.line(n);
            if (!file.added(n) || !text.contains("Local") && !text.contains("systemDefault")
                    || RegexDetector.isComment(text)) {
                continue;
            }
            String statement = withContinuations(file, n);
            Matcher start = HOST_WALL_CLOCK.matcher(statement);
            while (start.find()) {
                String zone = fixedZoneOfChain(statement, start.end());
                if (zone == null) {
                    zone = fixedZoneOfLocal(file, n, statement, start);
                }
                if (zone != null) {
                    Severity severity = catalog.item("TIME-01").map(Catalog.Item::severity).orElse(Severity.ADVICE);
                    out.add(new Finding(RULE, "TIME-01", severity, file.path(), n, 1, text.strip(),
                            "This reads the host's wall clock (a zoneless local date-time in the JVM's zone) and "
                                    + "turns it into an instant as if it were in " + zone + ": on any host whose "
                                    + "zone is not " + zone + " the instant, epoch second or expiry is off by the "
                                    + "host's offset. Read the clock in the zone you convert with (now(" + zone
                                    + ")), or use Instant.now().",
                            Finding.Confidence.HIGH, null, "kb", null));
                    break;
                }
            }
        }
        return out;
    }

    /** The line with the chained lines below it that start with a dot (a statement split before its calls). */
    static String withContinuations(SourceFile file, int n) {
        StringBuilder s = new StringBuilder(file.line(n));
        for (int k = n + 1; k <= file.lineCount() && k <= n + 4 && file.line(k).strip().startsWith("."); k++) {
            s.append(file.line(k).strip());
        }
        return s.toString();
    }

    /**
     * The fixed zone a later line of the same method converts the local with, when the statement keeps the wall clock
     * in a local ({@code LocalDateTime issuedAt = LocalDateTime.now();}, wall-clock steps allowed) and that line
     * turns the local into an instant ({@code issuedAt.plusSeconds(n).toInstant(ZoneOffset.UTC)},
     * {@code OffsetDateTime.of(issuedAt, ZoneOffset.UTC)}); null otherwise.
     */
    private static String fixedZoneOfLocal(SourceFile file, int n, String statement, Matcher start) {
        Matcher local = ASSIGNS_LOCAL.matcher(statement.substring(0, start.start()));
        if (!local.find() || !wallStepsToEnd(statement, start.end())) {
            return null;
        }
        String name = local.group(1);
        Pattern use = Pattern.compile("\\b" + Pattern.quote(name) + "(?=\\s*\\.)");
        Pattern of = Pattern.compile("\\b(?:OffsetDateTime|ZonedDateTime)\\s*\\.\\s*of\\s*\\(\\s*" + Pattern.quote(name)
                + "\\s*,\\s*([^;]+?)\\s*\\)\\s*[;.)]");
        int depth = 0;
        for (int k = n + 1; k <= file.lineCount() && k <= n + 60; k++) {
            String text = file.line(k);
            for (char c : text.toCharArray()) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            if (depth < 0) {
                return null; // the method ends
            }
            Matcher m = use.matcher(text);
            while (m.find()) {
                String zone = fixedZoneOfChain(text, m.end());
                if (zone != null) {
                    return zone;
                }
            }
            Matcher wrap = of.matcher(text);
            if (wrap.find() && !HOST_ZONE.matcher(wrap.group(1)).find()) {
                return wrap.group(1).strip();
            }
        }
        return null;
    }

    /** True when only wall-clock steps follow {@code from} up to the end of the statement. */
    private static boolean wallStepsToEnd(String s, int from) {
        int at = from;
        while (true) {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
            if (at >= s.length() || s.charAt(at) == ';') {
                return true;
            }
            Matcher step = WALL_STEP.matcher(s).region(at, s.length());
            int close = step.lookingAt() ? closing(s, step.end() - 1) : -1;
            if (close < 0) {
                return false;
            }
            at = close + 1;
        }
    }

    /**
     * Follows the call chain from {@code from}: wall-clock steps are skipped, and the zone text of the first step that
     * makes an instant is returned when it is a fixed zone, not the host's; null for anything else.
     */
    private static String fixedZoneOfChain(String s, int from) {
        int at = from;
        while (at < s.length()) {
            Matcher step = WALL_STEP.matcher(s).region(at, s.length());
            Matcher conv = TO_INSTANT.matcher(s).region(at, s.length());
            if (conv.lookingAt()) {
                int close = closing(s, conv.end() - 1);
                String zone = close > 0 ? s.substring(conv.end(), close).strip() : "";
                if (close > 0 && zone.isEmpty() && conv.group(1).equals("atStartOfDay")) {
                    at = close + 1; // a date's start in the same wall clock
                    continue;
                }
                return zone.isEmpty() || HOST_ZONE.matcher(zone).find() ? null : zone;
            }
            if (!step.lookingAt()) {
                return null;
            }
            int close = closing(s, step.end() - 1);
            if (close < 0) {
                return null;
            }
            at = close + 1;
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
        }
        return null;
    }
}
