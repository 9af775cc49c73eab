package kb.review.analysis;

import java.util.Map;
import kb.review.diff.SyntaxNode;

/**
 * The argument narrowing of a {@code returns-error} call ({@code args}, {@code arg-type}, {@code arg}): a call whose
 * error matters only for some arguments. {@code io.Copy} into a file the function opened loses data when it fails;
 * {@code io.Copy(io.Discard, resp.Body)} drains a body and a proxy's copy between two connections ends with them, both
 * left bare on purpose. An amqp {@code Ack(false)} takes an argument, Pub/Sub's and Watermill's {@code Ack()}, which
 * return no error, take none.
 */
final class ErrorCallArgs {

    private ErrorCallArgs() {
    }

    /**
     * Whether {@code call} fits the entry's argument narrowing: null when not, else {@code sure} (true) when the
     * receiver and, if named, the first argument's declared type fit; false when a name decided.
     */
    static Boolean fit(ErrorModel.Call c, SyntaxNode call, byte[] src, Map<String, String> types, boolean sure) {
        SyntaxNode args = call.getChildByFieldName("arguments");
        if (args == null || args.isNull()) {
            return null;
        }
        if (c.args() != null && !c.args().matcher(SyntaxNode.text(src, args)).find()) {
            return null;
        }
        if (c.argType() == null && c.arg() == null) {
            return sure;
        }
        if (args.getNamedChildCount() == 0) {
            return null;
        }
        String first = SyntaxNode.text(src, args.getNamedChild(0)).strip();
        if (!first.matches("&?[A-Za-z_][\\w.]*")) {
            return null;
        }
        // the first argument stands where a receiver would: `f` of `io.Copy(f, rc)` as of `f.Write(b)`
        Boolean fits = Discards.receiverMatches(c.argType(), c.arg(), first.replaceFirst("^&", "") + ".x", types);
        return fits == null ? null : sure && fits;
    }
}
