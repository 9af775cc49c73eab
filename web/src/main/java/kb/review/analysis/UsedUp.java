package kb.review.analysis;

import java.util.List;
import kb.review.diff.SyntaxNode;

/**
 * Java, for the built-per-call analysis ({@link PerCall}): whether a construction's chain goes on through a call that
 * uses the object rather than configuring it ({@code new HikariDataSource(cfg).getConnection()},
 * {@code new OkHttpClient().newCall(req)}, {@code HttpClients.createDefault().execute(get)}). The chain's value is
 * then what that call returns (a connection, a call, a response), and the pool or client itself has no reference
 * left: it cannot be kept, shared or closed, whatever the method does with the returned value. The calls that use a
 * model's object are its {@code uses} list (model data).
 */
final class UsedUp {

    private UsedUp() {
    }

    /** True when a method call between {@code built} and {@code top} (the chain's outermost node) is a use. */
    static boolean inChain(SyntaxNode built, SyntaxNode top, List<String> uses, byte[] src) {
        if (uses.isEmpty()) {
            return false;
        }
        int start = top.getStartByte();
        int end = top.getEndByte();
        for (SyntaxNode cur = built; !cur.isNull(); cur = cur.getParent()) {
            SyntaxNode p = cur.getParent();
            if (p.isNull() || p.getEndByte() > end || p.getStartByte() < start
                    || cur.getStartByte() == start && cur.getEndByte() == end) {
                return false;
            }
            if (p.getType().equals("method_invocation")) {
                SyntaxNode object = p.getChildByFieldName("object");
                if (!object.isNull() && object.getStartByte() == cur.getStartByte()
                        && object.getEndByte() == cur.getEndByte()
                        && uses.contains(SyntaxNode.text(src, p.getChildByFieldName("name")))) {
                    return true;
                }
            }
        }
        return false;
    }
}
