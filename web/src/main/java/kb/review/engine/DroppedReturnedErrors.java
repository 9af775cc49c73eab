package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Go change that stops handing on the error of a call it keeps: {@code return s.f.Close()} or
 * {@code if err := w.Flush(); err != nil {} rewritten as the bare statement {@code s.f.Close()}. The call's result
 * was an error the function returned; the change now drops it, so a failed write-back or flush reads as success.
 * Reported at the bare call the change adds; silent when the change keeps the result ({@code err = ...},
 * {@code _ = ...}, logged), since those lines are not bare statements.
 */
final class DroppedReturnedErrors {

    static final String RULE = "dropped-returned-error";

    /** A returned call, or the call an error check runs. Group 1 is the call. */
    private static final Pattern HANDED_ON = Pattern.compile(
            "^\\s*(?:return\\s+|if\\s+\\w+\\s*:?=\\s*)([\\w.]+\\([^;]*\\))\\s*(?:;\\s*\\w+\\s*!=\\s*nil\\s*\\{)?\\s*$");

    private DroppedReturnedErrors() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.GO) {
            return List.of();
        }
        Severity severity = catalog.item("ERR-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = HANDED_ON.matcher(lines.get(i).text());
                if (lines.get(i).kind() != DiffLine.Kind.REMOVED || !m.find()) {
                    continue;
                }
                String call = m.group(1).strip();
                int bare = bareCallInBlock(lines, i, call);
                if (bare > 0) {
                    out.add(new Finding(RULE, "ERR-01", severity, file.path(), bare, 1, file.line(bare).strip(),
                            "The change turns `" + lines.get(i).text().strip() + "` into the bare call `" + call
                                    + "`: its error, handed on before, is now dropped.",
                            Finding.Confidence.HIGH, null, "kb", null));
                }
            }
        }
        return out;
    }

    /** The new line of the same call as a bare statement among the added lines of the block around {@code at}. */
    private static int bareCallInBlock(List<DiffLine> lines, int at, String call) {
        int from = at;
        while (from > 0 && lines.get(from - 1).kind() != DiffLine.Kind.CONTEXT) {
            from--;
        }
        for (int j = from; j < lines.size() && (j <= at || lines.get(j).kind() != DiffLine.Kind.CONTEXT); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.ADDED && l.text().strip().equals(call)) {
                return l.newLine();
            }
        }
        return 0;
    }
}
