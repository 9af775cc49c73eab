package kb.review.engine;

import static kb.review.engine.GoRemovedErrorHandling.NIL_CHECK;
import static kb.review.engine.GoRemovedErrorHandling.STRING;

import java.util.ArrayList;
import java.util.List;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.CodeText;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Go line the change adds that drops the error of a call ({@code _ = t.box.Close()}, or the bare call) whose
 * error the code the change keeps, in the same hunk, checks: {@code if err := t.box.Close(); err != nil {}. The kept
 * check is the code's own word that this call's failure matters here; the new line contradicts it, and a close or a
 * flush that fails on this path is reported as done (the class of richhaase/agentic-code-reviewer#91 and
 * ginkida/gokin#6: close errors that go unnoticed). The same call text is required (callee and arguments), not only
 * the callee's name. Left alone: a line inside an {@code if err != nil} branch (best-effort cleanup on a path that
 * already fails, Go's deliberate ignore), the calls ERR-01 counts as best effort, and a drop the change only spells
 * out ({@code f2.Close()} become {@code _ = f2.Close()}, a linter's fix: the error was dropped before; precision set
 * 24, pdfcpu's cleanup branches).
 */
final class GoCheckedBesideDropped {

    static final String RULE = "go-checked-call-dropped-beside-check";

    private GoCheckedBesideDropped() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.GO || file.path().endsWith("_test.go")) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            List<String> checked = new ArrayList<>();
            for (DiffLine l : lines) {
                if (l.kind() == DiffLine.Kind.CONTEXT && l.text().contains("!= nil")) {
                    GoBinding b = GoBinding.parse(STRING.matcher(l.text()).replaceAll("\"\""));
                    if (b != null && b.checked() && b.errorAt() >= 0) {
                        checked.add(call(l.text()));
                    }
                }
            }
            if (checked.isEmpty()) {
                continue;
            }
            List<String> droppedBefore = new ArrayList<>();
            for (DiffLine l : lines) {
                if (l.kind() == DiffLine.Kind.REMOVED && l.text().contains("(")) {
                    GoBinding b = GoBinding.parse(STRING.matcher(l.text()).replaceAll("\"\""));
                    if (b != null && !b.checked() && (b.names().isEmpty() || b.names().equals(List.of("_")))) {
                        droppedBefore.add(call(l.text()));
                    }
                }
            }
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                if (l.kind() != DiffLine.Kind.ADDED || !l.text().contains("(")) {
                    continue;
                }
                GoBinding now = GoBinding.parse(STRING.matcher(l.text()).replaceAll("\"\""));
                if (now == null || now.checked() || !(now.names().isEmpty() || now.names().equals(List.of("_")))
                        || !checked.contains(call(l.text())) || droppedBefore.contains(call(l.text()))
                        || GoCheckedErrorDropped.bestEffort(now.callee())
                        || inErrorBranch(lines, i)) {
                    continue;
                }
                Severity severity = catalog.item("ERR-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
                out.add(new Finding(RULE, "ERR-01", severity, file.path(), l.newLine(), 1, l.text().strip(),
                        "This line drops the error of `" + call(l.text()) + "`, a call whose error the code right"
                                + " beside it checks: the same failure that is handled there goes unnoticed here,"
                                + " and the work is reported done. Check it the same way (or say in a comment why"
                                + " this one may fail silently).",
                        Finding.Confidence.LOW, null, "kb", null));
            }
        }
        return out;
    }

    /** The call of a binding line: {@code t.box.Close()} of {@code if err := t.box.Close(); err != nil {}. */
    private static String call(String line) {
        String t = line.strip();
        int semi = t.indexOf(';');
        if (t.startsWith("if ") && semi > 0) {
            t = t.substring(3, semi).strip();
        }
        int eq = t.indexOf('=');
        int paren = t.indexOf('(');
        if (eq > 0 && eq < paren) {
            t = t.substring(eq + 1).strip();
        }
        return t.replaceAll("\\s+", "");
    }

    /** True when the line at {@code at} sits in a branch the nearest opening above makes an error check. */
    private static boolean inErrorBranch(List<DiffLine> lines, int at) {
        int indent = CodeText.indent(lines.get(at).text());
        for (int j = at - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            if (CodeText.indent(l.text()) < indent) {
                return NIL_CHECK.matcher(l.text()).find() || l.text().contains("err != nil");
            }
        }
        return false;
    }
}
