package kb.review.analysis;

import static kb.review.analysis.GoAcquisitions.ERR_NAME;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.analysis.Cfg.Kind;
import kb.review.analysis.Cfg.Node;
import kb.review.analysis.Lifecycle.Acquisition;
import kb.review.diff.SyntaxNode;

/**
 * For the Go lifecycle pass ({@link GoLifecycle}): when a tracked value is handed to a wrapper built around it in the
 * same function (a struct literal, a visible constructor, a package's {@code New...}/{@code Wrap...} by name), so
 * that from there the wrapper's release ends it; and when a bare method call hands the wrapper itself to something
 * longer-lived. Apart from the pass's acquisitions and effects because it is the one part that reasons about a second
 * holder of the value.
 */
final class GoWrappers {

    private final byte[] src;
    private final Summaries summaries;

    GoWrappers(byte[] src, Summaries summaries) {
        this.src = src;
        this.summaries = summaries;
    }

    /**
     * Constructors by name whose result wraps what they are given: New.../Wrap.../Make..., and the session types of
     * TLS and stream multiplexers that are built around a connection ({@code tls.Client}, {@code yamux.Server}).
     */
    private static final Pattern CONSTRUCTOR = Pattern.compile("(New|new|Wrap|wrap|Make|make)\\w*|Client|Server");

    /** What {@link LifecycleFacts#movedTo} asks: the wrapper that takes {@code a} over at {@code n}, or null. */
    String movedTo(Node n, Acquisition a) {
        Model m = a.model();
        String alias = alias(n, a);
        if (alias != null) {
            return alias;
        }
        if (n.kind != Kind.STMT || !(n.ast instanceof SyntaxNode s) || !s.getType().equals("short_var_declaration")
                || !m.kind().equals("resource") || !m.escapes() || !m.show(a.var()).equals(a.var())) {
            return null;
        }
        SyntaxNode left = s.getChildByFieldName("left");
        SyntaxNode right = s.getChildByFieldName("right");
        if (left == null || left.isNull() || right == null || right.isNull() || right.getNamedChildCount() != 1
                || left.getNamedChildCount() > 2) {
            return null;
        }
        String holder = SyntaxNode.text(src, left.getNamedChild(0));
        if (!left.getNamedChild(0).getType().equals("identifier") || holder.equals("_")
                || ERR_NAME.matcher(holder).matches()) {
            return null;
        }
        if (left.getNamedChildCount() == 2) {
            String second = SyntaxNode.text(src, left.getNamedChild(1));
            // a second result that is not an error may be what keeps the value; an error is known by its name or by
            // the check that hands it on (`w, cause := wrap(f); if cause != nil { return nil, cause }`)
            if (!second.equals("_") && !GoErrors.holdsError(second, function(s))) {
                return null;
            }
        }
        SyntaxNode value = right.getNamedChild(0);
        if (value.getType().equals("unary_expression") && value.getNamedChildCount() == 1) {
            value = value.getNamedChild(0); // &Port{f: f}
        }
        if (value.getType().equals("composite_literal")) {
            return holder; // a struct built here around the value: it lives in the struct, still in this function
        }
        if (!value.getType().equals("call_expression")) {
            return null;
        }
        SyntaxNode fn = value.getChildByFieldName("function");
        if (fn == null || fn.isNull()) {
            return null;
        }
        String callee = SyntaxNode.text(src, fn);
        String simple = Summaries.simpleName(callee);
        if (summaries.knows(callee)) {
            // a visible constructor that keeps its argument (the only way a visible call escapes the value)
            return holder;
        }
        // By name only for a package's constructor (tls.Client, yamux.Server, bufio.NewReader): a helper of this
        // package the review cannot see may keep the value for good, and is taken as a hand-over (GoUnseenHelpersTest)
        return callee.contains(".") && CONSTRUCTOR.matcher(simple).matches() ? holder : null;
    }

    /**
     * A local that only names the tracked value again ({@code var body io.Reader = resp.Body}, {@code r := resp.Body},
     * {@code f2 := f}): the same value under a second name, followed as a holder so that a path which returns early
     * after it still leaks, and closing or handing on either name ends the duty. Null for anything else.
     */
    private String alias(Node n, Acquisition a) {
        Model m = a.model();
        if (n.kind != Kind.STMT || !(n.ast instanceof SyntaxNode s) || !m.kind().equals("resource")) {
            return null;
        }
        SyntaxNode left;
        SyntaxNode right;
        if (s.getType().equals("short_var_declaration")) {
            left = s.getChildByFieldName("left");
            right = s.getChildByFieldName("right");
        } else if (s.getType().equals("var_declaration") && s.getNamedChildCount() == 1
                && s.getNamedChild(0).getType().equals("var_spec")) {
            SyntaxNode spec = s.getNamedChild(0);
            left = spec;
            right = spec.getChildByFieldName("value");
            if (spec.getChildByFieldName("name") == null || spec.getChildByFieldName("name").isNull()) {
                return null;
            }
        } else {
            return null;
        }
        if (left == null || left.isNull() || right == null || right.isNull() || right.getNamedChildCount() != 1) {
            return null;
        }
        SyntaxNode name = left.getType().equals("var_spec") ? left.getChildByFieldName("name") : left.getNamedChild(0);
        if (left.getType().equals("expression_list") && left.getNamedChildCount() != 1
                || !name.getType().equals("identifier")) {
            return null;
        }
        String holder = SyntaxNode.text(src, name);
        String value = SyntaxNode.text(src, right.getNamedChild(0)).strip();
        if (holder.equals("_") || holder.equals(a.var())
                || !value.equals(a.var()) && !value.equals(m.show(a.var()))) {
            return null;
        }
        return holder;
    }

    /** The text of the function that holds {@code n}, or the statement's own text at package level. */
    private String function(SyntaxNode n) {
        SyntaxNode fn = n;
        while (fn.getParent() != null && !fn.getParent().isNull() && !fn.getType().equals("function_declaration")
                && !fn.getType().equals("method_declaration") && !fn.getType().equals("func_literal")) {
            fn = fn.getParent();
        }
        return SyntaxNode.text(src, fn);
    }

    /**
     * True when the statement is a bare method call on the wrapper ({@code srv.Start()}, its result unused) that may
     * hand the wrapper to something longer-lived: the review cannot see the method, or sees it start a goroutine.
     * A call whose error is checked ({@code if err := c.handshake(); err != nil}) is a step that can fail, not this.
     */
    boolean startsOwner(String text, String holder) {
        Matcher m = Pattern.compile("^" + Pattern.quote(holder) + "\\.(\\w+)\\s*\\(").matcher(text);
        if (!m.find()) {
            return false;
        }
        List<Summaries.Function> fs = summaries.declarations(holder + "." + m.group(1));
        return fs.isEmpty() || fs.stream().anyMatch(f -> GO_STATEMENT.matcher(f.body()).find());
    }

    private static final Pattern GO_STATEMENT = Pattern.compile("(?m)^\\s*go\\s");
}
