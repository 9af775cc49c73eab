package kb.review.analysis;

import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * JavaParser's {@code Node.findAll(Class)} without its iterator: the same nodes in the same order (pre-order, the root
 * first, children left to right), walked with an unsynchronised stack. JavaParser's pre-order iterator keeps its nodes
 * in a {@code java.util.Stack}, whose every push and pop takes a lock; the analyses ask for the nodes of a kind dozens
 * of times per file, and those walks were an eighth of the review benchmark's samples (C1).
 */
public final class JavaNodes {

    private JavaNodes() {
    }

    /** Exactly {@code root.findAll(type)}: every node under {@code root} (itself included) of {@code type}. */
    public static <T extends Node> List<T> findAll(Node root, Class<T> type) {
        List<T> out = new ArrayList<>();
        ArrayList<Node> stack = new ArrayList<>();
        stack.add(root);
        while (!stack.isEmpty()) {
            Node n = stack.remove(stack.size() - 1);
            if (type.isInstance(n)) {
                out.add(type.cast(n));
            }
            List<Node> children = n.getChildNodes();
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.add(children.get(i));
            }
        }
        return out;
    }
}
