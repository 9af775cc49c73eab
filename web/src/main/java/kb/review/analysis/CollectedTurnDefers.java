package kb.review.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.CodeText;
import kb.review.diff.SourceFile;

/**
 * A Go defer in a block whose opening the diff does not show and that collects one element per pass: below the
 * defer, in its own block, {@code files = append(files, path)} grows a slice the lines in view never declare. Growing
 * an outer slice by one element from a nested block is what a loop body does (an archive extractor's entry switch,
 * a directory walk, a batch of rows), so the block is a turn of a loop above the hunk and the defer runs only when the
 * function returns: every turn's handle stays open until then (RES-03). The continue and break {@link
 * HiddenLoopDefers} reads are the other proofs; a body that only collects shows neither.
 *
 * <p>Not this: a defer at a function's top level (one tab), a block whose opening line is in view (an {@code if},
 * a loop or a function header: the control-flow graph judges those; only a case label with its switch out of view is
 * walked past), a slice declared in view (a local of the block or of the function shown), a dotted receiver's field
 * ({@code s.items = append(s.items, x)} belongs to an object, not to a turn).
 */
final class CollectedTurnDefers {

    private static final Pattern APPEND = Pattern.compile("^\\s*([A-Za-z_]\\w*)\\s*=\\s*append\\(\\s*(\\w+)\\s*,");
    private static final Pattern CASE = Pattern.compile("^\\s*(?:case\\b.*|default\\s*):\\s*(?://.*)?$");

    private CollectedTurnDefers() {
    }

    /** True when the defer at line {@code d} sits in such a collecting block. */
    static boolean collects(SourceFile file, int d) {
        String defer = file.line(d);
        int block = CodeText.indent(defer);
        if (!defer.startsWith("\t\t")) {
            return false; // gofmt indents with tabs; one tab is the function's own body
        }
        int width = block;
        for (int j = d - 1; j >= 1 && file.known(j); j--) {
            String text = file.line(j);
            if (text.isBlank() || CodeText.indent(text) >= width) {
                continue;
            }
            if (!CASE.matcher(text).find()) {
                return false; // the block opens in view: the graph judges it
            }
            width = CodeText.indent(text); // a case clause: its switch, and what holds the switch, further up
        }
        for (int j = d + 1; j <= file.lineCount() && file.known(j); j++) {
            String text = file.line(j);
            if (text.isBlank()) {
                continue;
            }
            int w = CodeText.indent(text);
            if (w < block) {
                return false;
            }
            Matcher m = APPEND.matcher(text);
            if (w == block && m.find() && m.group(1).equals(m.group(2)) && !declaredInView(file, m.group(1))) {
                return true;
            }
        }
        return false;
    }

    /** {@code name :=}, {@code name, x :=}, {@code var name} or a parameter-like {@code name []T} in a line in view. */
    private static boolean declaredInView(SourceFile file, String name) {
        return declaredInView(name, file.lineCount(), file::known, file::line);
    }

    /**
     * The same over any numbered lines ({@code 1..count}, those {@code known} shown): {@link GoCollectingTurns} reads
     * the pasted text of a file's hunks.
     */
    static boolean declaredInView(String name, int count, java.util.function.IntPredicate known,
                                  java.util.function.IntFunction<String> line) {
        Pattern declared = kb.review.analysis.Regexes.compiled("(?:^|[\\s,(])" + Pattern.quote(name)
                + "\\s*(?:,\\s*\\w+\\s*)*:=|\\bvar\\s+" + Pattern.quote(name) + "\\b|[(,]\\s*" + Pattern.quote(name)
                + "\\s+\\[\\]");
        for (int j = 1; j <= count; j++) {
            if (known.test(j) && line.apply(j).contains(name) && declared.matcher(line.apply(j)).find()) {
                return true;
            }
        }
        return false;
    }
}
