package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;

/**
 * Where a Go {@code return} or {@code break} leads, read from the lines the diff shows, for the {@code loop-exit}
 * condition of regex rules (CONC-07's consume and poll loops that end on their first error). A hunk often starts
 * inside the loop: the {@code for} header, the fetch call and even the error check are above it, and the tree the
 * parser builds from the hunk has plain blocks where the loop was. gofmt's indentation still tells how deep the exit
 * sits: walking up from it, each line indented less than the current level that opens a block (or is a {@code case})
 * is one of the blocks around it; when the walk reaches a line the diff does not show before a function's first line,
 * the blocks between the function's body and the last one seen are cut off ({@code unseen}).
 *
 * <p>The text, one fact a line (a rule's regex reads it with {@code (?m)}):
 * <pre>
 * exit: return
 * first: if err != nil {          the innermost block around the exit, or ? when the hunk cuts it off
 * block: ...                      each line of that block above the exit (several lines)
 * chain: ...                      each enclosing block, innermost first (several lines)
 * unseen: 2                       blocks around them that the hunk cuts off (0 when the function's line is in sight)
 * func: func (c *C) consume(...   the function: its line in sight, a literal's line, or git's hunk header
 * seen: ...                       each line of the function in sight above the exit (several lines)
 * after: ...                      each line of the run below the exit, up to the function's end (several lines)
 * removed: ...                    each line the exit's changed block removed (several lines)
 * check: kept                     whether the change kept the innermost block's opening line (a context line of the
 *                                 diff) or added it; absent when the hunk cuts that line off
 * edit: added                     whether the change added the exit's own line or kept it
 * </pre>
 * Empty for a line that is not Go, or that stands in its function's own body (no block in between).
 */
final class GoLoopExits {

    private GoLoopExits() {
    }

    /** A case or default clause of a select or switch: its statements are indented one level below it. */
    private static final Pattern CASE = Pattern.compile("^(?:case\\b.*|default\\s*):\\s*(?://.*)?$");
    /** A line that starts a function: a declaration, or a literal whose body it opens. */
    private static final Pattern FUNC = Pattern.compile("\\bfunc\\b[^\"`]*\\{$");
    /** A trailing line comment (a rough cut: a // inside a string on an opener line is rare). */
    private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s*//[^\"`]*$");

    private static final Object LOCK = new Object();
    private static SourceFile lastFile;
    private static int lastLine;
    private static String lastText;

    /** The text for {@code lineNo} of {@code file}; the last one is kept, as a rule asks it once per condition. */
    static String describe(SourceFile file, int lineNo, String line) {
        synchronized (LOCK) {
            if (lastFile == file && lastLine == lineNo) {
                return lastText;
            }
        }
        String text = read(file, lineNo, line);
        synchronized (LOCK) {
            lastFile = file;
            lastLine = lineNo;
            lastText = text;
        }
        return text;
    }

    private static String read(SourceFile file, int lineNo, String line) {
        if (file.language() != Language.GO) {
            return "";
        }
        int level = indent(line);
        if (level < 1) {
            return "";
        }
        List<String> chain = new ArrayList<>();
        List<String> block = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        String func = null;
        int firstLine = 0; // the innermost block's opening line, once seen
        boolean inCase = false; // a case was the last opener: its select or switch line comes next, at the same level
        int l = lineNo - 1;
        for (; l >= 1 && file.known(l); l--) {
            String s = file.line(l).strip();
            if (s.isEmpty() || s.startsWith("//")) {
                continue;
            }
            seen.add(s);
            int ind = indent(file.line(l));
            String code = TRAILING_COMMENT.matcher(s).replaceFirst("");
            if (inCase && ind == level && code.endsWith("{")) {
                chain.add(s); // the select or switch of the case
                inCase = false;
                continue;
            }
            if (ind >= level) {
                if (chain.isEmpty()) {
                    block.add(0, s);
                }
                continue;
            }
            if (CASE.matcher(s).matches()) {
                firstLine = chain.isEmpty() ? l : firstLine;
                chain.add(s);
                level = ind;
                inCase = true;
            } else if (code.endsWith("{")) {
                if (FUNC.matcher(code).find()) {
                    func = s;
                    level = ind;
                    break;
                }
                firstLine = chain.isEmpty() ? l : firstLine;
                chain.add(s);
                level = ind;
                inCase = false;
            }
            // anything else indented less is the tail of a statement split over lines: not a block
        }
        int unseen = 0;
        if (func == null) {
            // the hunk cut the function off: git's header names it, and gofmt indents its body one level
            func = section(file, lineNo);
            unseen = Math.max(0, level - 1 + (inCase ? 1 : 0)); // and the case's select, when it is cut off
            if (chain.isEmpty() && block.isEmpty() && level <= 1) {
                return "";
            }
        }
        if (chain.isEmpty() && unseen == 0) {
            return ""; // a statement of the function's own body
        }
        StringBuilder out = new StringBuilder("exit: ").append(line.strip()).append('\n');
        out.append("first: ").append(chain.isEmpty() ? "?" : chain.get(0)).append('\n');
        for (String b : block) {
            out.append("block: ").append(b).append('\n');
        }
        for (String c : chain) {
            out.append("chain: ").append(c).append('\n');
        }
        out.append("unseen: ").append(unseen).append('\n');
        out.append("func: ").append(func).append('\n');
        for (int i = seen.size() - 1; i >= 0; i--) {
            out.append("seen: ").append(seen.get(i)).append('\n');
        }
        // the rest of the run below the exit, up to the function's end at column 0: a type named there (the record
        // type a consumer's callback takes) is the same function's
        for (int a = lineNo + 1; file.known(a); a++) {
            String s = file.line(a);
            if (!s.isBlank() && indent(s) == 0) {
                break;
            }
            if (!s.isBlank()) {
                out.append("after: ").append(s.strip()).append('\n');
            }
        }
        String replaced = ReplacedLines.of(file, lineNo, line);
        if (!replaced.isEmpty()) {
            String[] parts = replaced.split("\n");
            for (int i = 1; i < parts.length && !parts[i].equals("--"); i++) {
                out.append("removed: ").append(parts[i]).append('\n');
            }
        }
        if (firstLine > 0) {
            out.append("check: ").append(file.added(firstLine) ? "added" : "kept").append('\n');
        }
        out.append("edit: ").append(file.added(lineNo) ? "added" : "kept").append('\n');
        return out.toString();
    }

    /** Leading tabs, with four spaces counted as one (gofmt writes tabs). */
    private static int indent(String line) {
        int tabs = 0;
        int spaces = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                tabs++;
            } else if (c == ' ') {
                spaces++;
            } else {
                break;
            }
        }
        return tabs + spaces / 4;
    }

    /** The function git printed after the {@code @@} of the hunk that shows {@code line}; empty when none. */
    private static String section(SourceFile file, int line) {
        for (Hunk h : file.change().hunks()) {
            if (line >= h.newStart() && line < h.newStart() + Math.max(1, h.newCount())) {
                return h.section() == null ? "" : h.section().strip();
            }
        }
        return "";
    }
}
