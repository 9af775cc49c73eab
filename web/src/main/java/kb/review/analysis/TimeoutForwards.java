package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.ArrayList;
import java.util.List;
import kb.review.diff.SyntaxNode;

/**
 * A construction that only forwards its caller's call one level down: the enclosing Java method overrides the called
 * method ({@code @Override}, same name) and passes its own parameters on unchanged ({@code @Override public void
 * connect(SocketAddress a) { delegate.connect(a); }} in a socket decorator). The decorator implements the unbounded
 * form of an API that also has a bounded one, as its delegate does; which one runs is the caller's choice, made where
 * the wrapper is called, so the model's "no timeout can be given here" does not hold at this line. A plain wrapper
 * function ({@code func Get(u string) { return http.Get(u) }}) is not this: its caller has no bounded form to pick.
 */
final class TimeoutForwards {

    private TimeoutForwards() {
    }

    /** True when the Java call {@code call} forwards the enclosing function's parameters under its own name. */
    static boolean forwards(SyntaxNode call, byte[] src) {
        if (!call.getType().equals("method_invocation")) {
            return false;
        }
        String callee = text(src, call.getChildByFieldName("name"));
        SyntaxNode f = Timeouts.function(call);
        if (!f.getType().equals("method_declaration") || !overrides(f, src)) {
            return false;
        }
        SyntaxNode name = f.getChildByFieldName("name");
        if (name.isNull() || !text(src, name).equals(callee)) {
            return false;
        }
        List<String> params = new ArrayList<>();
        names(f.getChildByFieldName("parameters"), src, params);
        List<String> args = new ArrayList<>();
        SyntaxNode a = call.getChildByFieldName("arguments");
        for (int i = 0; !a.isNull() && i < a.getNamedChildCount(); i++) {
            args.add(text(src, a.getNamedChild(i)).strip());
        }
        return !params.isEmpty() && params.equals(args);
    }

    private static boolean overrides(SyntaxNode method, byte[] src) {
        for (int i = 0; i < method.getNamedChildCount(); i++) {
            SyntaxNode c = method.getNamedChild(i);
            if (c.getType().equals("modifiers")) {
                return text(src, c).contains("@Override");
            }
        }
        return false;
    }

    /** The parameter names in order. */
    private static void names(SyntaxNode list, byte[] src, List<String> out) {
        for (int i = 0; !list.isNull() && i < list.getNamedChildCount(); i++) {
            SyntaxNode p = list.getNamedChild(i);
            if (p.getType().equals("formal_parameter") || p.getType().equals("spread_parameter")) {
                SyntaxNode n = p.getChildByFieldName("name");
                out.add(n.isNull() ? "" : text(src, n));
            }
        }
    }
}
