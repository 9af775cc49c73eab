package kb.review.analysis;

import kb.review.diff.Language;
import kb.review.diff.SourceFile;

/**
 * Where a Go statement sits in its function, for ERR-01's "cleanup on the way out of a failing call" allowance: a
 * {@code _ = x.cleanup()} followed by {@code return ..., err} is on a failure path only when it is inside a branch
 * (an {@code if err != nil} block, a case). A statement of the function's own body runs on every path, success
 * included, and the return below it is the function's ordinary exit ({@code return rows, err} hands back whatever
 * the call gave): the error dropped there is lost whether or not the call failed.
 */
public final class GoDiscardPaths {

    private GoDiscardPaths() {
    }

    /** The first return below, when it hands back an error variable ({@code return rows, err}): group 0. */
    private static final java.util.regex.Pattern VARIABLE_RETURN = java.util.regex.Pattern.compile(
            "(?m)^return\\s+(?:[^\\n]*,\\s*)?[\\w.]*(?:err|Err)\\w*\\s*$");

    /**
     * {@code below} (the stripped lines below line {@code lineNo}) when they lead to a return on a failure path, else
     * empty: a statement of the function's own body followed, as its next return, by a return of an error variable
     * is on every path. A return of an error built in place ({@code return errors.New(...)}) fails whatever came
     * before, so it keeps {@code below}.
     */
    public static String onFailurePath(SourceFile file, int lineNo, String below) {
        if (!inFunctionBody(file, lineNo)) {
            return below;
        }
        int ret = below.startsWith("return") ? 0 : below.indexOf("\nreturn");
        if (ret < 0) {
            return below;
        }
        String first = below.substring(ret == 0 ? 0 : ret + 1).lines().findFirst().orElse("");
        return VARIABLE_RETURN.matcher(first).find() ? "" : below;
    }

    /**
     * True when line {@code lineNo} of a Go file is a statement of a top-level function's own body: the function's
     * {@code func} line is in sight above it (or named by the hunk's {@code @@} line), no top-level closing brace between, and
     * the line is indented by one level (one tab, or as deep as the first statement of that body). False when it cannot
     * be told, so the caller keeps its earlier reading.
     */
    public static boolean inFunctionBody(SourceFile file, int lineNo) {
        if (file.language() != Language.GO || !file.known(lineNo)) {
            return false;
        }
        // unknown lines read as the parsers read them: blank, or the function a hunk starts inside of (its @@ line)
        String[] filled = file.text().split("\n", -1);
        int top = 0;
        for (int l = lineNo - 1; l >= 1; l--) {
            String text = file.known(l) ? file.line(l) : l - 1 < filled.length ? filled[l - 1] : "";
            if (text.startsWith("func")) {
                top = l;
                break;
            }
            if (text.startsWith("}") || text.startsWith(")")) {
                return false;
            }
        }
        if (top == 0 || !(top - 1 < filled.length ? filled[top - 1] : "").stripTrailing().endsWith("{")) {
            return false;
        }
        String indent = indentOf(file.line(lineNo));
        if (indent.equals("\t")) {
            return true;
        }
        for (int l = top + 1; l < lineNo; l++) {
            if (!file.line(l).isBlank()) {
                return !indent.isEmpty() && !indent.contains("\t") && indent.equals(indentOf(file.line(l)));
            }
        }
        return false;
    }

    private static String indentOf(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }
}
