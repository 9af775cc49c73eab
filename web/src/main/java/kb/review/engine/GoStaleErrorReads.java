package kb.review.engine;

import static kb.review.engine.GoRemovedErrorHandling.STRING;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.CodeText;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * (session 45, err45) A Go call the change adds as a bare statement, after which the code reads {@code err} as if the
 * call had set it, while {@code err} can only be nil there: its last check above, at the same level, left the block
 * ({@code if err != nil { ...; continue }}) and nothing assigned it since. {@code out, err := os.Create(dst)}, its
 * check, then {@code p.Process(in, out)} and {@code if err != nil { failed++ }}: the author meant
 * {@code err := p.Process(in, out)}, the check is dead, and a failed call is counted as done. The same shape as
 * pravega/pravega-operator#74 ({@code deployBookie(c)} then {@code if err != nil { return err }}) and
 * gravitational/teleport#38845 ("assign the err variable before checking for errors"); staticcheck's nilness pass
 * sees the dead check, not the lost error. Only a read at the call's own level within a few statements, before any
 * assignment of {@code err}; not a log or print call, a panic, nor a line that passes a function literal.
 */
final class GoStaleErrorReads {

    static final String RULE = "go-error-read-after-bare-call";

    /** A read of {@code err} against nil ({@code err != nil}, {@code err == nil}), not a field's. */
    private static final Pattern READ = Pattern.compile("(?<![\\w.])err\\s*[!=]=\\s*nil\\b");

    /** An assignment of {@code err} ({@code err :=}, {@code err =}, {@code x, err =}), not a comparison. */
    private static final Pattern ASSIGN = Pattern.compile("(?<![\\w.])err\\s*(?::=|=(?!=))");

    /** {@code err} as a whole name. */
    private static final Pattern NAMED = Pattern.compile("(?<![\\w.])err\\b");

    /** The opening of an error check of {@code err} itself. */
    private static final Pattern CHECK = Pattern.compile("^\\s*if\\s+err\\s*!=\\s*nil\\s*\\{\\s*$");

    /** A statement that leaves the block: the check above made {@code err} nil for the code after it. */
    private static final Pattern LEAVES = Pattern.compile(
            "^\\s*(?:return\\b|continue\\b|break\\b|goto\\b|panic\\(|os\\.Exit\\(|[\\w.]*\\.Fatal\\w*\\()");

    /** Calls whose failure nobody checks (prints, log lines, panics): the dead check is not their error. */
    private static final Pattern NOT_WORK = Pattern.compile(
            "(?i)(?:^|\\.)(?:f?print\\w*|log\\w*|debug\\w*|info\\w*|warn\\w*|error\\w*|trace\\w*)$|^(?:panic|close|delete|copy|append)$");

    /** Statements the read may sit below. */
    private static final int NEAR = 4;

    private GoStaleErrorReads() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.GO || file.path().endsWith("_test.go")) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                if (l.kind() != DiffLine.Kind.ADDED || !l.text().endsWith(")") || l.text().contains("func(")) {
                    continue;
                }
                String text = STRING.matcher(l.text()).replaceAll("\"\"");
                GoBinding b = GoBinding.parse(text);
                if (b == null || b.checked() || !b.names().isEmpty() || NOT_WORK.matcher(b.callee()).find()
                        || text.strip().endsWith("()") || !readBelow(lines, i) || !nilAbove(lines, i)) {
                    continue;
                }
                Severity severity = catalog.item("ERR-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
                out.add(new Finding(RULE, "ERR-01", severity, file.path(), l.newLine(), 1, l.text().strip(),
                        "`" + b.callee() + "` is called as a bare statement and the code below tests `err` as if"
                                + " it held this call's error; `err` was checked above and is nil here, so the test"
                                + " never fires and a failure of this call goes on as success. Assign its error"
                                + " (`err = " + l.text().strip() + "`) and check it.",
                        Finding.Confidence.HIGH, null, "kb", null));
            }
        }
        return out;
    }

    /** Within {@link #NEAR} statements below, at the call's level, {@code err} is tested before anything sets it. */
    private static boolean readBelow(List<DiffLine> lines, int at) {
        int indent = CodeText.indent(lines.get(at).text());
        int seen = 0;
        for (int j = at + 1; j < lines.size() && seen <= NEAR; j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            String t = STRING.matcher(l.text()).replaceAll("\"\"");
            if (CodeText.indent(t) < indent || ASSIGN.matcher(t).find()) {
                return false;
            }
            if (READ.matcher(t).find()) {
                return CodeText.indent(t) == indent;
            }
            if (NAMED.matcher(t).find()) {
                return false;
            }
            seen++;
        }
        return false;
    }

    /**
     * Above the call, at its level, the nearest block closed before it is a check of {@code err} whose last
     * statement leaves, and no line between assigns {@code err}: {@code err} is nil where the call stands.
     */
    private static boolean nilAbove(List<DiffLine> lines, int at) {
        int indent = CodeText.indent(lines.get(at).text());
        boolean closed = false;
        String last = null;
        for (int j = at - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            String t = STRING.matcher(l.text()).replaceAll("\"\"");
            int in = CodeText.indent(t);
            if (in < indent) {
                return false;
            }
            if (closed && last == null) {
                last = t;
            }
            if (in == indent && closed) {
                // the opening of the nearest block closed above the call: an error check that leaves, or not
                return CHECK.matcher(t).matches() && last != null && LEAVES.matcher(last).find();
            }
            if (ASSIGN.matcher(t).find()) {
                return false;
            }
            if (in == indent && !closed && t.strip().equals("}")) {
                closed = true;
            }
        }
        return false;
    }
}
