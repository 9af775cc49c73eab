package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import kb.review.diff.SyntaxNode;

/**
 * Go: the timeouts a struct literal gets through one of its parts. A client often leaves its own whole-request
 * timeout unset and bounds the wait in the part it is given instead: {@code &http.Client{Transport: tr}} where the
 * transport sets {@code ResponseHeaderTimeout} (the usual way to bound a silent server while a large download streams
 * for as long as it needs). Each key of the part is reported to {@link Timeouts} as {@code Part.Key}
 * ({@code Transport.ResponseHeaderTimeout}), so a model lists it beside its own keys. The part is read where the
 * file shows it: a literal written in place, or a local of the same function made from a literal and set by
 * {@code tr.Key = v} before the client is built. A part made by a call or held in a field is not read.
 */
final class PartTimeouts {

    /** One key of a part: its dotted name and the text of its value. */
    record Key(String name, String value) {
    }

    private final byte[] src;

    PartTimeouts(byte[] src) {
        this.src = src;
    }

    /** The keys the part held by {@code value} (a keyed element's value under {@code field}) sets, before {@code at}. */
    List<Key> keys(String field, SyntaxNode value, SyntaxNode at) {
        List<Key> out = new ArrayList<>();
        SyntaxNode v = unwrap(value);
        if (v.getType().equals("composite_literal")) {
            literal(field, v, out);
        } else if (v.getType().equals("identifier")) {
            local(field, SyntaxNode.text(src, v), Timeouts.function(at), at.getStartByte(), out);
        }
        return out;
    }

    private static SyntaxNode unwrap(SyntaxNode n) {
        SyntaxNode v = n;
        while (v.getType().equals("literal_element") && v.getNamedChildCount() == 1
                || v.getType().equals("unary_expression") || v.getType().equals("parenthesized_expression")) {
            SyntaxNode inner = v.getType().equals("unary_expression") ? v.getChildByFieldName("operand")
                    : v.getNamedChild(0);
            if (inner == null || inner.isNull()) {
                break;
            }
            v = inner;
        }
        return v;
    }

    private void literal(String field, SyntaxNode lit, List<Key> out) {
        SyntaxNode body = lit.getChildByFieldName("body");
        if (body == null || body.isNull()) {
            return;
        }
        for (int i = 0; i < body.getNamedChildCount(); i++) {
            SyntaxNode e = body.getNamedChild(i);
            if (e.getType().equals("keyed_element") && e.getNamedChildCount() == 2) {
                out.add(new Key(field + "." + SyntaxNode.text(src, e.getNamedChild(0)),
                        SyntaxNode.text(src, e.getNamedChild(1))));
            }
        }
    }

    /** A local's literal ({@code tr := &http.Transport{...}}) and its field assignments, both before {@code before}. */
    private void local(String field, String name, SyntaxNode function, int before, List<Key> out) {
        List<SyntaxNode> statements = new ArrayList<>();
        Shapes.walk(function, "short_var_declaration", statements);
        Shapes.walk(function, "assignment_statement", statements);
        for (SyntaxNode s : statements) {
            SyntaxNode left = s.getChildByFieldName("left");
            SyntaxNode right = s.getChildByFieldName("right");
            if (s.getEndByte() > before || left == null || left.isNull() || right == null || right.isNull()
                    || left.getNamedChildCount() != 1 || right.getNamedChildCount() != 1) {
                continue;
            }
            SyntaxNode target = left.getNamedChild(0);
            SyntaxNode value = right.getNamedChild(0);
            String t = SyntaxNode.text(src, target);
            if (t.equals(name)) {
                SyntaxNode v = unwrap(value);
                if (v.getType().equals("composite_literal")) {
                    literal(field, v, out);
                }
            } else if (target.getType().equals("selector_expression")
                    && SyntaxNode.text(src, target.getChildByFieldName("operand")).equals(name)) {
                out.add(new Key(field + "." + SyntaxNode.text(src, target.getChildByFieldName("field")),
                        SyntaxNode.text(src, value)));
            }
        }
    }
}
