package kb.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cross-cutting HTTP behaviour shared by every feature: request ids, security headers, JSON, static
 * assets, and error responses (HTML for pages, JSON under {@code /api}).
 */
public final class Web {

    private static final Logger log = LoggerFactory.getLogger(Web.class);

    /** No inline script anywhere: scripts and styles come from the app itself. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private Web() {
    }

    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** Applies the shared configuration; error pages are rendered with {@code templates}. */
    public static void configure(JavalinConfig config, Templates templates) {
        config.jsonMapper(new JavalinJackson(objectMapper(), false));
        config.fileRenderer(templates);
        // served under /static (as the layout links them), not at the root where they would shadow pages
        Assets.install(config);
        config.http.maxRequestSize = 2L * 1024 * 1024;
        // what Jetty refuses before routing (bad request lines, huge headers) answers in the app's format too
        ServerErrors.install(config, templates);
        config.requestLogger.http((ctx, ms) -> {
            // answers from the page cache are the hot path for anonymous readers: not logged one by one
            if (!Assets.isAsset(ctx.path()) && ctx.attribute(PageCache.HIT) == null) {
                log.info("{} {} -> {} in {} ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
            }
        });
        config.routes.before(ctx -> {
            RequestIds.assign(ctx);
            ctx.header("Content-Security-Policy", CSP);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "same-origin");
            ctx.header("X-Frame-Options", "DENY");
        });
        // before sign-in and every feature: no NUL character reaches a handler or the database
        config.routes.before(new InputGuard());
        config.routes.after(ctx -> RequestIds.clear());
        config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, templates, e.getStatus(), e.getMessage()));
        config.routes.exception(Exception.class, (e, ctx) -> {
            log.error("request {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, templates, 500, "Something went wrong on our side.");
        });
        config.routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || "Endpoint not found".equals(ctx.result())
                    || "Not Found".equals(ctx.result())) {
                error(ctx, templates, 404, "There is no page at " + ctx.path() + ".");
            }
        });
    }

    public static boolean wantsJson(Context ctx) {
        // /metrics is read by scrapers, not people: refusals are a 401, not a sign-in page
        return ctx.path().startsWith("/api/") || ctx.path().equals("/health") || ctx.path().equals("/metrics");
    }

    /** Writes an error as JSON ({@code {"status", "message", "requestId"}}) or as the HTML error page. */
    public static void error(Context ctx, Templates templates, int status, String message) {
        ctx.status(status);
        String requestId = RequestIds.of(ctx);
        if (wantsJson(ctx)) {
            jsonError(ctx, status, message, Map.of());
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("status", status);
        model.put("title", title(status));
        model.put("message", message);
        try {
            ctx.html(templates.render("system/error", model, ctx));
        } catch (RuntimeException renderFailure) {
            log.error("error page failed to render", renderFailure);
            ctx.contentType("text/plain").result(status + " " + title(status) + " (request " + requestId + ")");
        }
    }

    /**
     * The one JSON error body of the app: {@code {"status", "message", "requestId", ...details}}, with
     * {@code status} set on the response. {@code details} add fields a client can act on (for example the
     * problems with their line numbers, or the current revision); they cannot replace the three above.
     */
    public static void jsonError(Context ctx, int status, String message, Map<String, ?> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("message", message);
        body.put("requestId", RequestIds.of(ctx));
        details.forEach(body::putIfAbsent);
        ctx.status(status).json(body);
    }

    private static String title(int status) {
        HttpStatus s = HttpStatus.forStatus(status);
        return s == HttpStatus.UNKNOWN ? "Error" : s.getMessage();
    }
}
