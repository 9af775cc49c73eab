package kb.authoring;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified line diff between two texts, as rows a template prints (escaped) one per line. The text
 * itself is never turned into HTML here.
 */
final class LineDiff {

    /**
     * One printed line.
     *
     * @param kind {@code hunk} (the {@code @@ -a,b +c,d @@} header), {@code add}, {@code del} or {@code same}
     * @param text the line including its leading {@code +}, {@code -} or space
     */
    record Row(String kind, String text) {
    }

    private static final int CONTEXT = 3;

    private LineDiff() {
    }

    /** The changes that turn {@code before} into {@code after}; empty when the texts have the same lines. */
    static List<Row> between(String before, String after, String beforeName, String afterName) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(beforeName, afterName, a, patch, CONTEXT);
        List<Row> rows = new ArrayList<>();
        // the first two lines are the ---/+++ file headers; the page names both sides itself
        for (String line : unified.subList(Math.min(2, unified.size()), unified.size())) {
            rows.add(new Row(kind(line), line));
        }
        return rows;
    }

    private static String kind(String line) {
        if (line.startsWith("@@")) {
            return "hunk";
        }
        if (line.startsWith("+")) {
            return "add";
        }
        return line.startsWith("-") ? "del" : "same";
    }

    private static List<String> lines(String text) {
        String t = Authoring.normalize(text == null ? "" : text);
        if (t.isEmpty()) {
            return List.of();
        }
        return List.of((t.endsWith("\n") ? t.substring(0, t.length() - 1) : t).split("\n", -1));
    }
}
