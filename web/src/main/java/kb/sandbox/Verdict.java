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

    /** Lines on both sides together past which no full diff is computed (its cost grows with their product). */
    static final int MAX_DIFF_LINES = 4000;
    /** Characters of diff kept for people; the rest is cut with a note. */
    static final int MAX_DIFF_CHARS = 16 * 1024;
    private static final int CONTEXT = 3;

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
        if (want.size() + got.size() > MAX_DIFF_LINES) {
            return new Verdict(Outcome.FAIL, firstDifference(want, got));
        }
        var patch = DiffUtils.diff(want, got);
        var diff = UnifiedDiffUtils.generateUnifiedDiff("expected", "actual", want, patch, 2);
        return new Verdict(Outcome.FAIL, bounded(String.join("\n", diff) + "\n"));
    }

    /** For long outputs: the first line that differs, with a little context, in unified-diff form. */
    private static String firstDifference(List<String> want, List<String> got) {
        int at = 0;
        while (at < want.size() && at < got.size() && want.get(at).equals(got.get(at))) {
            at++;
        }
        int from = Math.max(0, at - CONTEXT);
        var out = new StringBuilder("--- expected\n+++ actual\n");
        out.append("@@ first difference at line ").append(at + 1).append(" (").append(want.size())
                .append(" lines expected, ").append(got.size()).append(" printed; the full diff is not computed for outputs this long) @@\n");
        for (int i = from; i < at; i++) {
            out.append(' ').append(want.get(i)).append('\n');
        }
        for (int i = at; i < Math.min(want.size(), at + CONTEXT); i++) {
            out.append('-').append(want.get(i)).append('\n');
        }
        for (int i = at; i < Math.min(got.size(), at + CONTEXT); i++) {
            out.append('+').append(got.get(i)).append('\n');
        }
        return bounded(out.toString());
    }

    private static String bounded(String diff) {
        return diff.length() <= MAX_DIFF_CHARS ? diff
                : diff.substring(0, MAX_DIFF_CHARS) + "\n[diff cut at " + MAX_DIFF_CHARS / 1024 + " KiB]\n";
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
