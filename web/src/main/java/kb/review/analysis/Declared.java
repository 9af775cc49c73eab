package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import kb.review.diff.SyntaxNode;

/** Declared types of Java names on the tree-sitter tree, for the analyses that work on it. */
final class Declared {

    private Declared() {
    }

    /**
     * The type written for {@code name} (generic arguments left out): the nearest local or parameter declared before
     * {@code before} in the method around it, else a field of the file; null when the file declares no such name.
     */
    static String type(SyntaxNode root, byte[] src, String name, int before) {
        List<SyntaxNode> found = new ArrayList<>();
        Shapes.walkAll(root, "variable_declarator", found);
        Shapes.walkAll(root, "formal_parameter", found);
        String local = null;
        String field = null;
        for (SyntaxNode d : found) {
            SyntaxNode n = d.getChildByFieldName("name");
            if (n == null || n.isNull() || !SyntaxNode.text(src, n).equals(name)) {
                continue;
            }
            SyntaxNode owner = d.getType().equals("formal_parameter") ? d : d.getParent();
            SyntaxNode type = owner.getChildByFieldName("type");
            if (type == null || type.isNull()) {
                continue;
            }
            String t = SyntaxNode.text(src, type).replaceAll("<.*", "").strip();
            if (owner.getType().equals("field_declaration")) {
                field = t;
            } else if (d.getStartByte() < before && encloses(Timeouts.function(d), before)) {
                local = t;
            }
        }
        return local != null ? local : field;
    }

    private static boolean encloses(SyntaxNode function, int at) {
        return function.getStartByte() <= at && at < function.getEndByte();
    }
}
