package kb.review.analysis;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JavaParser's {@code Node.findAll(Class)} without its iterator: the same nodes in the same order (pre-order, the root
 * first, children left to right). JavaParser's pre-order iterator keeps its nodes in a {@code java.util.Stack}, whose
 * every push and pop takes a lock; the analyses ask for the nodes of a kind dozens of times per file, and those walks
 * were an eighth of the review benchmark's samples (C1). A file's unit is walked once: the first question asked of a
 * whole unit lays out its pre-order, kept on the unit, and every later question (of the unit or of any node in it) is
 * answered from the nodes of that kind in the node's range of it. The analyses read trees, they never change them.
 */
public final class JavaNodes {

    private static final DataKey<Order> ORDER = new DataKey<>() {
    };

    private JavaNodes() {
    }

    /** Exactly {@code root.findAll(type)}: every node under {@code root} (itself included) of {@code type}. */
    public static <T extends Node> List<T> findAll(Node root, Class<T> type) {
        Order order = Order.of(root);
        return order == null ? walk(root, type) : order.find(root, type);
    }

    private static <T extends Node> List<T> walk(Node root, Class<T> type) {
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

    /**
     * A unit's nodes in pre-order, where each node's subtree ends, and per kind asked for the positions of the nodes of
     * that kind. Laid out when a whole unit is first asked about (a unit the symbol solver parsed for a type is never
     * asked as a whole, and keeps no order); a node of a unit without one is walked as before.
     */
    private static final class Order {
        private final Node[] nodes;
        private final Map<Node, Integer> position;
        private final int[] end;
        private final Map<Class<?>, int[]> ofKind = new ConcurrentHashMap<>();

        private Order(Node unit) {
            List<Node> order = walk(unit, Node.class);
            nodes = order.toArray(new Node[0]);
            position = new IdentityHashMap<>(nodes.length * 2);
            for (int i = 0; i < nodes.length; i++) {
                position.put(nodes[i], i);
            }
            // a subtree is its node and its children's subtrees: sizes from the last node up
            int[] size = new int[nodes.length];
            end = new int[nodes.length];
            for (int i = nodes.length - 1; i >= 0; i--) {
                size[i] = 1;
                for (Node child : nodes[i].getChildNodes()) {
                    Integer at = position.get(child);
                    size[i] += at == null ? 0 : size[at];
                }
                end[i] = i + size[i];
            }
        }

        static Order of(Node node) {
            Node unit = node;
            while (unit.getParentNode().isPresent()) {
                unit = unit.getParentNode().get();
            }
            if (!(unit instanceof CompilationUnit)) {
                return null;
            }
            synchronized (unit) {
                if (unit.containsData(ORDER)) {
                    return unit.getData(ORDER);
                }
                if (unit != node) {
                    return null;
                }
                Order order = new Order(unit);
                unit.setData(ORDER, order);
                return order;
            }
        }

        <T extends Node> List<T> find(Node root, Class<T> type) {
            Integer from = position.get(root);
            if (from == null) {
                return walk(root, type); // a node added after the order was laid out (none are, but never wrong)
            }
            int[] kind = ofKind.computeIfAbsent(type, this::positions);
            int i = Arrays.binarySearch(kind, from);
            i = i < 0 ? -i - 1 : i;
            List<T> out = new ArrayList<>();
            for (; i < kind.length && kind[i] < end[from]; i++) {
                out.add(type.cast(nodes[kind[i]]));
            }
            return out;
        }

        private int[] positions(Class<?> type) {
            int count = 0;
            int[] out = new int[16];
            for (int i = 0; i < nodes.length; i++) {
                if (type.isInstance(nodes[i])) {
                    out = count == out.length ? Arrays.copyOf(out, count * 2) : out;
                    out[count++] = i;
                }
            }
            return Arrays.copyOf(out, count);
        }
    }
}
