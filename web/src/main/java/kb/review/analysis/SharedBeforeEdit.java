package kb.review.analysis;

import java.util.NavigableMap;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;
import kb.review.diff.TreeSitter;

/**
 * Go, for {@link PerCall}: a pool-owning client built on a line that replaces one taking the same variable from the
 * method's receiver ({@code -conn, err := s.conn(pid)} becomes {@code +conn, err := grpc.NewClient(target, s.opts...)};
 * {@code -db := r.db} becomes {@code +db, err := sql.Open(...)}). The old code shared one client per peer or per
 * store (a cache, a pool, a field); the change builds a new one on every call, which is what RES-04 asks not to do:
 * "create connection pools and clients once and share them". The models leave a gRPC connection to a caller-given
 * target alone ({@code peer:}), because a probe or a fan-out dials where it is told and closes; a replaced shared
 * accessor shows this call is neither. Only an edit's added line can be such a replacement: a whole file has none.
 */
final class SharedBeforeEdit {

    private static final Pattern ASSIGN = Pattern.compile(
            "(?m)^\\s*(?:var\\s+)?([\\p{L}_][\\w]*(?:\\s*,\\s*[\\p{L}_][\\w]*)*)\\s*:?=\\s*([\\p{L}_][\\w]*)\\s*\\.");

    private final byte[] src;
    private final NavigableMap<Integer, String> removed;
    private final IntPredicate addedLine;

    SharedBeforeEdit(byte[] src, NavigableMap<Integer, String> removed, IntPredicate addedLine) {
        this.src = src;
        this.removed = removed;
        this.addedLine = addedLine;
    }

    /**
     * True when {@code built}, held by {@code holder}, is on an added line whose replaced lines assigned
     * {@code holder} from the enclosing method's receiver, or when the change deleted a declaration of a variable of
     * the same name holding the same construction ({@link #unsharesVariable}).
     */
    boolean replacesShared(SyntaxNode built, String holder) {
        if (holder == null || removed.isEmpty() || holder.contains(".")) {
            return false;
        }
        if (unsharesVariable(built, holder)) {
            return true;
        }
        String old = RewrittenAcquisitions.replaced(built.getStartPoint().getRow() + 1, removed, addedLine);
        SyntaxNode method = TreeSitter.enclosing(built, Set.of("method_declaration", "function_declaration",
                "func_literal"));
        if (old == null || method == null || !method.getType().equals("method_declaration")) {
            return false;
        }
        SyntaxNode receiver = method.getChildByFieldName("receiver");
        SyntaxNode name = receiver == null || receiver.isNull() || receiver.getNamedChildCount() == 0 ? null
                : receiver.getNamedChild(0).getChildByFieldName("name");
        if (name == null || name.isNull()) {
            return false;
        }
        String recv = SyntaxNode.text(src, name);
        Matcher m = ASSIGN.matcher(old);
        while (m.find()) {
            if (!m.group(2).equals(recv)) {
                continue;
            }
            for (String n : m.group(1).split("\\s*,\\s*")) {
                if (n.strip().equals(holder)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True when the change deleted a plain assignment (no {@code :=}) of a variable named {@code holder} to the same
     * construction as {@code built} ({@code -var crawlClient = &http.Client{Timeout: 30 * time.Second}}, or the line
     * inside a {@code var (...)} block), while the new code builds it under that name in a function: the package
     * variable every call shared is gone and each call makes its own (session 46: the shape of the fixes read,
     * faas-flow#79 and googet#130, undone). Anywhere in the file's deleted lines, not only the replaced ones: the
     * declaration sat at the top of the file, far from the function that now builds the value.
     */
    private boolean unsharesVariable(SyntaxNode built, String holder) {
        String head = head(built);
        if (head == null) {
            return false;
        }
        Pattern declared = Regexes.compiled("(?m)^[ \\t]*(?:var\\s+)?" + Pattern.quote(holder)
                + "\\s*(?:[\\w.*\\[\\]]+\\s*)?=\\s*&?\\s*" + Pattern.quote(head) + "\\s*[({]");
        for (String old : removed.values()) {
            if (declared.matcher(old).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the deleted lines the added line of {@code built} replaces already made the same construction (the
     * same callee or literal type): the edit changed its arguments, not how often it runs, so a construction the
     * models read from the receiver's settings is left to the code that was there (set 17: netbird's reconnect loop
     * given two more options for the management client it already built per attempt).
     */
    boolean rebuiltInPlace(SyntaxNode built) {
        String head = head(built);
        String old = head == null || removed.isEmpty() ? null
                : RewrittenAcquisitions.replaced(built.getStartPoint().getRow() + 1, removed, addedLine);
        return old != null && old.contains(head) && Regexes.compiled("(?<![\\w.])" + Pattern.quote(head)
                + "\\s*[({]").matcher(old).find();
    }

    /** The type of a composite literal ({@code http.Client}) or the callee of a call ({@code redis.NewClient}). */
    private String head(SyntaxNode built) {
        SyntaxNode n = built;
        if (n.getType().equals("unary_expression") && n.getNamedChildCount() == 1) {
            n = n.getNamedChild(0);
        }
        SyntaxNode h = n.getType().equals("composite_literal") ? n.getChildByFieldName("type")
                : n.getType().equals("call_expression") ? n.getChildByFieldName("function") : null;
        return h == null || h.isNull() ? null : SyntaxNode.text(src, h);
    }
}
