package kb.review.analysis;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Whether a condition tests an error value, known by how the value was obtained rather than by what it is called:
 * the last result of a Go call ({@code n, failure := w.Write(b)}, {@code if e := f(); e != nil}), a Go value declared
 * {@code error} or made by {@code errors.New}/{@code fmt.Errorf}, a Java value declared as an exception or
 * throwable. Only the code before the condition in its function counts, with literals and comments blanked: a
 * message that says {@code "e, err := ..."} declares nothing.
 */
final class ErrorValues {
    private static final Pattern NIL_TEST = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)\\s*[!=]=\\s*(?:nil|null)\\b");

    private ErrorValues() {
    }

    /** True when {@code test}, the condition of the if {@code branch}, compares an error value with nil or null. */
    static boolean testsOne(String test, SyntaxNode branch, byte[] src, boolean go) {
        Matcher m = NIL_TEST.matcher(test);
        String before = null;
        while (m.find()) {
            if (before == null) {
                before = codeBefore(branch, src);
            }
            if (go ? goError(m.group(1), before) : javaError(m.group(1), before)) {
                return true;
            }
        }
        return false;
    }

    private static boolean goError(String name, String code) {
        String q = Pattern.quote(name);
        return Pattern.compile("(?<![\\w.])(?:[\\w.\\[\\]]+\\s*,\\s*)+" + q + "\\s*:?=(?!=)(?!\\s*range\\b)[^\\n;]*\\)[ \\t]*(?:[;\\n{]|$)")
                .matcher(code).find()
                || Pattern.compile("\\bif\\s+" + q + "\\s*:?=(?!=)[^\\n;]*\\)\\s*;\\s*$").matcher(code).find()
                || Pattern.compile("(?<![\\w.])" + q + "\\s+error\\b").matcher(code).find()
                || Pattern.compile("(?<![\\w.])" + q + "\\s*:?=\\s*(?:errors\\.(?:New|Join)|fmt\\.Errorf)\\s*\\(")
                        .matcher(code).find();
    }

    private static boolean javaError(String name, String code) {
        return Pattern.compile("\\b\\w*(?:Exception|Error|Throwable)(?:<[^>]*>)?\\s+" + Pattern.quote(name) + "\\b")
                .matcher(code).find();
    }

    /** The code of the function holding {@code n}, from its start up to the start of {@code n}'s condition. */
    private static String codeBefore(SyntaxNode n, byte[] src) {
        SyntaxNode fn = n;
        while (fn.getParent() != null && !fn.getParent().isNull() && !function(fn.getType())) {
            fn = fn.getParent();
        }
        SyntaxNode cond = n.getChildByFieldName("condition");
        int end = cond == null || cond.isNull() ? n.getStartByte() : cond.getStartByte();
        int start = Math.min(fn.getStartByte(), end);
        return CodeText.code(new String(src, start, end - start, StandardCharsets.UTF_8));
    }

    private static boolean function(String type) {
        return type.equals("function_declaration") || type.equals("method_declaration") || type.equals("func_literal")
                || type.equals("lambda_expression") || type.equals("constructor_declaration");
    }
}
