package kb.review.analysis;

import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Two ways Java code returns a client or pool that the plain "is it returned?" test missed (set 4, class AQ):
 * <ul>
 *   <li>a factory that picks one of two constructions by a condition ({@code return secure ? buildTls() :
 *       HttpClients.createDefault();}): each branch of the conditional is the returned value;</li>
 *   <li>a caller that hands the provider's product to a new object it returns ({@code ExecutorService e = ...
 *       defaultExecutor(); return new DefaultAsyncClient(delegate, e);}): the pool lives as long as the returned
 *       client, whose builder decides how often it is made.</li>
 * </ul>
 * Both keep the value beyond the call, which {@link PerCall} already treats as a factory whose callers decide how often
 * it runs; a pool built and used inside the method stays per call.
 */
final class KeptByReturn {

    private KeptByReturn() {
    }

    /**
     * The conditional expression (or parentheses) whose branch {@code n} is, outermost first stop; {@code n} itself
     * when it is not a branch. The condition of a conditional is not one of its values.
     */
    static SyntaxNode throughChoice(SyntaxNode n) {
        SyntaxNode out = n;
        for (SyntaxNode p = n.getParent(); !p.isNull(); p = p.getParent()) {
            if (p.getType().equals("parenthesized_expression")) {
                out = p;
                continue;
            }
            if (p.getType().equals("ternary_expression")) {
                SyntaxNode condition = p.getChildByFieldName("condition");
                if (condition != null && !condition.isNull() && condition.getStartByte() == out.getStartByte()
                        && condition.getEndByte() == out.getEndByte()) {
                    return out;
                }
                out = p;
                continue;
            }
            return out;
        }
        return out;
    }

    /** {@code return new T(..., v, ...)} in the body: the local is handed whole to the object the method returns. */
    static boolean wrappedInReturned(String body, String v) {
        return Pattern.compile("\\breturn\\s+new\\s+[\\w.$]+\\s*(<[^;]*?>)?\\s*\\([^;]*(?<![\\w.$])" + Pattern.quote(v)
                + "(?![\\w$(.\\[])[^;]*\\)\\s*;").matcher(body).find();
    }
}
