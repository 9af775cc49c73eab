package kb.review.diff;

import java.util.Arrays;

/**
 * The commas of a piece of code that separate its parts at the outermost level: those outside parentheses, brackets
 * and braces (an argument list, a parameter list, the operands of a multiple assignment). Strings are not skipped, and
 * a closer with no opener leaves the rest one level deeper, so its commas do not count: the callers hand in lists
 * whose brackets are whole, or lists cut at their end, where this errs towards fewer parts.
 */
public final class TopLevelCommas {

    private TopLevelCommas() {
    }

    /** The offsets of the top-level commas of {@code s} between {@code from} (inclusive) and {@code to}, in order. */
    public static int[] in(String s, int from, int to) {
        int[] out = new int[4];
        int count = 0;
        int depth = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                if (count == out.length) {
                    out = Arrays.copyOf(out, count * 2);
                }
                out[count++] = i;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** The same over the whole of {@code s}. */
    public static int[] in(String s) {
        return in(s, 0, s.length());
    }
}
