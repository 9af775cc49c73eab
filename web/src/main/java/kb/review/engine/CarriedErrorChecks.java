package kb.review.engine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;

/**
 * The Go shape of an error check on the value a call returned, for {@link DroppedReturnedErrors}: the error is carried
 * by the value itself and tested below its assignment ({@code tx := db.Begin()} then {@code if tx.Error != nil},
 * {@code if err := it.Err(); err != nil}); the change deletes the check and keeps the assignment, so the call's failure
 * now goes unnoticed. gorm keeps a failed Begin's (or query's) error in the returned value's {@code Error} field;
 * iterators and streams keep theirs behind {@code Err()}. A check the change moves (the same value's error read on
 * an added line of the hunk) is not a drop. The form with the error in a variable ({@code tx, err := db.Beginx()})
 * is {@link GoRemovedErrorHandling}'s.
 */
final class CarriedErrorChecks {

    /** A test of the error carried by a value: {@code tx.Error != nil}, {@code err := it.Err(); err != nil}. */
    private static final Pattern CARRIED_CHECK = Pattern.compile(
            "^\\s*if\\s+(?:(\\w+)\\s*:?=\\s*(\\w+)\\.(?:Error|Err\\(\\))\\s*;\\s*\\1|(\\w+)\\.(?:Error|Err\\(\\)))"
                    + "\\s*!=\\s*nil\\s*\\{\\s*$");

    private CarriedErrorChecks() {
    }

    /** The drop whose deleted check starts at {@code lines.get(at)}, or null. */
    static DroppedReturnedErrors.Drop find(List<DiffLine> lines, int at) {
        Matcher m = CARRIED_CHECK.matcher(lines.get(at).text());
        if (!m.find()) {
            return null;
        }
        String value = m.group(2) != null ? m.group(2) : m.group(3);
        boolean handsOn = DroppedReturnedErrors.handsOn(lines, at);
        if (!handsOn && !DroppedReturnedErrors.reportsOnly(lines, at)) {
            return null;
        }
        Pattern read = Pattern.compile("(?<![\\w.])" + Pattern.quote(value) + "\\.(?:Error\\b|Err\\(\\))");
        for (DiffLine l : lines) {
            if (l.kind() == DiffLine.Kind.ADDED && read.matcher(l.text()).find()) {
                return null; // the check moved
            }
        }
        Pattern assignment = Pattern.compile("^\\s*" + Pattern.quote(value) + "\\s*:?=\\s*([\\w.]+\\(.*\\))\\s*$");
        for (int j = at - 1; j >= 0 && j >= at - 6; j--) {
            DiffLine l = lines.get(j);
            String t = l.text().strip();
            if (l.kind() == DiffLine.Kind.REMOVED || t.isEmpty() || t.startsWith("//")) {
                continue;
            }
            Matcher a = assignment.matcher(l.text());
            return a.find() ? new DroppedReturnedErrors.Drop(l.newLine(), a.group(1).strip(),
                    lines.get(at).text().strip(), handsOn) : null;
        }
        return null;
    }
}
