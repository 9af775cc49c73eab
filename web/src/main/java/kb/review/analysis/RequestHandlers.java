package kb.review.analysis;

import java.util.Set;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;
import kb.review.diff.TreeSitter;

/**
 * Go functions that serve one HTTP request: their parameters hold the request or a web framework's request context
 * ({@code http.ResponseWriter}, {@code *http.Request}, echo's {@code echo.Context}, gin's {@code *gin.Context},
 * fiber's {@code *fiber.Ctx}). Whatever else they do, they run once per request, so a client they build and drop is
 * built per request; a command, a controller's set-up or a test builds it once.
 */
final class RequestHandlers {

    private static final Pattern REQUEST = Pattern.compile(
            "\\bhttp\\.ResponseWriter\\b|\\*http\\.Request\\b|\\becho\\.Context\\b|\\*gin\\.Context\\b|\\*?fiber\\.Ctx\\b");
    /** A gRPC method's signature, server or client: {@code (ctx context.Context, req *pb.XRequest) (*pb.XResponse, error)}. */
    private static final Pattern RPC = Pattern.compile("^\\(\\s*\\w+\\s+context\\.Context\\s*,\\s*\\w+\\s+\\*\\w+\\.\\w+Request\\s*\\)"
            + "\\s*\\(\\s*\\*\\w+\\.\\w+(?:Response|Reply)\\s*,\\s*error\\s*\\)");
    /** A handler that writes the access log, or one run per login, set-up or administrative change. */
    private static final Pattern RARE_OR_LOGGING = Pattern.compile("(?i)log|access|audit|trac(?:e|ing)|debug|auth|sign"
            + "|regist|token|oauth|pkce|passw|callback|install|setup|config|setting|admin|reload|restart|shutdown|init");
    private static final Set<String> FUNCTIONS = Set.of("function_declaration", "method_declaration", "func_literal");

    private RequestHandlers() {
    }

    /** True when the function (or function literal) around {@code n} takes an HTTP request. */
    static boolean serves(SyntaxNode n, byte[] src) {
        SyntaxNode fn = TreeSitter.enclosing(n, FUNCTIONS);
        if (fn == null) {
            return false;
        }
        SyntaxNode params = fn.getChildByFieldName("parameters");
        return params != null && !params.isNull() && REQUEST.matcher(SyntaxNode.text(src, params)).find();
    }

    /**
     * (session 46, log46) True when the function around the log call {@code n} runs once per request it serves or
     * sends, read from its signature alone: an HTTP handler, a middleware's inner handler literal or a router's match
     * (it takes an HTTP request or a framework's request context), or a gRPC method (a context and one
     * {@code *pkg.XRequest} in, {@code *pkg.XResponse} or {@code Reply} and an error out), on the server or the
     * client side. A line at the top of such a function is written for every request: at the request rate, with no
     * loop in sight. Not a function whose name or receiver says it writes the access log itself (a logging
     * middleware), nor an endpoint that runs once per login, set-up or administrative change (its name says so):
     * the rare requests whose lines session 32 found deliberate.
     */
    static boolean perRequest(SyntaxNode n, byte[] src) {
        SyntaxNode fn = TreeSitter.enclosing(n, FUNCTIONS);
        if (fn == null) {
            return false;
        }
        SyntaxNode params = fn.getChildByFieldName("parameters");
        SyntaxNode body = fn.getChildByFieldName("body");
        if (params == null || params.isNull() || body == null || body.isNull()) {
            return false;
        }
        String sig = new String(src, params.getStartByte(), body.getStartByte() - params.getStartByte(),
                java.nio.charset.StandardCharsets.UTF_8);
        if (!REQUEST.matcher(SyntaxNode.text(src, params)).find() && !RPC.matcher(sig).find()) {
            return false;
        }
        SyntaxNode name = fn.getChildByFieldName("name");
        SyntaxNode recv = fn.getChildByFieldName("receiver");
        String named = (name == null || name.isNull() ? "" : SyntaxNode.text(src, name))
                + (recv == null || recv.isNull() ? "" : " " + SyntaxNode.text(src, recv));
        return !RARE_OR_LOGGING.matcher(named).find();
    }
}
