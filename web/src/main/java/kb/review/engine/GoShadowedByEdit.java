package kb.review.engine;

import static kb.review.engine.GoRemovedErrorHandling.ERR_NAME;
import static kb.review.engine.GoRemovedErrorHandling.STRING;
import static kb.review.engine.GoRemovedErrorHandling.mentions;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.CodeText;
import kb.review.diff.DiffLine;
import kb.review.diff.SourceFile;

/**
 * A Go edit that turns an assignment to an error declared outside ({@code _, err = w.Write(b)}) into a declaration
 * ({@code _, err := w.Write(b)}) inside a nested scope: an {@code if} or {@code for} initializer, or a statement of a
 * loop's, branch's or case's block. The deleted {@code =} is the evidence that an outer {@code err} exists; with
 * {@code :=} the failure lands in a new variable that dies with the block, and the code after the block reads the
 * outer one, still nil ({@code return err}, {@code if err != nil}). golang.org/x/tools' {@code shadow} analyzer reports
 * the shape; this reading takes only the edits that create it and whose inner error is not returned from the block.
 * <p>
 * Left alone: the inner block returns the error itself (the failure leaves by that path); nothing after the block reads
 * {@code err} before writing it again, or the function ends; a statement of the function's own top-level block (there
 * {@code :=} reuses the variable it already has, unless the edit changes more); a rename ({@code werr :=}).
 */
final class GoShadowedByEdit {

    static final String RULE = "go-error-shadowed-by-edit";

    /** An assignment of a call's results whose names include an error: the optional if/for, the names, the rest. */
    private static final Pattern ASSIGN = Pattern.compile(
            "^(\\s*(?:(?:\\}\\s*else\\s+)?if\\s+|for\\s+)?)((?:\\w+\\s*,\\s*)*\\w+)\\s*(:?)=(?!=)\\s*(.+)$");

    /** A sibling branch that the end of the scope opens: another case of the switch, the else of the if. */
    private static final Pattern SIBLING = Pattern.compile("^(?:case\\b|default\\s*:|\\}\\s*else\\b)");

    private GoShadowedByEdit() {
    }

    /** The deleted assignment at {@code at} that the change made a declaration of a shadowing error. */
    static Finding find(SourceFile file, List<DiffLine> lines, int at, Severity severity) {
        Matcher old = ASSIGN.matcher(STRING.matcher(lines.get(at).text()).replaceAll("\"\""));
        if (!old.matches() || !old.group(3).isEmpty()) {
            return null;
        }
        String name = errorName(old.group(2));
        if (name == null) {
            return null;
        }
        int a = declarationOf(lines, at, old);
        if (a < 0) {
            return null;
        }
        String added = lines.get(a).text();
        int indent = CodeText.indent(added);
        boolean header = !old.group(1).isBlank();
        if (!header && opensFunction(lines, a)) {
            return null; // the function's own block: `:=` there reuses the err it has
        }
        int end = endOfScope(lines, a, indent, header);
        if (end < 0) {
            return null;
        }
        for (int j = a + 1; j < end; j++) {
            String t = code(lines.get(j));
            if (t != null && t.startsWith("return") && mentions(t, name)) {
                return null; // the inner failure is returned from the block itself
            }
        }
        for (int j = header ? end + 1 : pastSiblings(lines, end); j < lines.size(); j++) {
            String t = code(lines.get(j));
            if (t == null) {
                continue;
            }
            if (CodeText.indent(lines.get(j).text()) == 0) {
                return null; // the end of the function: nothing read the outer err
            }
            if (!mentions(t, name)) {
                continue;
            }
            Matcher w = Pattern.compile("^(?:[\\w.]+\\s*,\\s*)*" + Pattern.quote(name)
                    + "\\s*(?:,\\s*[\\w.]+\\s*)*:?=(?!=)").matcher(t);
            if (w.find() && !mentions(t.substring(w.end()), name)) {
                return null; // written again before any read: the shadowed failure decided nothing after the block
            }
            return new Finding(RULE, "ERR-01", severity, file.path(), lines.get(a).newLine(), 1, added.strip(),
                    "The change declares a new `" + name + "` here (`:=` where the old line assigned the outer one):"
                            + " a failure of this call stays in the block's own variable, and `" + t
                            + "` below reads the outer `" + name + "`, still nil, so the caller is told it worked."
                            + " Assign with `=` again, or return the error from the block.",
                    Finding.Confidence.HIGH, null, "kb", null);
        }
        return null;
    }

    /**
     * The first line after the siblings of the branch that ends at {@code end} (the other cases of a switch, the else
     * of an if): they do not run after the branch, so what they read is not read after it.
     */
    private static int pastSiblings(List<DiffLine> lines, int end) {
        String e = code(lines.get(end));
        if (e == null || !SIBLING.matcher(e).find()) {
            return end;
        }
        int indent = CodeText.indent(lines.get(end).text());
        for (int j = end + 1; j < lines.size(); j++) {
            String t = code(lines.get(j));
            if (t != null && CodeText.indent(lines.get(j).text()) <= indent && !SIBLING.matcher(t).find()) {
                return j;
            }
        }
        return lines.size();
    }

    /** The error among the assigned names ({@code _, err}, {@code n, werr}), or null. */
    private static String errorName(String names) {
        for (String n : names.split("\\s*,\\s*")) {
            if (!n.equals("e") && ERR_NAME.matcher(n).matches()) {
                return n;
            }
        }
        return null;
    }

    /** The added line of the same change block that is the deleted one with {@code :=} for {@code =}, or -1. */
    private static int declarationOf(List<DiffLine> lines, int at, Matcher old) {
        String want = squeeze(old.group(1) + old.group(2) + " := " + old.group(4));
        List<DiffLine> block = RemovedLine.changedBlock(lines, at);
        for (DiffLine l : block) {
            if (l.kind() == DiffLine.Kind.ADDED && squeeze(STRING.matcher(l.text()).replaceAll("\"\"")).equals(want)) {
                return lines.indexOf(l);
            }
        }
        return -1;
    }

    private static String squeeze(String s) {
        return s.strip().replaceAll("\\s+", " ").replaceAll("\\s*,\\s*", ", ");
    }

    /** True when the nearest line above {@code a} with a smaller indent opens a function's body. */
    private static boolean opensFunction(List<DiffLine> lines, int a) {
        int indent = CodeText.indent(lines.get(a).text());
        for (int j = a - 1; j >= 0; j--) {
            String t = code(lines.get(j));
            if (t != null && CodeText.indent(lines.get(j).text()) < indent) {
                return t.matches(".*\\bfunc\\b.*\\{$");
            }
        }
        return true; // not in sight: taken as the function's own block
    }

    /**
     * Where the new variable's scope ends: for an if or for header, the line of its closing brace (past any else);
     * for a statement of a block, the first line of a smaller indent. -1 when the diff does not show it.
     */
    private static int endOfScope(List<DiffLine> lines, int a, int indent, boolean header) {
        for (int j = a + 1; j < lines.size(); j++) {
            String t = code(lines.get(j));
            if (t == null) {
                continue;
            }
            int in = CodeText.indent(lines.get(j).text());
            if (header && in == indent && t.startsWith("}") && !t.matches("^\\}\\s*else\\b.*")) {
                return j;
            }
            if (in < indent) {
                return header ? -1 : j;
            }
        }
        return -1;
    }

    /** The line's code with strings blanked and stripped, or null for a deleted, blank or comment line. */
    private static String code(DiffLine l) {
        if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
            return null;
        }
        String t = STRING.matcher(l.text()).replaceAll("\"\"").strip();
        return t.startsWith("//") ? null : t;
    }
}
