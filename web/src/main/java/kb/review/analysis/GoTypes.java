package kb.review.analysis;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import kb.review.diff.SyntaxNode;

/**
 * Declared types in a Go file, by name: parameters, struct fields, {@code var} declarations and variables
 * initialised from a composite literal ({@code c := &http.Client{...}}). Names are not scoped: the last
 * declaration wins, which is enough to tell an {@code *http.Client} from a {@code *redis.Client}. A variable
 * initialised by a standard constructor whose one result has a fixed type ({@code exec.Command}) has that type, so a
 * model keyed on the type does not depend on the variable's name.
 */
final class GoTypes {

    private GoTypes() {
    }

    /** Standard-library functions with one result, by the type (pointer star dropped) of what they return. */
    private static final Map<String, String> CONSTRUCTED = Map.of(
            "exec.Command", "exec.Cmd",
            "exec.CommandContext", "exec.Cmd");

    /** The last file's answer, per thread: the rules of one file ask for the same tree several times in a row. */
    private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

    /** The declared types of the file's names; the map is shared, callers must not change it. */
    static Map<String, String> declared(SyntaxNode root, byte[] src) {
        Object[] last = LAST.get();
        if (last != null && last[0] == root && last[1] == src) {
            @SuppressWarnings("unchecked")
            Map<String, String> known = (Map<String, String>) last[2];
            return known;
        }
        Map<String, String> out = new HashMap<>();
        walk(root, src, out);
        Map<String, String> shared = Collections.unmodifiableMap(out);
        // A one-entry memo per thread, checked by identity: it holds the last file only, so it stays bounded, and a
        // stale entry is never read for another file.
        // kb:ignore CONC-04 -- bounded one-file memo, see above
        LAST.set(new Object[] {root, src, shared});
        return shared;
    }

    private static void walk(SyntaxNode n, byte[] src, Map<String, String> out) {
        String t = n.getType();
        switch (t) {
            case "parameter_declaration", "field_declaration", "var_spec" -> {
                SyntaxNode type = n.getChildByFieldName("type");
                if (type != null && !type.isNull()) {
                    String ty = SyntaxNode.text(src, type).replace("*", "");
                    for (int i = 0; i < n.getNamedChildCount(); i++) {
                        SyntaxNode c = n.getNamedChild(i);
                        if (c.getType().equals("identifier") || c.getType().equals("field_identifier")) {
                            out.put(SyntaxNode.text(src, c), ty);
                        }
                    }
                }
            }
            case "short_var_declaration" -> {
                SyntaxNode left = n.getChildByFieldName("left");
                SyntaxNode right = n.getChildByFieldName("right");
                if (left != null && right != null && !left.isNull() && !right.isNull()
                        && left.getNamedChildCount() == 1 && right.getNamedChildCount() == 1) {
                    SyntaxNode v = right.getNamedChild(0);
                    if (v.getType().equals("unary_expression") && v.getNamedChildCount() == 1) {
                        v = v.getNamedChild(0);
                    }
                    if (v.getType().equals("composite_literal")) {
                        SyntaxNode type = v.getChildByFieldName("type");
                        if (type != null && !type.isNull()) {
                            out.put(SyntaxNode.text(src, left.getNamedChild(0)), SyntaxNode.text(src, type));
                        }
                    } else if (v.getType().equals("call_expression")
                            && CONSTRUCTED.containsKey(SyntaxNode.text(src, v.getChildByFieldName("function")))) {
                        out.put(SyntaxNode.text(src, left.getNamedChild(0)),
                                CONSTRUCTED.get(SyntaxNode.text(src, v.getChildByFieldName("function"))));
                    } else if (v.getType().equals("identifier") && out.containsKey(SyntaxNode.text(src, v))) {
                        // a copy of a declared value (`c := *client` to change one field of a shared client)
                        out.put(SyntaxNode.text(src, left.getNamedChild(0)), out.get(SyntaxNode.text(src, v)));
                    }
                }
            }
            default -> {
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            walk(n.getNamedChild(i), src, out);
        }
    }
}
