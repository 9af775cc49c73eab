package kb.review.analysis;

/**
 * Calls that return a modified copy and change nothing in place, made as bare statements: {@code req.WithContext(ctx)}
 * and {@code req.Clone(ctx)} hand back a new request and leave {@code req} with the context it had (hooklift/gowsdl#162,
 * cloudflare/cloudflare-go#526, opsgenie/opsgenie-go-sdk-v2#126). Such a statement attaches nothing, so a request built
 * without the caller's context stays without it.
 */
final class DiscardedCopies {

    private DiscardedCopies() {
    }

    /**
     * Whether the call matched at {@code [start, end)} of {@code text} (its name and opening parenthesis) is a
     * {@code WithContext} or {@code Clone} made as a statement of its own: only blanks before it on its line, and
     * nothing but blanks or a comment after its closing parenthesis.
     */
    static boolean bareStatement(String text, int start, int end) {
        String called = text.substring(start, end);
        if (!called.contains("WithContext") && !called.contains("Clone")) {
            return false;
        }
        for (int i = start - 1; i >= 0 && text.charAt(i) != '\n'; i--) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        int depth = 1;
        int i = end;
        for (; i < text.length() && depth > 0; i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '\n' && depth > 0 && i - end > 400) {
                return false;
            }
        }
        if (depth > 0) {
            return false;
        }
        int eol = text.indexOf('\n', i);
        String rest = text.substring(i, eol < 0 ? text.length() : eol).strip();
        return rest.isEmpty() || rest.startsWith("//");
    }
}
