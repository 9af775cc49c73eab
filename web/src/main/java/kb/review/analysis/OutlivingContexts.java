package kb.review.analysis;

import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * A root context ({@code context.Background()}, {@code context.TODO()}) made the parent of a cancellable context whose
 * cancel function (or the context itself) the function keeps in a field, a field's map or slice: the work it bounds
 * belongs to the object and outlives the call (a subscription, a watch, a worker that a later {@code Stop} cancels).
 * Tying it to the caller's context would end it when the request that started it ends, so TMO-02's "pass the context
 * on" does not apply; like work started by {@code go}, detaching it is the point. A cancel that is deferred or called
 * in the function keeps the call request-scoped and the drop reported.
 */
final class OutlivingContexts {

    private static final Pattern DERIVE = Pattern.compile(
            "^context\\.With(?:Cancel|Timeout|Deadline)(?:Cause)?$");

    private OutlivingContexts() {
    }

    /** True when {@code call}, a root context, is the parent of a context or cancel the enclosing function keeps. */
    static boolean kept(SyntaxNode call, byte[] src) {
        SyntaxNode args = call.getParent();
        SyntaxNode derive = args == null || args.isNull() ? null : args.getParent();
        if (derive == null || derive.isNull() || !derive.getType().equals("call_expression")
                || !DERIVE.matcher(SyntaxNode.text(src, derive.getChildByFieldName("function")).strip()).find()) {
            return false;
        }
        SyntaxNode list = derive.getParent();
        SyntaxNode assign = list == null || list.isNull() ? null : list.getParent();
        if (assign == null || assign.isNull() || !(assign.getType().equals("short_var_declaration")
                || assign.getType().equals("assignment_statement"))) {
            return false;
        }
        SyntaxNode left = assign.getChildByFieldName("left");
        if (left == null || left.isNull()) {
            return false;
        }
        String function = null;
        for (int i = 0; i < left.getNamedChildCount(); i++) {
            SyntaxNode name = left.getNamedChild(i);
            if (name.getType().equals("selector_expression") || name.getType().equals("index_expression")) {
                return true; // s.ctx, s.cancel = context.WithCancel(context.Background())
            }
            if (name.getType().equals("identifier") && !SyntaxNode.text(src, name).equals("_")) {
                function = function != null ? function : enclosing(assign, src);
                if (storedInField(SyntaxNode.text(src, name), function)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code x.f = v}, {@code x.m[k] = v} or {@code x.f = append(x.f, v)} in {@code code}. */
    private static boolean storedInField(String var, String code) {
        if (code.indexOf(var) < 0) {
            return false;
        }
        return Pattern.compile("(?m)^\\s*[\\p{L}_]\\w*\\.[\\w.]+(?:\\[[^\\]\\n]*\\])?\\s*=\\s*(?:append\\s*\\([^\\n]*,\\s*)?"
                + Pattern.quote(var) + "\\s*\\)?\\s*(?://.*)?$").matcher(code).find();
    }

    private static String enclosing(SyntaxNode n, byte[] src) {
        for (SyntaxNode p = n; p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("function_declaration") || t.equals("method_declaration") || t.equals("func_literal")) {
                return SyntaxNode.text(src, p);
            }
        }
        return "";
    }
}
