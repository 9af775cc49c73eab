package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import kb.review.diff.SyntaxNode;

/**
 * Go: the composite literals a local is written into as a field value ({@code &http.Client{Transport: tr}}). A pool
 * stored in a struct lives as long as that struct, so whether the pool is kept beyond the call is the literal's own
 * question: kept when the struct is returned or stored, dropped with it when the struct is only a local used for the
 * call ({@code client := &http.Client{Transport: tr}; return client.Do(req)}).
 */
final class LiteralHolders {

    private LiteralHolders() {
    }

    /**
     * The outermost literal (with its {@code &}) around each place in {@code function} where {@code name} is the value
     * of a keyed or positional element; empty when the local is never written into a literal.
     */
    static List<SyntaxNode> of(SyntaxNode function, String name, byte[] src) {
        List<SyntaxNode> out = new ArrayList<>();
        collect(function, name, src, out);
        return out;
    }

    private static void collect(SyntaxNode n, String name, byte[] src, List<SyntaxNode> out) {
        // the value itself, its address or (a pool embedded by value: `&PGDatabase{*db}`; set 19, AQ) its pointee
        SyntaxNode element = !n.getType().equals("identifier") ? n
                : n.getParent().getType().equals("unary_expression")
                && SyntaxNode.text(src, n.getParent()).matches("[*&]\\s*\\w+") ? n.getParent().getParent()
                : n.getParent();
        if (element != n && SyntaxNode.text(src, n).equals(name)
                && element.getType().equals("literal_element") && valueOfElement(element)) {
            SyntaxNode top = element;
            for (SyntaxNode p = top.getParent(); !p.isNull(); p = p.getParent()) {
                String t = p.getType();
                if (t.equals("composite_literal")
                        || t.equals("unary_expression") && top.getType().equals("composite_literal")) {
                    top = p;
                } else if (!t.equals("literal_value") && !t.equals("keyed_element")
                        && !t.equals("literal_element")) {
                    break;
                }
            }
            if (!top.getType().equals("literal_element")) {
                out.add(top);
            }
            return;
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            collect(n.getNamedChild(i), name, src, out);
        }
    }

    /** The element is a value: positional, or the second part of a {@code key: value} pair. */
    private static boolean valueOfElement(SyntaxNode element) {
        SyntaxNode keyed = element.getParent();
        if (!keyed.getType().equals("keyed_element")) {
            return true;
        }
        return keyed.getNamedChildCount() == 2 && keyed.getNamedChild(1).getStartByte() == element.getStartByte();
    }
}
