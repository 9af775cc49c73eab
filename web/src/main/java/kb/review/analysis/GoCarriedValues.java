package kb.review.analysis;

import java.nio.charset.StandardCharsets;
import kb.review.diff.SyntaxNode;

/**
 * A value that carries its call's error (a gorm chain, a go-redis command: {@code go-carried-errors-31.yaml}) kept in
 * a name that no later statement of the function asks for the error: {@code res := db.Where(...).Delete(&x)} followed
 * only by {@code res.RowsAffected}, {@code cmd := rdb.Incr(ctx, k)} followed only by {@code cmd.Val()}. The real code
 * read beside the fixes asks {@code res.Error} (or {@code cmd.Err()}, {@code cmd.Result()}) before any other field; a
 * name handed on whole (returned, passed, stored) is the receiver's to check and is left alone.
 */
final class GoCarriedValues {

    private GoCarriedValues() {
    }

    /** True when {@code name}, assigned by {@code statement}, is never asked for its error in the rest of its function. */
    static boolean neverAsked(SyntaxNode statement, String name, byte[] src) {
        SyntaxNode fn = statement.getParent();
        while (fn != null && !fn.isNull() && !fn.getType().equals("function_declaration")
                && !fn.getType().equals("method_declaration") && !fn.getType().equals("func_literal")) {
            fn = fn.getParent();
        }
        if (fn == null || fn.isNull() || name.equals("_") || !name.matches("\\w+")) {
            return false;
        }
        String rest = new String(src, statement.getEndByte(), fn.getEndByte() - statement.getEndByte(),
                StandardCharsets.UTF_8);
        int at = rest.indexOf(name);
        boolean used = false;
        while (at >= 0) {
            int end = at + name.length();
            boolean word = (at == 0 || !Character.isJavaIdentifierPart(rest.charAt(at - 1)))
                    && (end >= rest.length() || !Character.isJavaIdentifierPart(rest.charAt(end)));
            if (word && (at == 0 || rest.charAt(at - 1) != '.')) {
                String after = rest.substring(end, Math.min(rest.length(), end + 12)).stripLeading();
                if (after.startsWith(".Error") || after.startsWith(".Err(") || after.startsWith(".Result(")
                        || after.startsWith(".Scan(")) {
                    return false;
                }
                if (!after.startsWith(".")) {
                    // handed on whole (returned, passed, stored) or assigned anew: not followed here
                    return false;
                }
                used = true;
            }
            at = rest.indexOf(name, end);
        }
        return used;
    }
}
