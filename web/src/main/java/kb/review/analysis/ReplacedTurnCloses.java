package kb.review.analysis;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.CodeText;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.SourceFile;

/**
 * A Go defer that replaces the explicit release of the same value in a block whose opening the diff does not show.
 * People release by hand, not by defer, where the value's life is one turn of a loop: the edit that tidies
 * {@code in.Close()} after the copy (or {@code rows.Close()} after the scan, {@code it.Release()}, {@code cancel()})
 * into {@code defer in.Close()} keeps every turn's value until the function returns (RES-03). The continue, break and
 * append proofs of {@link HiddenLoopDefers} and {@link CollectedTurnDefers} need a loop statement in view; this one
 * reads the edit itself: the removed release (a statement, or {@code if err := x.Close(); ...}) of the receiver the
 * defer releases, by the same verb, in the defer's block or a block nested in it.
 *
 * <p>Not this, because the block is not a loop body: a block whose end the diff shows as a function literal's
 * ({@code })}, {@code }()}, {@code },}), an {@code if} with an {@code else}, or a case clause (the next line at a smaller
 * indentation is a case label); a block whose {@code return}s give another number of results than the function the
 * {@code @@} header names (a handler literal inside a factory: the block is the literal's body); a defer at the
 * function's own level (one tab); a value acquired in view from the function's parameters only ({@code os.Create(path)}:
 * one per call). A turn that always returns below the defer runs it once: {@link HiddenLoopDefers}
 * drops those as it does for its other proofs.
 */
final class ReplacedTurnCloses {

    /** {@code defer x.Close()}, {@code defer it.Release()}, {@code defer cancel()}: the receiver (may be empty) and verb. */
    private static final Pattern DEFER = Pattern.compile("^\\s*defer\\s+(?:([\\w.]+)\\.)?(\\w+)\\(\\)\\s*(?://.*)?$");
    /** A release statement: {@code x.Close()}, {@code _ = x.Close()}, {@code err = x.Close()}, {@code if err := x.Close(); }. */
    private static final Pattern RELEASE = Pattern.compile(
            "^\\s*(?:if\\s+)?(?:[\\w, ]+\\s*:?=\\s*)?(?:([\\w.]+)\\.)?(\\w+)\\(\\)\\s*(?:;|//|$)");
    private static final Pattern LITERAL_END = Pattern.compile("^\\s*}\\s*(?:\\)|\\(|,)");
    private static final Pattern ELSE = Pattern.compile("^\\s*}\\s*else\\b");
    private static final Pattern CASE = Pattern.compile("^\\s*(?:case\\b|default\\s*:)");
    private static final Pattern RETURN = Pattern.compile("^\\s*return\\b(.*)$");
    private static final Pattern COMMENT = Pattern.compile("//.*$");

    private ReplacedTurnCloses() {
    }

    /** True when the defer at new-file line {@code d} replaces a release the same edit removed from its hidden block. */
    static boolean replaces(SourceFile file, int d) {
        String defer = file.line(d);
        Matcher dm = DEFER.matcher(defer);
        if (!defer.startsWith("\t\t") || !dm.find()) {
            return false; // gofmt indents with tabs; one tab is the function's own body
        }
        String receiver = dm.group(1) == null ? "" : dm.group(1);
        String verb = dm.group(2);
        int block = CodeText.indent(defer);
        for (int j = d - 1; j >= 1 && file.known(j); j--) {
            String text = file.line(j);
            if (!text.isBlank() && CodeText.indent(text) < block) {
                return false; // the block opens in view: the graph and the other proofs judge it
            }
        }
        Hunk hunk = hunkOf(file, d);
        if (hunk == null || !removesRelease(hunk.lines(), d, block, receiver, verb) || !endsAsLoopBody(file, d, block)) {
            return false;
        }
        int results = results(hunk.section());
        return (results < 0 || returnsAgree(file, d, block, results)) && !openedFromParameters(file, d, block,
                receiver, hunk.section());
    }

    /**
     * True when the value is acquired in view from the function's own parameters only ({@code os.Create(path)} in
     * {@code func (r *Reporter) write(path string, ...)}): one value per call, not one per element of a loop.
     */
    private static boolean openedFromParameters(SourceFile file, int d, int block, String receiver, String section) {
        int open = section.indexOf('(', section.startsWith("func (") ? section.indexOf(')') + 1 : 0);
        if (receiver.isEmpty() || open < 0) {
            return false;
        }
        int close = close(section, open);
        String params = close < 0 ? section.substring(open) : section.substring(open, close);
        for (int j = d - 1; j >= 1 && file.known(j) && CodeText.indent(file.line(j)) >= block; j--) {
            Matcher m = ACQUIRED.matcher(file.line(j));
            if (m.find() && m.group(1).equals(receiver)) {
                String[] args = m.group(2).split(",");
                for (String a : args) {
                    String arg = a.strip();
                    if (!arg.matches("[A-Za-z_]\\w*") || !Pattern.compile("\\b" + arg + "\\b").matcher(params).find()) {
                        return false;
                    }
                }
                return !m.group(2).isBlank();
            }
        }
        return false;
    }

    /** {@code f, err := os.Create(path)}: the value and the arguments of the call that makes it. */
    private static final Pattern ACQUIRED = Pattern.compile("^\\s*(\\w+)\\s*(?:,\\s*\\w+\\s*)*:?=\\s*[\\w.]+\\(([^()]*)\\)\\s*$");

    private static Hunk hunkOf(SourceFile file, int d) {
        for (Hunk h : file.change().hunks()) {
            if (d >= h.newStart() && d < h.newStart() + Math.max(1, h.newCount())) {
                return h;
            }
        }
        return null;
    }

    /**
     * True when the hunk removes {@code receiver.verb()} inside the defer's block: walking from the defer through
     * the hunk's lines, no kept line narrower than the block comes between the defer and the removed release.
     */
    private static boolean removesRelease(List<DiffLine> lines, int d, int block, String receiver, String verb) {
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).kind() == DiffLine.Kind.ADDED && lines.get(i).newLine() == d) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return false;
        }
        for (int step : new int[] {-1, 1}) {
            for (int i = at + step; i >= 0 && i < lines.size(); i += step) {
                DiffLine l = lines.get(i);
                String text = l.text();
                if (text.isBlank()) {
                    continue;
                }
                if (CodeText.indent(text) < block) {
                    if (l.kind() != DiffLine.Kind.REMOVED) {
                        break; // the block's edge
                    }
                    continue;
                }
                if (l.kind() == DiffLine.Kind.REMOVED && !text.contains("defer")) {
                    Matcher m = RELEASE.matcher(text);
                    if (m.find() && m.group(2).equals(verb) && receiver.equals(m.group(1) == null ? "" : m.group(1))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * False when the block's end, in view, is a function literal's, an if's with an else, or a case clause's (the
     * next narrower line is a case label).
     */
    private static boolean endsAsLoopBody(SourceFile file, int d, int block) {
        for (int j = d + 1; j <= file.lineCount() && file.known(j); j++) {
            String text = file.line(j);
            if (text.isBlank() || CodeText.indent(text) >= block) {
                continue;
            }
            return !LITERAL_END.matcher(text).find() && !ELSE.matcher(text).find() && !CASE.matcher(text).find();
        }
        return true;
    }

    /**
     * The number of results the function of the {@code @@} header declares, or -1 when the header is not a whole
     * function signature (git cuts it at 80 characters; a method value, a var block).
     */
    static int results(String section) {
        String s = section.strip();
        if (!s.startsWith("func") || !s.endsWith("{")) {
            return -1;
        }
        int i = s.indexOf('(');
        if (s.startsWith("func (")) { // a receiver, then the name
            i = s.indexOf('(', close(s, i) + 1);
        }
        if (i < 0) {
            return -1;
        }
        int end = close(s, i);
        if (end < 0) {
            return -1;
        }
        String rest = s.substring(end + 1, s.length() - 1).strip();
        if (rest.isEmpty()) {
            return 0;
        }
        if (!rest.startsWith("(")) {
            return rest.startsWith("func") ? -1 : 1;
        }
        int rend = close(rest, 0);
        return rend < 0 ? -1 : topLevelItems(rest.substring(1, rend));
    }

    /** The index of the parenthesis closing the one at {@code open}, or -1. */
    private static int close(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Comma-separated items at the top level of {@code s}; {@code a, b int} counts two. */
    private static int topLevelItems(String s) {
        if (s.isBlank()) {
            return 0;
        }
        int depth = 0;
        int items = 1;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (quoted) {
                continue;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items++;
            }
        }
        return items;
    }

    /**
     * False when a {@code return} in view in the defer's block (or one nested in it, outside a function literal
     * opened in view) gives another number of results than the header's function: the block is a literal's body.
     * A bare return agrees with any count (named results).
     */
    private static boolean returnsAgree(SourceFile file, int d, int block, int results) {
        for (int step : new int[] {-1, 1}) {
            for (int j = d + step; j >= 1 && j <= file.lineCount() && file.known(j); j += step) {
                String text = file.line(j);
                if (text.isBlank()) {
                    continue;
                }
                if (CodeText.indent(text) < block) {
                    break;
                }
                if (text.contains("func(") || text.contains("func (")) {
                    return true; // a literal in view: its returns are its own, stop reading
                }
                Matcher m = RETURN.matcher(text);
                if (m.find()) {
                    String value = COMMENT.matcher(m.group(1)).replaceFirst("").strip();
                    if (!value.isEmpty() && topLevelItems(value) != results) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
