package kb.review.analysis;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * The clients {@link PerCall} sees built by a helper rather than in place: a Go call of a function of the change, in
 * another file, that builds a new value of a model per call ({@link GoFactories}), and a Java factory method whose
 * value leaves by a return and which another class of the change calls per call ({@link FactoryCallers}). Moved out
 * of {@code PerCall} unchanged. One instance per file.
 */
final class HelperClients {

    private final byte[] src;
    /** Go: functions of the change in other files that build a new value of a model per call. */
    private final Map<String, GoFactories.Factory> factories;
    private final Summaries summaries;
    private final Timeouts helper;
    private final OneTimeContexts once;
    /** Java factory methods already reported for a caller elsewhere: one finding per factory. */
    private final Set<Integer> reportedFactories = new java.util.HashSet<>();

    HelperClients(byte[] src, Map<String, GoFactories.Factory> factories, Summaries summaries, Timeouts helper,
                  OneTimeContexts once) {
        this.src = src;
        this.factories = factories;
        this.summaries = summaries;
        this.helper = helper;
        this.once = once;
    }

    /** The factory a Go call names (bare from its own package, else qualified by the package's import), or null. */
    GoFactories.Factory factory(SyntaxNode n) {
        if (factories.isEmpty() || !n.getType().equals("call_expression")) {
            return null;
        }
        String callee = text(n.getChildByFieldName("function"));
        GoFactories.Factory f = factories.get(callee.substring(callee.lastIndexOf('.') + 1));
        return f != null && f.calledAs(callee) ? f : null;
    }

    /**
     * Java: the value leaves its method by a return (itself, or what it was handed to) and a method of another class
     * of the change calls that factory per call (see {@link FactoryCallers}); one finding per factory, at its first
     * construction. Null otherwise.
     */
    String factoryCalledElsewhere(SyntaxNode top, TimeoutModel model) {
        SyntaxNode fn = Timeouts.function(top);
        String holder = helper.holder(top);
        boolean returned = holder == null ? top.getParent().getType().equals("return_statement")
                : !holder.contains(".") && ReturnedOwners.returnsOwner(fn, holder, model.uses(), src)
                && !Pattern.compile("[.\\]]\\w*\\s*=\\s*" + Pattern.quote(holder) + "\\b").matcher(text(fn)).find();
        if (!returned || !fn.getType().equals("method_declaration") || once.oneTime(fn)
                || !reportedFactories.add(fn.getStartByte())) {
            return null;
        }
        SyntaxNode type = kb.review.diff.TreeSitter.enclosing(fn, Set.of("class_declaration"));
        String why = type == null ? null : FactoryCallers.perCallElsewhere(fn, text(fn.getChildByFieldName("name")),
                text(type.getChildByFieldName("name")), summaries);
        if (why == null) {
            reportedFactories.remove(fn.getStartByte());
        }
        return why;
    }

    private String text(SyntaxNode n) {
        return SyntaxNode.text(src, n);
    }
}
