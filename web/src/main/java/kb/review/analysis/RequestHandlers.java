package kb.review.analysis;

import java.util.Set;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;
import kb.review.diff.TreeSitter;

/**
 * Go functions that serve one HTTP request: their parameters hold the request or a web framework's request context
 * ({@code http.ResponseWriter}, {@code *http.Request}, echo's {@code echo.Context}, gin's {@code *gin.Context},
 * fiber's {@code *fiber.Ctx}, fasthttp's {@code *fasthttp.RequestCtx}, and any other framework's context taken by
 * pointer: {@code *router.Context}, {@code *macaron.Context}, gitea's {@code *context.Context}; a standard
 * {@code context.Context} is never a pointer, and urfave's {@code *cli.Context} and kong's {@code *kong.Context} are a
 * command's, run once). Whatever else they do, they run once per request, so a client they build and drop is built per
 * request; a command, a controller's set-up or a test builds it once.
 */
final class RequestHandlers {

    private static final Pattern REQUEST = Pattern.compile(
            "\\bhttp\\.ResponseWriter\\b|\\*http\\.Request\\b|\\becho\\.Context\\b|\\*?fiber\\.Ctx\\b"
                    + "|\\*fasthttp\\.RequestCtx\\b|\\*(?!(?:cli|kong|build)\\.)\\w+\\.Context\\b");
    private static final Pattern ANSWER = Pattern.compile(
            "\\bhttp\\.ResponseWriter\\b|\\becho\\.Context\\b|\\*?fiber\\.Ctx\\b|\\*fasthttp\\.RequestCtx\\b"
                    + "|\\*(?!(?:cli|kong|build)\\.)\\w+\\.Context\\b");
    private static final Set<String> FUNCTIONS = Set.of("function_declaration", "method_declaration", "func_literal");

    private RequestHandlers() {
    }

    /** True when the function (or function literal) around {@code n} takes an HTTP request. */
    static boolean serves(SyntaxNode n, byte[] src) {
        return takes(n, src, REQUEST);
    }

    /**
     * True when the function around {@code n} answers an HTTP request: it takes the response writer or a framework's
     * request context, not only a {@code *http.Request}, which a client's helper takes too (the request it sends).
     */
    static boolean answers(SyntaxNode n, byte[] src) {
        return takes(n, src, ANSWER);
    }

    private static boolean takes(SyntaxNode n, byte[] src, Pattern type) {
        SyntaxNode fn = TreeSitter.enclosing(n, FUNCTIONS);
        if (fn == null) {
            return false;
        }
        SyntaxNode params = fn.getChildByFieldName("parameters");
        return params != null && !params.isNull() && type.matcher(SyntaxNode.text(src, params)).find();
    }
}
