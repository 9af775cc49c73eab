package kb.review.analysis;

import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * A Go error branch that rejects one item of an HTTP request's own payload: in a function that serves a request
 * ({@link RequestHandlers}), the branch of {@code if err := f(item); err != nil} inside a range loop, where the call is
 * given the loop's item, and the branch ends with {@code continue}: the item is dropped and the loop goes on to the
 * next. A client that sends bad items sends them in every payload, so a log there repeats with the traffic: LOG-01's
 * own bad example ({@code if (!valid(r)) log.warn(...)}: "a flood when the upstream breaks"), whatever the check is
 * named. For {@link SkippedItems}; the failure of the machinery an item is sent through is not taken: a call of the
 * standard library or of another package's value ({@code json.Marshal(it)}, {@code w.Write(it)}) sends or encodes the
 * item rather than judging it, so only a callee of the handler's own package (a bare function, or a method of the
 * receiver) counts.
 */
final class HandlerRejects {

    /**
     * A function of the handler's package, or an unexported method called on a name ({@code normalize},
     * {@code h.check}); a method of a value the receiver holds ({@code h.store.save}) is a dependency the item goes to.
     */
    private static final Pattern OWN_CALLEE = Pattern.compile("^[a-z_]\\w*$|^[a-z_]\\w*\\.[a-z]\\w*$");

    private HandlerRejects() {
    }

    /** True when {@code branch} of the Go {@code if} {@code stmt} drops one item of its handler's request. */
    static boolean skipsItem(SyntaxNode stmt, SyntaxNode branch, byte[] src) {
        if (!endsWithContinue(branch) || !RequestHandlers.serves(stmt, src)) {
            return false;
        }
        String callee = SkippedItems.itemCallee(stmt, src);
        return callee != null && OWN_CALLEE.matcher(callee).matches();
    }

    private static boolean endsWithContinue(SyntaxNode block) {
        SyntaxNode last = null;
        for (int i = 0; i < block.getNamedChildCount(); i++) {
            SyntaxNode s = block.getNamedChild(i);
            if (s.getType().equals("statement_list")) {
                return endsWithContinue(s);
            }
            if (!s.getType().equals("comment")) {
                last = s;
            }
        }
        return last != null && last.getType().equals("continue_statement");
    }
}
