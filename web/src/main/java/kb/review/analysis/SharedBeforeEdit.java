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
     * {@code holder} from the enclosing method's receiver.
     */
    boolean replacesShared(SyntaxNode built, String holder) {
        if (holder == null || removed.isEmpty() || holder.contains(".")) {
            return false;
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
}
