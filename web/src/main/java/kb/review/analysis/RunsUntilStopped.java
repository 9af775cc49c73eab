package kb.review.analysis;

import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Go, for {@link PerCall}: a function that, once it has built its client, stays running until it is stopped (a
 * consumer's or a subscriber's {@code Run}), so the client it builds is its own for the life of the process.
 */
final class RunsUntilStopped {

    private static final Pattern STOP_WAIT = Pattern.compile(
            "<-\\s*[\\w.]*(?:ctx|Ctx|context|done|Done|stop|Stop|quit|Quit)\\w*(?:\\(\\s*\\))?");

    private final byte[] src;

    RunsUntilStopped(byte[] src) {
        this.src = src;
    }

    private String text(SyntaxNode n) {
        return SyntaxNode.text(src, n);
    }

    /**
     * Go: true when the function, after the construction, stays in it until it is stopped: a {@code for} with no
     * condition and no range ({@code for { group.Consume(ctx, ...) }}), an empty {@code select {}}, or a bare wait on a
     * done channel or a context ({@code <-ctx.Done()}), outside the function literals it holds. Such a function is a
     * consumer's or a subscriber's {@code Run}, started once for the life of the process (or of its context), and the
     * client it builds is its own, kept for as long as it runs. Only a function that takes no request (its parameters
     * are contexts and channels) counts: a request method that reads a stream in a {@code for { ... }} loop is per
     * call.
     */
    boolean runsUntilStopped(SyntaxNode function, SyntaxNode built) {
        SyntaxNode body = function.getChildByFieldName("body");
        return body != null && !body.isNull() && takesNoRequest(function) && waitsForStop(body, built.getEndByte());
    }

    /**
     * True when every parameter is a context or a channel (a done or stop channel, a work queue): the function is a
     * lifecycle step, not a request handler. A method given a request ({@code Read(req, stream)}) that proxies a
     * stream in a {@code for { ... Recv() ... }} loop serves one call, however long its loop.
     */
    private boolean takesNoRequest(SyntaxNode function) {
        SyntaxNode params = function.getChildByFieldName("parameters");
        if (params == null || params.isNull()) {
            return true;
        }
        for (int i = 0; i < params.getNamedChildCount(); i++) {
            SyntaxNode decl = params.getNamedChild(i);
            if (!decl.getType().endsWith("parameter_declaration")) {
                continue;
            }
            SyntaxNode type = decl.getChildByFieldName("type");
            String t = type == null || type.isNull() ? "" : text(type);
            if (t.matches("(<-\\s*)?chan\\b.*")) {
                continue;
            }
            for (int j = 0; j < decl.getNamedChildCount(); j++) {
                SyntaxNode id = decl.getNamedChild(j);
                if (id.getType().equals("identifier") && !GoTypes.context(text(id), t)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean waitsForStop(SyntaxNode n, int after) {
        String t = n.getType();
        if (t.equals("func_literal")) {
            return false; // a literal's loop runs when the literal is called, not here
        }
        if (n.getStartByte() >= after) {
            if (t.equals("for_statement") && unbounded(n)) {
                return true;
            }
            if (t.equals("select_statement") && n.getNamedChildCount() == 0) {
                return true;
            }
            if (t.equals("expression_statement") && STOP_WAIT.matcher(text(n)).matches()) {
                return true;
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            if (waitsForStop(n.getNamedChild(i), after)) {
                return true;
            }
        }
        return false;
    }

    /** A Go {@code for} with no condition, no clause and no range: {@code for { ... }}. */
    private static boolean unbounded(SyntaxNode loop) {
        SyntaxNode body = loop.getChildByFieldName("body");
        for (int i = 0; i < loop.getNamedChildCount(); i++) {
            SyntaxNode c = loop.getNamedChild(i);
            if (!c.equals(body) && !c.getType().equals("comment")) {
                return false;
            }
        }
        return true;
    }
}
