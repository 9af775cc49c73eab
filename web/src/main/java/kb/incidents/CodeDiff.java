package kb.incidents;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.List;

/**
 * The before and after code of a reproduction as one unified diff with full context, so every line of both
 * versions is on the page once and the changed lines stand out. The text is never turned into HTML here.
 */
public record CodeDiff(List<CodeDiff.Row> rows, long added, long removed) {

    /**
     * One printed line.
     *
     * @param kind    {@code same}, {@code del} (only in before) or {@code add} (only in after)
     * @param oldLine 1-based line in before, or 0 for an added line
     * @param newLine 1-based line in after, or 0 for a removed line
     * @param text    the line without its line break
     */
    public record Row(String kind, int oldLine, int newLine, String text) {
    }

    /**
     * Every line of {@code before} and {@code after} in order, removed lines before the lines that replace them,
     * with the number of added and removed lines.
     */
    public static CodeDiff between(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            int from = d.getSource().getPosition();
            while (i < from) {
                rows.add(new Row("same", i + 1, j + 1, a.get(i)));
                i++;
                j++;
            }
            for (String s : d.getSource().getLines()) {
                rows.add(new Row("del", ++i, 0, s));
            }
            for (String s : d.getTarget().getLines()) {
                rows.add(new Row("add", 0, ++j, s));
            }
        }
        while (i < a.size()) {
            rows.add(new Row("same", i + 1, j + 1, a.get(i)));
            i++;
            j++;
        }
        return new CodeDiff(List.copyOf(rows), count(rows, "add"), count(rows, "del"));
    }

    private static long count(List<Row> rows, String kind) {
        return rows.stream().filter(r -> r.kind().equals(kind)).count();
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String t = text.replace("\r\n", "\n");
        return List.of((t.endsWith("\n") ? t.substring(0, t.length() - 1) : t).split("\n", -1));
    }
}
