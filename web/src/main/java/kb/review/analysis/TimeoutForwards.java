package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.ArrayList;
import java.util.List;
import kb.review.diff.SyntaxNode;

/**
 * A construction that only forwards its caller's call one level down: the enclosing method has the called method's
 * name and passes its own parameters on unchanged ({@code public void connect(SocketAddress a) { delegate.connect(a); }}
 * in a socket wrapper, {@code func (d *Dialer) Dial(network, addr string) { return net.Dial(network, addr) }}). A
 * decorator offers the same unbounded form its delegate offers, beside the bounded one; which one runs is the caller's
 * choice, made where the wrapper is called, so the model's "no timeout can be given here" does not hold at this line.
 */
final class TimeoutForwards {

    private TimeoutForwards() {
    }

    /** True when {@code call} (a Go or Java call) forwards the enclosing function's parameters under its own name. */
    static boolean forwards(SyntaxNode call, byte[] src) {
        String callee;
        if (call.getType().equals("method_invocation")) {
            callee = text(src, call.getChildByFieldName("name"));
        } else if (call.getType().equals("call_expression")) {
            callee = text(src, call.getChildByFieldName("function")).replaceFirst("^.*\\.", "");
        } else {
            return false;
        }
        SyntaxNode f = Timeouts.function(call);
        String type = f.getType();
        if (!type.equals("method_declaration") && !type.equals("function_declaration")) {
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

    /** The parameter names in order (Java {@code formal_parameter}, Go {@code parameter_declaration}). */
    private static void names(SyntaxNode list, byte[] src, List<String> out) {
        for (int i = 0; !list.isNull() && i < list.getNamedChildCount(); i++) {
            SyntaxNode p = list.getNamedChild(i);
            if (p.getType().equals("formal_parameter") || p.getType().equals("spread_parameter")) {
                SyntaxNode n = p.getChildByFieldName("name");
                out.add(n.isNull() ? "" : text(src, n));
            } else if (p.getType().equals("parameter_declaration")) {
                for (int j = 0; j < p.getNamedChildCount(); j++) {
                    if (p.getNamedChild(j).getType().equals("identifier")) {
                        out.add(text(src, p.getNamedChild(j)));
                    }
                }
            }
        }
    }
}
