package kb.review.engine;

import kb.review.diff.Braces;

/**
 * A Java hunk that starts inside a lambda (or an anonymous class) passed as an argument: git's context shows the body's
 * statements and then {@code }, delay, TimeUnit.SECONDS);} or {@code });}, but not the {@code pool.schedule(() -> {}
 * above. {@link Braces#reopen()} opens a plain block for such a brace, and {@code { ... }, delay, unit);} does not
 * parse, so the whole hunk was lost to the analyses (a task whose per-thread state is cleared outside finally, a
 * resource opened in a callback). Here a block whose closing brace is followed by {@code )} or {@code ,} is reopened as
 * a lambda argument of a call ({@code kbHunkCall(() -> {}), which the rest of the line then closes as written.
 * Likewise a hunk whose trailing context ends with the next member's annotations ({@code }}, a blank line,
 * {@code @Override}) but not its header is read up to the method's closing brace.
 */
final class CutLambdas {

    private CutLambdas() {
    }

    /** What to write before {@code code} so that every block it closes first is open, lambda arguments as such. */
    static String reopen(String code, Braces braces) {
        boolean[] lambda = lambdaBlocks(code, braces.closedFirst());
        boolean any = false;
        for (boolean b : lambda) {
            any |= b;
        }
        if (!any) {
            return braces.reopen(); // no lambda cut: exactly as before
        }
        StringBuilder out = new StringBuilder();
        for (int i = braces.closedFirst() - 1; i >= 0; i--) {
            out.append(lambda[i] ? "kbHunkCall(() -> {" : reopenedOne(braces, i));
        }
        return out.toString();
    }

    /** The opener {@link Braces} writes for the {@code i}-th block closed first (innermost is 0). */
    private static String reopenedOne(Braces braces, int i) {
        return switch (braces.followers().get(i)) {
            case "catch", "finally" -> "try{";
            case "else" -> "if(true){";
            case "while" -> "do{";
            default -> "{";
        };
    }

    /**
     * For each block the code closes before opening it (innermost first), whether its closing brace is followed, past
     * blanks, by {@code )} or {@code ,}: the end of a lambda or anonymous class given as an argument. Comments,
     * strings, text blocks and character literals are skipped as {@link Braces} skips them.
     */
    static boolean[] lambdaBlocks(String code, int closedFirst) {
        boolean[] out = new boolean[closedFirst];
        int depth = 0;
        int lowest = 0;
        int found = 0;
        int n = code.length();
        for (int i = 0; i < n && found < closedFirst; i++) {
            char c = code.charAt(i);
            char next = i + 1 < n ? code.charAt(i + 1) : '\0';
            if (c == '/' && next == '/') {
                int end = code.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && next == '*') {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 1;
            } else if (c == '"' && next == '"' && i + 2 < n && code.charAt(i + 2) == '"') {
                int end = code.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 2;
            } else if (c == '"' || c == '\'') {
                i = literalEnd(code, i, c);
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth < lowest) {
                    lowest = depth;
                    int j = i + 1;
                    while (j < n && Character.isWhitespace(code.charAt(j))) {
                        j++;
                    }
                    out[found++] = j < n && (code.charAt(j) == ')' || code.charAt(j) == ',');
                }
            }
        }
        return out;
    }

    /**
     * The last line of a region to parse when the region ends with the next member's annotations but not its header
     * ({@code }}, a blank, {@code @Override}): the line before them, so that the method above parses whole; -1 when
     * the region does not end that way.
     */
    static int beforeDanglingHeader(java.util.function.IntFunction<String> line, int from, int to) {
        int l = to;
        boolean annotation = false;
        while (l > from && TrailingAnnotations.annotationsOnly(line.apply(l))) { // the next member's annotations
            annotation |= line.apply(l).strip().startsWith("@");
            l--;
        }
        return annotation && l < to && line.apply(l).strip().endsWith("}") ? l : -1;
    }

    private static int literalEnd(String code, int start, char quote) {
        for (int i = start + 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote || c == '\n') {
                return i;
            }
        }
        return code.length();
    }
}
