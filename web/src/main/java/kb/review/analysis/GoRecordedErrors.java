package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SourceFile;

/**
 * Go {@code _ = call(...)} lines whose result, though typed {@code error}, carries no failure of the call (precision
 * set 14, classes II and BG; called from {@link GoDiscards#describe}, whose words these join):
 * <ul>
 * <li>{@value #RECORDED}: a method that records the error it is handed and returns that same error back: gin's
 * {@code c.Error(err)} and {@code c.AbortWithError(code, err)} on a {@code *gin.Context} the file declares (they return
 * the {@code *gin.Error} they appended to the context). The error is the one the code is already handling, and it is
 * now on the context, where gin's error middleware reports it.</li>
 * <li>{@value #NIL_ONLY}: a function of the file (called by its bare name) that declares an error result but whose every
 * {@code return} hands back nil in that place and that does other work (not a stub), a best-effort helper (closing what a failed merge made) that dropped
 * its own errors already: nothing can come back at this call.</li>
 * </ul>
 */
final class GoRecordedErrors {

    static final String RECORDED = "returns-recorded-error";
    static final String NIL_ONLY = "callee-returns-only-nil";

    /** gin's recording methods: group 1 the receiver, the last argument an error value. */
    private static final Pattern GIN_RECORD = Pattern.compile(
            "^([\\p{L}_]\\w*)\\.(?:AbortWithError\\s*\\(.*,|Error\\s*\\()\\s*([\\p{L}_][\\w.]*(?:\\([^()]*\\))?)\\s*\\)$");
    private static final Pattern PLAIN_CALL = Pattern.compile("^([\\p{L}_]\\w*)\\s*\\(");

    private GoRecordedErrors() {
    }

    static List<String> describe(SourceFile file, String call) {
        List<String> out = new ArrayList<>();
        String text = file.text();
        Matcher g = GIN_RECORD.matcher(call);
        if (g.find() && Pattern.compile("(?<![\\w.])" + Pattern.quote(g.group(1)) + "\\s+\\*\\s*gin\\.Context\\b")
                .matcher(text).find()) {
            out.add(RECORDED);
        }
        Matcher p = PLAIN_CALL.matcher(call);
        if (p.find() && onlyNil(text, p.group(1))) {
            out.add(NIL_ONLY);
        }
        return out;
    }

    /**
     * The file declares the function {@code name} once, with {@code error} as its only or last result, its body is
     * shown whole, and every {@code return} in it ends in {@code nil} (at least one).
     */
    private static boolean onlyNil(String text, String name) {
        Matcher decl = Pattern.compile("(?m)^func\\s+" + Pattern.quote(name)
                + "\\s*\\([^)]*\\)\\s*(?:error|\\([^)]*\\berror\\s*\\))\\s*\\{\\s*$").matcher(text);
        if (!decl.find()) {
            return false;
        }
        int start = decl.end();
        int end = text.indexOf("\n}", start);
        if (end < 0 || decl.find()) {
            return false;
        }
        String body = text.substring(start, end);
        if (body.contains("\n\n\n") || body.contains("func(")) {
            return false; // a gap the diff does not show, or a literal whose returns are its own
        }
        // a helper that does work and drops its own errors, not a stub whose whole body is `return nil` (a placeholder
        // that will fail once it is written)
        if (!Pattern.compile("(?m)^\\s*(?!return\\b|//|\\}|\\{)\\S").matcher(body).find()) {
            return false;
        }
        Matcher ret = Pattern.compile("(?m)^\\s*return\\b([^\\n]*)$").matcher(body);
        int returns = 0;
        while (ret.find()) {
            returns++;
            if (!ret.group(1).strip().replaceFirst("\\s*//.*$", "").matches("(?:.*,\\s*)?nil")) {
                return false;
            }
        }
        return returns > 0;
    }
}
