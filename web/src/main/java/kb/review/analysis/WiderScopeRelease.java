package kb.review.analysis;

import kb.review.diff.SyntaxNode;

/**
 * Go, for {@link GoLifecycle}: a resource held in a variable of an enclosing function or of the package, whose
 * release is that wider scope's duty when the scope releases it somewhere.
 */
final class WiderScopeRelease {

    private final byte[] src;

    WiderScopeRelease(byte[] src) {
        this.src = src;
    }

    /**
     * True when {@code var} is not declared in the function (or literal) holding {@code stmt} — it is a variable of an
     * enclosing function or of the package — and the scope that declares it (that function, or the file) releases it
     * somewhere ({@code stop := func() { t.Stop() }}, a package-level Stop function): that scope holds the duty. A
     * wider variable that nothing ever releases is still this function's leak.
     */
    boolean releasedInWiderScope(SyntaxNode stmt, String var, Model m) {
        SyntaxNode f = enclosingFunction(stmt);
        if (f == null || declares(f, var, true)) {
            return false;
        }
        SyntaxNode scope = enclosingFunction(f);
        while (scope != null && !declares(scope, var, false)) {
            scope = enclosingFunction(scope);
        }
        SyntaxNode root = scope;
        if (root == null) {
            root = f;
            while (root.getParent() != null && !root.getParent().isNull()) {
                root = root.getParent();
            }
        }
        String text = SyntaxNode.text(src, root);
        // a release written in a comment or a message ("t.Stop() is left to Close") releases nothing; a keyed
        // template keeps its literal key (MDC.remove("user"))
        return m.releasePattern(var).matcher(m.keyed() ? CodeText.withoutComments(text) : CodeText.code(text)).find();
    }

    private static SyntaxNode enclosingFunction(SyntaxNode n) {
        SyntaxNode f = n.getParent();
        while (f != null && !f.isNull() && !GO_FUNCTIONS.contains(f.getType())) {
            f = f.getParent();
        }
        return f == null || f.isNull() ? null : f;
    }

    /** True when {@code f} declares {@code var}: a parameter or result, a var spec or a := (not in nested literals). */
    private boolean declares(SyntaxNode f, String var, boolean stopAtLiterals) {
        for (int i = 0; i < f.getNamedChildCount(); i++) {
            SyntaxNode c = f.getNamedChild(i);
            if (c.getType().equals("parameter_list") && mentionsName(c, var)) {
                return true;
            }
        }
        SyntaxNode body = f.getChildByFieldName("body");
        return body != null && !body.isNull() && declaresIn(body, var);
    }

    private boolean declaresIn(SyntaxNode n, String var) {
        String t = n.getType();
        if (t.equals("func_literal")) {
            return false;
        }
        if (t.equals("var_spec") || t.equals("const_spec")) {
            for (int i = 0; i < n.getNamedChildCount(); i++) {
                SyntaxNode c = n.getNamedChild(i);
                if (c.getType().equals("identifier") && SyntaxNode.text(src, c).equals(var)) {
                    return true;
                }
            }
        }
        if (t.equals("short_var_declaration") || t.equals("range_clause")) {
            SyntaxNode left = n.getChildByFieldName("left");
            if (left != null && !left.isNull() && mentionsName(left, var)) {
                return true;
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            if (declaresIn(n.getNamedChild(i), var)) {
                return true;
            }
        }
        return false;
    }

    private boolean mentionsName(SyntaxNode n, String var) {
        if (n.getType().equals("identifier") && SyntaxNode.text(src, n).equals(var)) {
            return true;
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            if (mentionsName(n.getNamedChild(i), var)) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> GO_FUNCTIONS = java.util.Set.of("func_literal",
            "function_declaration", "method_declaration");
}
