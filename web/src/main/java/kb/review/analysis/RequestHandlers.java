package kb.review.analysis;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.IntPredicate;
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
    /**
     * The request signatures whose top-level log lines are read as per request (log46): the standard library's and
     * the common routers' own types only. A framework context taken by pointer ({@code REQUEST}'s last alternative)
     * also serves admin and dashboard APIs named like any handler (set 17's frp {@code DeleteProxies(ctx
     * *httppkg.Context)}), which is fine for a client built per call but not for an info line per operator action.
     */
    private static final Pattern LOG_REQUEST = Pattern.compile(
            "\\bhttp\\.ResponseWriter\\b|\\*http\\.Request\\b|\\becho\\.Context\\b|\\*gin\\.Context\\b"
                    + "|\\*?fiber\\.Ctx\\b");
    /**
     * A gRPC method's parameters, server or client side: {@code (ctx context.Context, req *pb.XRequest)}. Its results
     * are not read: a hunk's heading gives only the parameters of the function it is in.
     */
    private static final Pattern RPC = Pattern.compile(
            "^\\(\\s*\\w+\\s+context\\.Context\\s*,\\s*\\w+\\s+\\*\\w+\\.\\w+Req(?:uest)?\\s*\\)");
    /**
     * A handler that writes the access log, or one run per login, set-up or administrative change, per health or
     * readiness probe (the orchestrator's, at a fixed interval) or per webhook (one call per event of another system).
     */
    private static final Pattern RARE_OR_LOGGING = Pattern.compile(
            "(?i)log|access|audit|trac(?:e|ing)|debug|auth|sign|regist|token|oauth|pkce|passw|callback|install|setup"
                    + "|config|setting|admin|dashboard|reload|restart|shutdown|init|health|readiness|readyz"
                    + "|liveness|livez|alive|hook");
    /**
     * A method that changes the state of the service or of a peer (a daemon's {@code Up} or {@code Down}, a
     * {@code Connect}): called once per operator action, not with traffic (set 17's netbird daemon, "up request
     * received").
     */
    private static final Pattern STATE_CHANGE = Pattern.compile("^(?:Up|Down|Start|Stop|Connect|Disconnect|Enable"
            + "|Disable|Pause|Resume|Join|Leave|Quit|Exit)(?:[A-Z0-9_]\\w*)?$");
    private static final Set<String> FUNCTIONS = Set.of("function_declaration", "method_declaration", "func_literal");
    /** A Go log line at a level production writes, on any logger. */
    private static final Pattern LOUD_LINE = Pattern.compile(
            "(?:(?i:log|zap|sugar)\\w*(?:\\(\\))?|\\bl)\\.(?:Info|Warn|Print|Notice)\\w*\\s*\\(");

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

    /**
     * (session 46, log46) True when the function around the log call {@code n} runs once per request it serves or
     * sends, read from its signature alone: an HTTP handler, a middleware's inner handler literal or a router's match
     * (it takes an HTTP request or a framework's request context), or a gRPC method (a context and one
     * {@code *pkg.XRequest} or {@code XReq} in), on the server or the client side. A line at the top of such a
     * function is written for every request: at the request rate, with no loop in sight. Not a function whose name
     * or receiver says it writes the access log itself (a logging middleware), nor an endpoint that runs once per
     * login, set-up or administrative change, health probe or webhook (its name, its route or its file's name says
     * so: an admin dashboard's API, set 17's frp), nor a method that changes the service's state: the rare requests
     * whose lines session 32 found deliberate.
     */
    static boolean perRequest(SyntaxNode n, byte[] src, String path) {
        SyntaxNode fn = TreeSitter.enclosing(n, FUNCTIONS);
        if (fn == null) {
            return false;
        }
        SyntaxNode params = fn.getChildByFieldName("parameters");
        if (params == null || params.isNull()) {
            return false;
        }
        String sig = SyntaxNode.text(src, params);
        if (!LOG_REQUEST.matcher(sig).find() && !RPC.matcher(sig).find()) {
            return false;
        }
        SyntaxNode name = fn.getChildByFieldName("name");
        SyntaxNode recv = fn.getChildByFieldName("receiver");
        String fnName = name == null || name.isNull() ? "" : SyntaxNode.text(src, name);
        if (STATE_CHANGE.matcher(fnName).matches()) {
            return false;
        }
        String named = fnName + (recv == null || recv.isNull() ? "" : " " + SyntaxNode.text(src, recv))
                + " " + route(fn, src);
        String file = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return !RARE_OR_LOGGING.matcher(named).find() && !RARE_OR_LOGGING.matcher(file).find();
    }

    /**
     * (session 48) True when the function around {@code n} runs once per login, set-up, administrative change, probe
     * or webhook, or writes the access log, by its name, receiver, route or file, or changes the service's state:
     * {@link #perRequest}'s exclusions, for the other per-event roles ({@link GoPerEvent}).
     */
    static boolean rare(SyntaxNode n, byte[] src, String path) {
        SyntaxNode fn = TreeSitter.enclosing(n, FUNCTIONS);
        if (fn == null) {
            return true;
        }
        SyntaxNode name = fn.getChildByFieldName("name");
        SyntaxNode recv = fn.getChildByFieldName("receiver");
        String fnName = name == null || name.isNull() ? "" : SyntaxNode.text(src, name);
        String named = fnName + (recv == null || recv.isNull() ? "" : " " + SyntaxNode.text(src, recv))
                + " " + route(fn, src);
        String file = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return STATE_CHANGE.matcher(fnName).matches() || RARE_OR_LOGGING.matcher(named).find()
                || RARE_OR_LOGGING.matcher(file).find();
    }

    /**
     * The route a handler literal is registered for: the string that opens the argument list the literal is in
     * ({@code mux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {...})}); "" otherwise.
     */
    private static String route(SyntaxNode fn, byte[] src) {
        SyntaxNode args = fn.getParent();
        if (!fn.getType().equals("func_literal") || args == null || args.isNull()
                || !args.getType().equals("argument_list") || args.getNamedChildCount() < 2) {
            return "";
        }
        SyntaxNode first = args.getNamedChild(0);
        return first.getType().equals("interpreted_string_literal") ? SyntaxNode.text(src, first) : "";
    }

    /**
     * True when the per-request line {@code c} is not new to the code: the changed block {@code block} (as
     * {@code ReplacedLines.of} gives it) removed a line at a production level, so the edit rewrites the handler's line
     * (set 17's AdGuardHome language handler: {@code log.Printf} rewritten as {@code l.InfoContext}); or a line of the
     * file that the change keeps writes the same message: the project's convention for its handlers, which a new
     * handler follows. Either way the request rate's line was there before the change.
     */
    static boolean existingLine(SyntaxNode c, byte[] src, IntPredicate added, String block) {
        int cut = block.indexOf("\n--\n");
        int first = block.indexOf('\n');
        if (cut > first && first >= 0 && LOUD_LINE.matcher(block.substring(first + 1, cut + 1)).find()) {
            return true;
        }
        SyntaxNode args = c.getChildByFieldName("arguments");
        if (args == null || args.isNull() || args.getNamedChildCount() == 0) {
            return false;
        }
        SyntaxNode msg = args.getNamedChild(0);
        if (!msg.getType().equals("interpreted_string_literal") || msg.getEndByte() - msg.getStartByte() < 8) {
            return false;
        }
        String text = new String(src, StandardCharsets.UTF_8);
        String literal = SyntaxNode.text(src, msg);
        int own = c.getStartPoint().getRow();
        int row = 0;
        int from = 0;
        for (int at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + 1)) {
            for (; from < at; from++) {
                row += text.charAt(from) == '\n' ? 1 : 0;
            }
            if (row != own && !added.test(row + 1)) {
                return true;
            }
        }
        return false;
    }
}
