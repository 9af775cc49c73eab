package kb.review.engine;

import java.util.regex.Pattern;
import kb.review.diff.SourceFile;

/**
 * Go acquisitions whose release slot the diff does not show. In Go the release of a value (its {@code defer
 * f.Close()}, {@code defer cancel()}, {@code defer tx.Rollback()}) is written as the statement right after the
 * acquisition, or right after the acquisition's error check. When the hunk stops exactly there and the function goes
 * on in lines the diff leaves out, and the acquisition is not one the change brought in fresh (its name was held by
 * code the change left alone, or the line is context), the lines that would release it are unchanged code the review
 * cannot read: a leak on a path through them is a guess, not a finding (sets 17, 18 and 22, class W: a changed
 * {@code os.Create} whose unchanged {@code defer f.Close()} is the first hidden line, a {@code WithCancel} whose
 * deferred cancel sits right below the hunk). A value the change adds fresh stays reported ({@link
 * AddedAcquisitions}): code left alone cannot release what was not there; so does one whose next statement the diff
 * shows (the release slot is visible and empty), and one whose error check is itself cut.
 */
final class HiddenReleaseSlots {

    /** The error check written right after an acquisition: {@code if err != nil {}, {@code if openErr != nil {}. */
    private static final Pattern ERROR_CHECK = Pattern.compile("\\s*if\\b.*\\b\\w*[eE]rr\\w*\\b.*\\{\\s*(//.*)?");

    private HiddenReleaseSlots() {
    }

    /**
     * True when the statement acquiring at {@code line} (fresh or not, as {@code fresh} says) is followed, directly or
     * after its error check, by a line the diff does not show, inside the function.
     */
    static boolean hidden(SourceFile file, int line, boolean fresh) {
        if (file.complete() || fresh || !file.known(line)) {
            return false;
        }
        int end = statementEnd(file, line);
        if (end < 0) {
            return false;
        }
        int next = end + 1;
        if (!file.known(next)) {
            return next <= file.lineCount();
        }
        if (!ERROR_CHECK.matcher(file.line(next)).matches()) {
            return false;
        }
        int close = statementEnd(file, next);
        return close > 0 && close + 1 <= file.lineCount() && !file.known(close + 1);
    }

    /** The line where the statement or block starting at {@code line} closes its brackets, or -1 when it is cut. */
    private static int statementEnd(SourceFile file, int line) {
        int depth = 0;
        for (int i = line; file.known(i); i++) {
            depth += balance(file.line(i));
            if (depth <= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The brackets a Go line opens minus those it closes (parentheses, braces, brackets), strings, runes and a
     * trailing comment skipped: above zero, the statement goes on to the next line.
     */
    static int balance(String s) {
        int d = 0;
        boolean quoted = false;
        char q = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\' && q != '`') {
                    i++;
                } else if (c == q) {
                    quoted = false;
                }
            } else if (c == '"' || c == '`' || c == '\'') {
                quoted = true;
                q = c;
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                break;
            } else if (c == '(' || c == '{' || c == '[') {
                d++;
            } else if (c == ')' || c == '}' || c == ']') {
                d--;
            }
        }
        return d;
    }
}
