package kb.review.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;
import kb.review.diff.SourceFile;

/**
 * Go, for {@link StrippedZones}: whether a time whose {@code .UTC()} or {@code .In(loc)} the change dropped crosses a
 * boundary the diff shows (stored, formatted as text, handed to a store call) or has its calendar fields read. A Go
 * {@code time.Time} compares and subtracts the same in every zone, so a time only compared or timed keeps its meaning
 * without the zone.
 */
final class GoZoneCrossings {

    /**
     * A Go line that reads calendar fields of the time or asks a schedule for the next time after it: the answer (the
     * day, the hour, the next run) is the zone's, whatever is done with it afterwards.
     */
    private static final Pattern CALENDAR = Pattern.compile(
            "\\.\\s*(?:Year|Month|Day|Hour|Minute|Weekday|YearDay|Date|Clock|ISOWeek)\\s*\\(\\s*\\)|\\.\\s*Next\\s*\\(");
    /** A Go call that turns the time into text on the line itself. */
    private static final Pattern FORMATS = Pattern.compile("\\.\\s*(?:Format|AppendFormat)\\s*\\(");
    /** Go uses of a time whose result is the same in every zone. */
    private static final Pattern ZONE_FREE = Pattern.compile(
            "(?<!\\btime)\\.\\s*(?:Unix\\w*|Sub|Before|After|Equal|Compare|IsZero)\\s*\\(|\\b(?:Since|Until)\\s*\\(");
    /** A Go line that stores, formats or hands on the time it computes. */
    private static final Pattern STORE_LINE = Pattern.compile(
            "^[\\w.\\[\\]\"]+\\.\\w+\\s*=|^\\w+\\s*:\\s*\\S|\\b(?:Exec|Query|QueryRow|Insert|Create|Save|Update|Put|Set"
                    + "|Store|Write|Encode)\\w*\\s*\\(|\\.Format\\s*\\(");

    private GoZoneCrossings() {
    }

    /**
     * Go: true when the time the new line computes is stored, formatted or handed on where the diff shows it: the line
     * itself stores it (a field, a struct literal's key, a call argument), or it assigns a local that a later visible
     * line of the file stores or formats. A local only compared or subtracted is not.
     */
    static boolean crosses(SourceFile file, DiffLine now) {
        String t = now.text().strip();
        if (CALENDAR.matcher(t).find()) {
            return true;
        }
        Matcher local = Pattern.compile("^([A-Za-z_]\\w*)(?:\\s*,\\s*[A-Za-z_]\\w*)*\\s*:?=\\s*").matcher(t);
        if (!local.find()) {
            // returned: the caller keeps it, unless what is returned is zone-free (Unix seconds, a duration, a test)
            return t.startsWith("return ") && !ZONE_FREE.matcher(t).find() || STORE_LINE.matcher(t).find();
        }
        if (FORMATS.matcher(t.substring(local.end())).find()) {
            return true; // the line itself writes the time as text, in whatever zone it now has
        }
        String v = Pattern.quote(local.group(1));
        Pattern use = Pattern.compile("\\.\\w+\\s*=\\s*&?" + v + "\\b|^\\s*\\w+\\s*:\\s*&?" + v + "\\s*[,}]|\\b" + v
                + "\\s*\\.\\s*(?:Format|String|MarshalJSON|AppendFormat)\\s*\\(|\\b(?:Exec|Query|QueryRow|Insert"
                + "|Create|Save|Update|Put|Set|Store|Write|Encode)\\w*\\s*\\([^)]*\\b" + v + "\\b|^\\s*return\\s+" + v
                + "\\s*(?:,|$)|\\b" + v + "\\s*\\.\\s*(?:Year|Month|Day|Hour|Weekday|YearDay|Date|Clock|ISOWeek)\\(\\)");
        for (int n = now.newLine() + 1; n <= file.lineCount(); n++) {
            String l = file.line(n);
            if (l.startsWith("func ") || l.startsWith("}")) {
                return false; // the function ends
            }
            if (use.matcher(l).find()) {
                return true;
            }
        }
        return false;
    }
}
