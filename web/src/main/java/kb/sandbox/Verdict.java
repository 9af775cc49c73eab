package kb.sandbox;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.List;

/**
 * How the printed output compares with the {@code // Output:} block of the source.
 *
 * @param outcome PASS, FAIL, or NONE when there was nothing to compare with
 * @param diff    for FAIL, a unified diff from the expected lines to the printed ones; else empty
 */
public record Verdict(Outcome outcome, String diff) {

    public enum Outcome { PASS, FAIL, NONE }

    public static final Verdict NONE = new Verdict(Outcome.NONE, "");

    /**
     * Compares line by line, ignoring trailing spaces on each line, carriage returns and blank
     * lines at the end, as Go's testable examples do.
     *
     * @param expected the expected output, or {@code null} for no comparison
     */
    public static Verdict compare(String expected, String actual) {
        if (expected == null) {
            return NONE;
        }
        List<String> want = lines(expected);
        List<String> got = lines(actual);
        if (want.equals(got)) {
            return new Verdict(Outcome.PASS, "");
        }
        var patch = DiffUtils.diff(want, got);
        var diff = UnifiedDiffUtils.generateUnifiedDiff("expected", "actual", want, patch, 2);
        return new Verdict(Outcome.FAIL, String.join("\n", diff) + "\n");
    }

    private static List<String> lines(String text) {
        var lines = new java.util.ArrayList<String>();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            lines.add(line.stripTrailing());
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
