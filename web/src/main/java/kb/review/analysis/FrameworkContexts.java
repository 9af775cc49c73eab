package kb.review.analysis;

import java.util.regex.Pattern;

/**
 * The request contexts of Go web frameworks other than net/http, for {@link ContextDrops}: a handler's parameter
 * that carries the caller's context the way {@code *http.Request} does through {@code r.Context()}. fasthttp's
 * {@code *fasthttp.RequestCtx} is a {@code context.Context} itself (its handler passes {@code ctx} on); Fiber's
 * {@code *fiber.Ctx} hands it out as {@code c.UserContext()} (v2) or {@code c.Context()}. gin's {@code *gin.Context}
 * and Echo's {@code echo.Context} end in {@code Context} and are taken as the context by name already. A handler of
 * these frameworks that passes {@code context.Background()} to a store or client call drops the request's
 * cancellation just as a net/http handler does (round 25's go-32, a fasthttp handler).
 */
final class FrameworkContexts {

    private static final Pattern FASTHTTP = Pattern.compile("^\\*\\s*fasthttp\\.RequestCtx$");
    private static final Pattern FIBER = Pattern.compile("^\\*?\\s*fiber\\.Ctx$");

    /** The methods through which a request parameter hands out its context ({@code r.Context()}, Fiber's two). */
    static final String ACCESSORS = "(?:Context|UserContext)";

    private FrameworkContexts() {
    }

    /** How the caller's context is reached from a parameter {@code name} of declared {@code type}, or null. */
    static String reach(String type, String name) {
        if (FASTHTTP.matcher(type).matches()) {
            return name;
        }
        if (FIBER.matcher(type).matches()) {
            return name + ".UserContext()";
        }
        return null;
    }

    private static final java.util.regex.Pattern ACCESSOR_CALL = java.util.regex.Pattern.compile(
            "\\.\\s*" + ACCESSORS + "\\(\\)$");

    /** The parameter's name in {@code ctx} ({@code c} for {@code c.UserContext()}, {@code r} for {@code r.Context()}). */
    static String root(String ctx) {
        return ACCESSOR_CALL.matcher(ctx).replaceFirst("");
    }
}
