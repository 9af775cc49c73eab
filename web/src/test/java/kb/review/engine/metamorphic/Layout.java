package kb.review.engine.metamorphic;

import java.util.List;
import java.util.regex.Pattern;
import kb.review.engine.metamorphic.Code.Body;
import kb.review.engine.metamorphic.Patch.FilePatch;
import kb.review.engine.metamorphic.Patch.Row;

/**
 * Changes of layout no reader would call a change of the code: indentation in tabs or spaces, CRLF line ends, and
 * comments, blank lines or unrelated statements between an acquisition and its use.
 */
final class Layout {
    private static final Pattern GO_BLOCK = Pattern.compile("^\\s*(?:if |for |\\} else|else\\b).*\\{\\s*$");
    private static final Pattern JAVA_BLOCK = Pattern.compile(
            "^\\s*(?:if\\s*\\(|for\\s*\\(|while\\s*\\(|try\\b|\\}\\s*catch\\b|\\}\\s*finally\\b|\\}\\s*else\\b|else\\b).*\\{\\s*$");

    private Layout() {
    }

    /** Go indented with four spaces instead of tabs; Java with tabs instead of four spaces. */
    static boolean indent(Patch patch, List<Transform.Target> targets) {
        boolean changed = false;
        for (FilePatch f : patch.files) {
            for (Row r : f.rows()) {
                if (r.kind == '\\' || !f.isSource()) {
                    continue;
                }
                String before = r.text;
                int lead = 0;
                while (lead < r.text.length() && (r.text.charAt(lead) == '\t' || r.text.charAt(lead) == ' ')) {
                    lead++;
                }
                String indent = r.text.substring(0, lead);
                String swapped = f.isGo() ? indent.replace("\t", "    ") : indent.replace("    ", "\t");
                r.text = swapped + r.text.substring(lead);
                changed |= !before.equals(r.text);
            }
        }
        return changed;
    }

    static boolean crlf(Patch patch, List<Transform.Target> targets) {
        boolean changed = false;
        for (FilePatch f : patch.files) {
            for (Row r : f.rows()) {
                if (f.isSource() && r.kind != '\\' && !r.cr) {
                    r.cr = true;
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** A comment and a blank line after every line of every function body outside a multi-line literal. */
    static boolean comments(Patch patch, List<Transform.Target> targets) {
        boolean changed = false;
        for (FilePatch f : patch.files) {
            if (!f.isSource()) {
                continue;
            }
            for (Body body : Code.functions(f)) {
                List<Row> rows = body.hunk().rows;
                boolean inLiteral = false;
                int end = body.end();
                for (int i = body.start(); i < end; i++) {
                    Row r = rows.get(i);
                    if (literalToggle(f, r.text)) {
                        inLiteral = !inLiteral;
                    }
                    // a comment inside a catch block reads as the reason it handles nothing: that is not layout
                    if (inLiteral || !r.newSide()) {
                        continue;
                    }
                    String code = Code.strip(r.text).trim();
                    if ((code.contains("catch") || code.contains("recover()")) && code.endsWith("{")) {
                        int depth = 1;
                        int k = i + 1;
                        for (; k < end && depth > 0; k++) {
                            depth += rows.get(k).newSide() ? Code.braces(rows.get(k).text) : 0;
                        }
                        i = k - 1;
                        continue;
                    }
                    rows.add(i + 1, r.made(r.kind, ""));
                    rows.add(i + 1, r.made(r.kind, indentOf(r.text) + "// reviewer note: unrelated to the change"));
                    i += 2;
                    end += 2;
                    changed = true;
                }
            }
        }
        return changed;
    }

    /**
     * An unrelated local after every line that opens a function, an if, a loop or a try, and after every expected
     * line that is a whole assignment statement (an acquisition, as a rule).
     */
    static boolean statements(Patch patch, List<Transform.Target> targets) {
        boolean changed = false;
        int n = 0;
        for (FilePatch f : patch.files) {
            if (!f.isSource()) {
                continue;
            }
            for (Body body : Code.functions(f)) {
                List<Row> rows = body.hunk().rows;
                int end = body.end();
                for (int i = body.start(); i < end; i++) {
                    Row r = rows.get(i);
                    if (!r.newSide() || !(i == body.start() || opensBlock(f, r.text) || wholeAssignment(f, r, targets))) {
                        continue;
                    }
                    String next = i + 1 < rows.size() ? rows.get(i + 1).text : r.text;
                    if (next.trim().startsWith("super(") || next.trim().startsWith("this(")) {
                        continue;
                    }
                    String indent = indentOf(next);
                    n++;
                    if (f.isGo()) {
                        rows.add(i + 1, r.made(r.kind, indent + "_ = spareQ" + n));
                        rows.add(i + 1, r.made(r.kind, indent + "spareQ" + n + " := " + n));
                        i += 2;
                        end += 2;
                    } else {
                        rows.add(i + 1, r.made(r.kind, indent + "int spareQ" + n + " = " + n + ";"));
                        i++;
                        end++;
                    }
                    changed = true;
                }
            }
        }
        return changed;
    }

    private static boolean opensBlock(FilePatch f, String text) {
        String code = Code.strip(text);
        return (f.isGo() ? GO_BLOCK : JAVA_BLOCK).matcher(code).matches() && !code.contains("->")
                && !code.contains("switch") && Code.braces(code) > 0 && !code.trim().endsWith("{{");
    }

    private static boolean wholeAssignment(FilePatch f, Row r, List<Transform.Target> targets) {
        boolean expected = targets.stream().anyMatch(t -> t.line() == r.origin
                && (f.originalPath.equals(t.path()) || f.originalPath.endsWith("/" + t.path())));
        if (!expected) {
            return false;
        }
        String code = Code.strip(r.text).trim();
        long open = code.chars().filter(c -> c == '(').count();
        long close = code.chars().filter(c -> c == ')').count();
        boolean assigns = code.contains("=") && !code.startsWith("if ") && !code.startsWith("for ")
                && !code.startsWith("return") && !code.startsWith("}") && !code.startsWith("try");
        return assigns && open == close && Code.braces(code) == 0
                && (f.isGo() ? code.endsWith(")") : code.endsWith(";"));
    }

    private static boolean literalToggle(FilePatch f, String text) {
        String marker = f.isGo() ? "`" : "\"\"\"";
        int count = 0;
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + marker.length())) {
            count++;
        }
        return count % 2 == 1;
    }

    static String indentOf(String text) {
        int lead = 0;
        while (lead < text.length() && (text.charAt(lead) == '\t' || text.charAt(lead) == ' ')) {
            lead++;
        }
        return text.substring(0, lead);
    }
}
