package kb.review.diff;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSPoint;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;

/**
 * A tree-sitter node copied into the Java heap, with the subset of {@link TSNode}'s methods the analyses use and the
 * same names and meanings. Every call on a {@code TSNode} crosses JNI twice (a null check, then the call), and
 * {@code getNamedChild(i)} walks the siblings from the first each time; an analysis that walks a file's tree several
 * times spent most of its time there. The copy is made once per file with a cursor and then walked in plain Java.
 * It holds the named nodes and the unnamed ones a field names (an operator, say); other punctuation and keywords are
 * left out, so there is no index over all children.
 *
 * <p>An absent node (a missing field, the root's parent) is {@link #NULL}, for which {@link #isNull()} is true, as
 * tree-sitter answers a null node. Nodes are compared by identity: each node of a tree is copied once. The copy holds
 * no native pointer, so the tree-sitter tree can be freed as soon as it is made; rows and columns are counted on the
 * UTF-8 bytes the byte offsets index.
 */
public final class SyntaxNode {

    private static final SyntaxNode[] NONE = new SyntaxNode[0];
    /** The absent node: no type, no children. */
    public static final SyntaxNode NULL = new SyntaxNode(null, "", false, 0, 0, null);

    /** Where each line starts, in bytes, shared by every node of one tree. */
    private record Lines(int[] starts) {
        static Lines of(byte[] utf8) {
            int count = 1;
            for (byte b : utf8) {
                count += b == '\n' ? 1 : 0;
            }
            int[] starts = new int[count];
            int k = 1;
            for (int i = 0; i < utf8.length; i++) {
                if (utf8[i] == '\n') {
                    starts[k++] = i + 1;
                }
            }
            return new Lines(starts);
        }

        TSPoint point(int offset) {
            int row = java.util.Arrays.binarySearch(starts, offset);
            row = row >= 0 ? row : -row - 2;
            return new TSPoint(row, offset - starts[row]);
        }
    }

    /** Per grammar (one class each): symbol → (type, named), filled as met; both are properties of the symbol. */
    private static final Map<Class<?>, Map<Integer, Kind>> KINDS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Map<Integer, String>> FIELDS = new ConcurrentHashMap<>();

    private record Kind(String type, boolean named) {
    }

    private final Lines lines;
    private final String type;
    private final boolean named;
    private final int startByte;
    private final int endByte;
    private final SyntaxNode parent;
    private SyntaxNode[] children = NONE;
    private SyntaxNode[] namedChildren = NONE;
    private String[] fields;

    /**
     * The source text {@code n} spans in {@code utf8}, the bytes its tree was parsed from; "" for {@link #NULL}, which
     * spans no bytes. One helper for every analysis, which each used to carry a copy of it.
     */
    public static String text(byte[] utf8, SyntaxNode n) {
        return new String(utf8, n.startByte, n.endByte - n.startByte, StandardCharsets.UTF_8);
    }

    /** True when an identifier spelled {@code name} stands anywhere in {@code n}'s subtree. */
    public static boolean mentions(byte[] utf8, SyntaxNode n, String name) {
        if (n.getType().equals("identifier")) {
            return text(utf8, n).equals(name);
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            if (mentions(utf8, n.getNamedChild(i), name)) {
                return true;
            }
        }
        return false;
    }

    /** The same for a node of the native tree, for the few readers that walk it before or without the copy. */
    public static String text(byte[] utf8, TSNode n) {
        return new String(utf8, n.getStartByte(), n.getEndByte() - n.getStartByte(), StandardCharsets.UTF_8);
    }

    private SyntaxNode(Lines lines, String type, boolean named, int startByte, int endByte, SyntaxNode parent) {
        this.lines = lines;
        this.type = type;
        this.named = named;
        this.startByte = startByte;
        this.endByte = endByte;
        this.parent = parent;
    }

    /**
     * Copies the whole tree of {@code utf8}; iterative, so a deeply nested file cannot overflow the stack here. The
     * tree is only read: the caller still owns and closes it.
     */
    public static SyntaxNode of(TSTree tree, TSLanguage language, byte[] utf8) {
        Lines lines = Lines.of(utf8);
        Map<Integer, Kind> kinds = KINDS.computeIfAbsent(language.getClass(), l -> new ConcurrentHashMap<>());
        Map<Integer, String> fieldNames = FIELDS.computeIfAbsent(language.getClass(), l -> new ConcurrentHashMap<>());
        TSNode rootTs = tree.getRootNode();
        try (TSTreeCursor cursor = new TSTreeCursor(rootTs)) {
            // this copy's own view of the grammar's kinds, by symbol: a file has a few hundred node types and tens of
            // thousands of nodes, so the shared map (and an Integer per lookup) is asked once per type
            Kind[] seen = new Kind[512];
            Kind rootKind = kind(rootTs, kinds, seen);
            SyntaxNode root = new SyntaxNode(lines, rootKind.type, rootKind.named, rootTs.getStartByte(),
                    rootTs.getEndByte(), null);
            ArrayDeque<Builder> stack = new ArrayDeque<>();
            stack.push(new Builder(root));
            if (!cursor.gotoFirstChild()) {
                return root;
            }
            while (true) {
                Builder top = stack.peek();
                TSNode ts = cursor.currentNode();
                Kind kind = kind(ts, kinds, seen);
                int fieldId = cursor.currentFieldId();
                // punctuation and keywords that no field names cannot be reached through this class's methods: skipping
                // them saves two thirds of the native calls for about half of the nodes (tokens have no children)
                boolean kept = kind.named || fieldId != 0;
                SyntaxNode node = kept ? new SyntaxNode(lines, kind.type, kind.named, Direct.startByte(ts),
                        Direct.endByte(ts), top.node) : null;
                if (kept) {
                    top.add(node, fieldId == 0 ? null
                            : fieldNames.computeIfAbsent(fieldId, id -> cursor.currentFieldName()));
                }
                if (kept && cursor.gotoFirstChild()) {
                    stack.push(new Builder(node));
                    continue;
                }
                while (!cursor.gotoNextSibling()) {
                    stack.pop().finish();
                    if (!cursor.gotoParent() || stack.isEmpty()) {
                        while (!stack.isEmpty()) {
                            stack.pop().finish();
                        }
                        return root;
                    }
                }
            }
        }
    }

    private static Kind kind(TSNode ts, Map<Integer, Kind> kinds, Kind[] seen) {
        int symbol = Direct.symbol(ts);
        Kind k = symbol >= 0 && symbol < seen.length ? seen[symbol] : null;
        if (k == null) {
            k = kinds.computeIfAbsent(symbol, s -> new Kind(ts.getType(), ts.isNamed()));
            if (symbol >= 0 && symbol < seen.length) {
                seen[symbol] = k;
            }
        }
        return k;
    }

    /**
     * The three facts the copy reads from every node, at a third of the binding's cost. Each getter of the binding
     * crosses JNI twice (a null check, then the call), and each crossing reads the node object's fields back through
     * JNI: the copy, which only meets nodes the cursor gives (never null), calls the symbol and end-byte natives
     * directly and reads the start byte from the node object itself (tree-sitter keeps it as the node's first
     * context word, which {@code ts_node_start_byte} returns). The copy of a file cost more than parsing it. When the
     * binding's internals are not the ones of the version this was written for, the public getters are used.
     */
    private static final class Direct {
        private static final MethodHandle SYMBOL;
        private static final MethodHandle END_BYTE;
        private static final VarHandle START_BYTE;

        static {
            MethodHandle symbol = null;
            MethodHandle end = null;
            VarHandle start = null;
            try {
                MethodHandles.Lookup natives = MethodHandles.privateLookupIn(TSParser.class, MethodHandles.lookup());
                MethodType ofNode = MethodType.methodType(int.class, TSNode.class);
                symbol = natives.findStatic(TSParser.class, "ts_node_symbol", ofNode);
                end = natives.findStatic(TSParser.class, "ts_node_end_byte", ofNode);
                start = MethodHandles.privateLookupIn(TSNode.class, MethodHandles.lookup())
                        .findVarHandle(TSNode.class, "context0", int.class);
            } catch (ReflectiveOperationException | RuntimeException e) {
                symbol = null;
                end = null;
                start = null;
            }
            SYMBOL = symbol;
            END_BYTE = end;
            START_BYTE = start;
        }

        /** True when the copy reads nodes directly rather than through the binding's getters. */
        static boolean available() {
            return SYMBOL != null;
        }

        static int symbol(TSNode ts) {
            if (SYMBOL == null) {
                return ts.getSymbol();
            }
            try {
                return (int) SYMBOL.invokeExact(ts);
            } catch (Throwable t) {
                throw new IllegalStateException("tree-sitter symbol of " + ts, t);
            }
        }

        static int startByte(TSNode ts) {
            return START_BYTE == null ? ts.getStartByte() : (int) START_BYTE.get(ts);
        }

        static int endByte(TSNode ts) {
            if (END_BYTE == null) {
                return ts.getEndByte();
            }
            try {
                return (int) END_BYTE.invokeExact(ts);
            } catch (Throwable t) {
                throw new IllegalStateException("tree-sitter end byte of " + ts, t);
            }
        }
    }

    /** True when copies read tree-sitter's nodes directly (see {@link Direct}); for the tests. */
    static boolean readsNodesDirectly() {
        return Direct.available();
    }

    /** Collects one node's children while the cursor is below it. */
    private static final class Builder {
        final SyntaxNode node;
        final java.util.List<SyntaxNode> all = new java.util.ArrayList<>(4);
        final java.util.List<String> fields = new java.util.ArrayList<>(4);
        boolean anyField;
        int namedCount;

        Builder(SyntaxNode node) {
            this.node = node;
        }

        void add(SyntaxNode child, String field) {
            all.add(child);
            fields.add(field);
            anyField |= field != null;
            namedCount += child.named ? 1 : 0;
        }

        void finish() {
            node.children = all.toArray(NONE);
            SyntaxNode[] named = new SyntaxNode[namedCount];
            int k = 0;
            for (SyntaxNode c : node.children) {
                if (c.named) {
                    named[k++] = c;
                }
            }
            node.namedChildren = named;
            node.fields = anyField ? fields.toArray(new String[0]) : null;
        }
    }

    public boolean isNull() {
        return this == NULL;
    }

    public String getType() {
        return type;
    }

    public boolean isNamed() {
        return named;
    }

    public int getStartByte() {
        return startByte;
    }

    public int getEndByte() {
        return endByte;
    }

    /** Zero-based row and byte column of the first byte, as tree-sitter counts them. */
    public TSPoint getStartPoint() {
        return lines.point(startByte);
    }

    public TSPoint getEndPoint() {
        return lines.point(endByte);
    }

    /** The parent, or {@link #NULL} at the root. */
    public SyntaxNode getParent() {
        return parent == null ? NULL : parent;
    }

    public int getNamedChildCount() {
        return namedChildren.length;
    }

    public SyntaxNode getNamedChild(int i) {
        return i >= 0 && i < namedChildren.length ? namedChildren[i] : NULL;
    }

    /** The first child under that field name, or {@link #NULL}. */
    public SyntaxNode getChildByFieldName(String field) {
        if (fields != null) {
            for (int i = 0; i < fields.length; i++) {
                if (field.equals(fields[i])) {
                    return children[i];
                }
            }
        }
        return NULL;
    }

    /** The smallest named node that holds the first byte of {@code row} (zero-based), or this node. */
    public SyntaxNode namedDescendantAtRow(int row) {
        if (lines == null || row < 0 || row >= lines.starts().length) {
            return this;
        }
        int offset = lines.starts()[row];
        SyntaxNode found = this;
        SyntaxNode n = this;
        while (true) {
            SyntaxNode next = n.childAt(offset);
            if (next == null) {
                return found;
            }
            n = next;
            found = n.named ? n : found;
        }
    }

    /**
     * The child holding byte {@code offset}, by binary search: children are in source order and do not overlap, and
     * a file of many top-level statements has tens of thousands of them.
     */
    private SyntaxNode childAt(int offset) {
        int lo = 0;
        int hi = children.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            SyntaxNode c = children[mid];
            if (offset < c.startByte) {
                hi = mid - 1;
            } else if (offset >= c.endByte) {
                lo = mid + 1;
            } else {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return isNull() ? "(null)" : type + "[" + startByte + ".." + endByte + "]";
    }
}
