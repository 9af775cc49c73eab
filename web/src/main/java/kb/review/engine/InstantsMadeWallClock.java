package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * Java: an edit that rewrites a statement reading the clock as an instant ({@code Instant.now()},
 * {@code System.currentTimeMillis()}, {@code OffsetDateTime.now(ZoneOffset.UTC)}, {@code ZonedDateTime.now(zone)})
 * into the same statement reading the host's wall clock ({@code LocalDateTime.now()}, {@code LocalDate.now()},
 * {@code LocalTime.now()} with no argument). The value the statement keeps (the same variable, the same setter or
 * call) was a point on the timeline; it is now a date and time in whatever zone the JVM runs in, with no zone to say
 * so, so a timestamp stored, logged, sent or compared by servers in different zones is hours off (TIME-01). Silent
 * when the change names a zone anywhere (an added {@code ZoneId}, {@code ZoneOffset}, {@code atZone}: the zone moved),
 * when the statement is not the same (a rewrite), when the wall clock is read straight back through the host's zone
 * ({@code Timestamp.valueOf(LocalDateTime.now())} is the same instant), and in files of a user interface (Swing,
 * JavaFX, Android views), where a local wall-clock time is what the reader is shown.
 */
final class InstantsMadeWallClock {

    static final String RULE = "instant-made-host-wall-clock";

    /** A reading of the clock as an instant, or as a zoned value with an explicit zone. */
    private static final Pattern INSTANT = Pattern.compile(
            "\\bInstant\\s*\\.\\s*now\\s*\\(|\\bSystem\\s*\\.\\s*currentTimeMillis\\s*\\(\\s*\\)"
                    + "|\\b(?:OffsetDateTime|ZonedDateTime)\\s*\\.\\s*now\\s*\\("
                    + "|\\bnew\\s+Date\\s*\\(\\s*\\)\\s*\\.\\s*getTime\\s*\\(");
    /** The host's wall clock: a zoneless date or time read with no zone or clock. */
    private static final Pattern WALL_CLOCK = Pattern.compile(
            "\\bLocal(?:Date|DateTime|Time)\\s*\\.\\s*now\\s*\\(\\s*\\)");
    /**
     * The wall clock turned straight back into an instant through the host's zone ({@code
     * Timestamp.valueOf(LocalDateTime.now())}): the same instant as before, only spelt another way.
     */
    private static final Pattern READ_BACK = Pattern.compile(
            "\\bTimestamp\\s*\\.\\s*valueOf\\s*\\(\\s*Local(?:Date|DateTime)\\s*\\.\\s*now\\s*\\(\\s*\\)\\s*\\)");
    /** An added line that names a zone: the zone moved, it did not go. */
    private static final Pattern NAMES_ZONE = Pattern.compile(
            "\\bZoneId\\b|\\bZoneOffset\\b|\\bTimeZone\\b|\\.atZone\\s*\\(|\\.atOffset\\s*\\(|\\bClock\\b");
    /** The imports of a user interface, whose times are shown to a person in their own zone. */
    private static final Pattern USER_INTERFACE = Pattern.compile(
            "^\\s*import\\s+(?:javafx\\.|javax\\.swing\\.|java\\.awt\\.|android\\.(?:widget|view|app)\\.)");
    /** The head of a statement: the name it assigns, or the call that takes the value. */
    private static final Pattern ASSIGNED = Pattern.compile("([A-Za-z_$][\\w$]*)\\s*(?<![=!<>+\\-*/&|^%])=(?!=)");

    private InstantsMadeWallClock() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        if (file.language() != Language.JAVA || allAdded.anyFinds(NAMES_ZONE)) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (RemovedLine r : RemovedLine.of(file)) {
            String old = r.line().text();
            if (!INSTANT.matcher(old).find() || RegexDetector.isComment(old)) {
                continue;
            }
            for (DiffLine l : RemovedLine.changedBlock(r.lines(), r.index())) {
                if (l.kind() != DiffLine.Kind.ADDED || l.newLine() <= 0 || !WALL_CLOCK.matcher(l.text()).find()
                        || INSTANT.matcher(l.text()).find() || READ_BACK.matcher(l.text()).find()
                        || !sameHead(old, l.text())) {
                    continue;
                }
                if (userInterface(file)) {
                    return List.of();
                }
                int at = l.newLine();
                if (out.stream().noneMatch(f -> f.line() == at)) {
                    Severity severity = catalog.item("TIME-01").map(Catalog.Item::severity).orElse(Severity.ADVICE);
                    out.add(new Finding(RULE, "TIME-01", severity, file.path(), at, 1, l.text().strip(),
                            "The change reads this time from the host's wall clock (a date and time with no zone) "
                                    + "where it read an instant (`" + old.strip() + "` before): the value now depends "
                                    + "on the zone of the machine that runs it, so times written by servers in "
                                    + "different zones, or by one whose zone changes, cannot be ordered or compared. "
                                    + "Keep the instant (Instant.now(), or now(ZoneOffset.UTC)), and convert to a "
                                    + "local zone only for display.",
                            Finding.Confidence.HIGH, null, "kb", null));
                }
            }
        }
        return out;
    }

    /**
     * True when both lines keep the value in the same place: they assign the same name, or (neither assigning) they
     * pass it to the same call, read as the text before the first parenthesis.
     */
    private static boolean sameHead(String old, String now) {
        Matcher a = ASSIGNED.matcher(old);
        Matcher b = ASSIGNED.matcher(now);
        boolean assignsOld = a.find();
        boolean assignsNew = b.find();
        if (assignsOld || assignsNew) {
            return assignsOld && assignsNew && a.group(1).equals(b.group(1));
        }
        int po = old.indexOf('(');
        int pn = now.indexOf('(');
        return po > 0 && pn > 0 && old.substring(0, po).strip().equals(now.substring(0, pn).strip());
    }

    static boolean userInterface(SourceFile file) {
        for (int n = 1; n <= Math.min(file.lineCount(), 80); n++) {
            if (USER_INTERFACE.matcher(file.line(n)).find()) {
                return true;
            }
        }
        return false;
    }
}
