package kb.review.engine;

import java.util.List;
import java.util.regex.Pattern;
import kb.review.diff.CodeText;
import kb.review.diff.DiffLine;

/**
 * The signature of the Go function (or function literal) a line of a hunk sits in, read from the nearest line above
 * it with a smaller indent that opens a {@code func}, or, when the hunk shows none, from the hunk's section (the line
 * git prints after {@code @@}). Only one question is answered: does that function declare results at all? A bare
 * {@code return} in a function without results (a goroutine's loop, a {@code run()} method, a callback) hands nothing
 * back to anyone, which is what {@link GoErrorBranchGivesUp} needs to know before it reads one as giving up.
 */
final class GoEnclosingFunc {

    /** A line that opens a function or a function literal's body. */
    private static final Pattern OPENS = Pattern.compile("\\bfunc\\b.*\\{\\s*$");

    private GoEnclosingFunc() {
    }

    /**
     * True when the function around line {@code at} is in sight and declares no results ({@code func (r *rx) run() {},
     * {@code go func() {}); false when it declares any (named or not) or cannot be found.
     */
    static boolean resultless(List<DiffLine> lines, int at, String section) {
        String sig = signature(lines, at, section);
        return sig != null && noResults(sig);
    }

    /**
     * True when the function around line {@code at} is in sight and declares no error result (it answers a bool, a
     * value, or nothing): a call whose result it returned handed on no error (session 42, err42).
     */
    static boolean answersNoError(List<DiffLine> lines, int at, String section) {
        String sig = signature(lines, at, section);
        return sig != null && !sig.substring(0, sig.lastIndexOf('{')).contains("error");
    }

    /** The line opening the function around line {@code at}, or null when neither the hunk nor its section shows it. */
    private static String signature(List<DiffLine> lines, int at, String section) {
        int indent = CodeText.indent(lines.get(at).text());
        for (int j = at - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            String t = l.text();
            if (l.kind() == DiffLine.Kind.REMOVED || t.isBlank() || CodeText.indent(t) >= indent) {
                continue;
            }
            indent = CodeText.indent(t);
            if (OPENS.matcher(t).find()) {
                return t;
            }
            if (indent == 0) {
                return null; // a top-level line that is no function: a hunk cut at a type or a var block
            }
        }
        return OPENS.matcher(section).find() ? section : null;
    }

    /** True when the signature on {@code line} ends its parameter list right before the body's brace. */
    static boolean noResults(String line) {
        String s = line.substring(line.indexOf("func") + 4, line.lastIndexOf('{')).strip();
        if (s.startsWith("(")) {
            int end = closing(s, 0);
            if (end < 0) {
                return false;
            }
            String rest = s.substring(end + 1).strip();
            // a method: the receiver, then the name (`func (r *rx) run() {`); a literal: the parameters themselves
            s = rest.matches("^\\w+\\s*(?:\\[.*?\\])?\\s*\\(.*") ? rest : s;
        }
        s = s.replaceFirst("^\\w+\\s*(?:\\[[^\\]]*\\])?\\s*", "");
        if (!s.startsWith("(")) {
            return false;
        }
        int end = closing(s, 0);
        return end >= 0 && s.substring(end + 1).isBlank();
    }

    /** The index of the parenthesis closing the one at {@code open}, or -1. */
    private static int closing(String s, int open) {
        int depth = 0;
        for (int k = open; k < s.length(); k++) {
            char c = s.charAt(k);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0) {
                return k;
            }
        }
        return -1;
    }
}
