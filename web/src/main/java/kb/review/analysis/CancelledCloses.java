package kb.review.analysis;

import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * For {@link Discards} (TX-02): a {@code Close} whose error is dropped in the {@code case <-ctx.Done():} of a select,
 * the cancellation of the connection itself (a driver's watcher closing the connection when the caller's context
 * ends; precision set 14, class C). The close is how the cancellation reaches the connection: the query it cuts
 * reports the failure to its caller, and the watcher has nobody to hand the close's own error to.
 */
final class CancelledCloses {

    private static final Pattern DONE_CASE = Pattern.compile("^case\\s*<-\\s*[\\p{L}_][\\w.]*(?:\\(\\s*\\))?\\.Done\\(\\s*\\)\\s*:");
    private static final Pattern CLOSE = Pattern.compile("\\.Close\\s*$");

    private CancelledCloses() {
    }

    /** True when {@code callee} is a Close and {@code at} sits in a select case that receives from a Done channel. */
    static boolean onCancel(SyntaxNode at, String callee, byte[] src) {
        if (!CLOSE.matcher(callee).find()) {
            return false;
        }
        for (SyntaxNode p = at.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("communication_case")) {
                return DONE_CASE.matcher(SyntaxNode.text(src, p).strip()).find();
            }
            if (t.equals("func_literal") || t.equals("function_declaration") || t.equals("method_declaration")) {
                return false;
            }
        }
        return false;
    }
}
