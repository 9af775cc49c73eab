package kb.review.analysis;

import java.util.Set;
import kb.review.diff.SyntaxNode;

/**
 * Go: whether a local leaves its function inside what a {@code return} statement hands back, read from the tree so
 * that a return spread over several lines counts as one ({@code return &Proxy{caller: NewCaller(client)}, nil} keeps
 * {@code client} as long as the proxy lives: a constructor that wraps a client in the object it returns builds it
 * once per object). The value may be wrapped on the way: an argument of a call, an element of a composite literal,
 * its address, parentheses. A call or field on the value itself ({@code return client.Do(req)}) returns that call's
 * result, not the value; anything else (a comparison, an index) does not keep it either.
 */
final class GoReturnedOwners {

    private static final Set<String> WRAPPERS = Set.of("unary_expression", "parenthesized_expression",
            "literal_element", "keyed_element", "literal_value", "composite_literal", "expression_list");

    private GoReturnedOwners() {
    }

    /** True when a return statement of {@code function} hands the local {@code holder} back, whole or wrapped. */
    static boolean handsBack(SyntaxNode function, String holder, byte[] src) {
        return scan(function, holder, src, false);
    }

    private static boolean scan(SyntaxNode n, String holder, byte[] src, boolean inReturn) {
        String t = n.getType();
        if (t.equals("func_literal") && inReturn) {
            return false; // a closure returned: what it captures is another question
        }
        boolean ret = inReturn || t.equals("return_statement");
        if (ret && t.equals("identifier") && SyntaxNode.text(src, n).equals(holder) && returned(n)) {
            return true;
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            if (scan(n.getNamedChild(i), holder, src, ret)) {
                return true;
            }
        }
        return false;
    }

    private static boolean returned(SyntaxNode mention) {
        SyntaxNode cur = mention;
        while (true) {
            SyntaxNode p = cur.getParent();
            if (p.isNull()) {
                return false;
            }
            String t = p.getType();
            if (t.equals("return_statement")) {
                return true;
            }
            if (t.equals("argument_list")) {
                cur = p.getParent(); // handed to a call whose result is what travels on
            } else if (WRAPPERS.contains(t)) {
                cur = p;
            } else {
                return false;
            }
        }
    }
}
