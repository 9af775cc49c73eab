package kb.review.engine;

import java.util.List;

/** Builds diffs for tests of Java classes of code: edits from marked lines, and the lines a marker sits on. */
final class JavaEdits {

    private JavaEdits() {
    }

    /**
     * One hunk editing {@code path} from line {@code start}: each row of {@code body} begins with ' ' (kept), '-'
     * (deleted) or '+' (added), as in a unified diff; the counts of the header are computed.
     */
    static String edit(String path, int start, String body) {
        String[] rows = body.split("\n", -1);
        int n = rows[rows.length - 1].isEmpty() ? rows.length - 1 : rows.length;
        int old = 0;
        int added = 0;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String r = rows[i].isEmpty() ? " " : rows[i];
            char k = r.charAt(0);
            old += k == '+' ? 0 : 1;
            added += k == '-' ? 0 : 1;
            lines.append(r).append('\n');
        }
        return "diff --git a/" + path + " b/" + path + "\nindex 1111111..2222222 100644\n--- a/" + path + "\n+++ b/"
                + path + "\n@@ -" + start + "," + old + " +" + start + "," + added + " @@\n" + lines;
    }

    /** The new file's line (from {@code start}) of the first kept or added row of an edit that contains {@code marker}. */
    static int newLine(int start, String body, String marker) {
        int line = start;
        for (String r : body.split("\n", -1)) {
            if (r.startsWith("-")) {
                continue;
            }
            if (r.contains(marker)) {
                return line;
            }
            line++;
        }
        throw new AssertionError("no row holds " + marker);
    }

    /** The 1-based line of a whole file's text that first contains {@code marker}. */
    static int lineOf(String text, String marker) {
        List<String> rows = List.of(text.split("\n", -1));
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line holds " + marker);
    }

    /** The findings of one item, as "line:rule". */
    static List<String> item(String diff, String item) {
        return GoRound8ClassesTest.item(diff, item);
    }
}
