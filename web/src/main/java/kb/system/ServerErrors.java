package kb.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The app's error format for errors Jetty answers itself, before a request reaches Javalin: a request
 * line or header Jetty cannot accept (an illegal character, a 100 KB header, an ambiguous or malformed
 * path such as {@code /../etc/passwd}), a body too large. Browsers get the app's HTML error page, API
 * and JSON clients {@code {"status", "message", "requestId"}}, as {@link Web#error} answers; never
 * Jetty's own page with its internals.
 */
final class ServerErrors extends ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ServerErrors.class);
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final Templates templates;

    private ServerErrors(Templates templates) {
        this.templates = templates;
    }

    /** Makes {@code templates}' error page the answer of Jetty's server and servlet context errors. */
    static void install(JavalinConfig config, Templates templates) {
        ServerErrors errors = new ServerErrors(templates);
        config.jetty.modifyServer(server -> server.setErrorHandler(errors));
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(errors));
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String path = path(request);
        String id = requestId(request.getHeaders());
        boolean json = wantsJson(path, request.getHeaders().get(HttpHeader.ACCEPT));
        String text = explain(code, message);
        byte[] body = (json ? json(code, text, id) : html(code, text, id, path)).getBytes(StandardCharsets.UTF_8);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, json ? "application/json" : "text/html;charset=utf-8");
        headers.put(RequestIds.HEADER, id);
        headers.put("Content-Security-Policy", Web.CSP);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        log.info("{} {} -> {} ({}) answered by the server before routing", request.getMethod(), path, code, message);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        // no request could be read: answer in JSON, which both browsers and scripts show legibly
        String id = UUID.randomUUID().toString();
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
        fields.put(new HttpField(RequestIds.HEADER, id));
        return ByteBuffer.wrap(json(status, explain(status, reason), id).getBytes(StandardCharsets.UTF_8));
    }

    private static String path(Request request) {
        HttpURI uri = request.getHttpURI();
        String path = uri == null ? null : uri.getPath();
        if ((path == null || path.isEmpty()) && uri != null && uri.asString() != null) {
            // a path Jetty could not decode: its raw form still tells an API call from a page
            String raw = uri.asString();
            int end = raw.indexOf('?');
            path = end < 0 ? raw : raw.substring(0, end);
        }
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static String requestId(HttpFields headers) {
        String given = headers.get(RequestIds.HEADER);
        return given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    private static boolean wantsJson(String path, String accept) {
        if (path.startsWith("/api/") || path.equals("/health")) {
            return true;
        }
        String a = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        return a.contains("json") && !a.contains("text/html");
    }

    /** What went wrong, in words for the person who sent it; Jetty's reason kept as a detail. */
    static String explain(int code, String reason) {
        String detail = reason == null || reason.isBlank() ? "" : " (" + reason.replaceAll("\\p{Cntrl}", "?") + ")";
        return switch (code) {
            case 400 -> "The request could not be read: its address or a header is malformed or not allowed" + detail
                    + ".";
            case 413 -> "The request is too large" + detail + ".";
            case 414 -> "The address is too long" + detail + ".";
            case 431 -> "The request's headers are too large" + detail + "; send smaller headers or cookies.";
            default -> title(code) + detail + ".";
        };
    }

    private static String json(int status, String message, String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("message", message);
        body.put("requestId", id);
        try {
            return Web.objectMapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String html(int status, String message, String id, String path) {
        Map<String, Object> model = new LinkedHashMap<>();
        // what the layout reads for an anonymous visitor; no feature's contributions outside a request
        model.put("requestId", id);
        model.put("path", path);
        model.put("section", "");
        model.put("user", null);
        model.put("csrfToken", "");
        model.put("canEdit", false);
        model.put("isAdmin", false);
        model.put("loginEnabled", false);
        model.put("navLinks", List.of());
        model.put("status", status);
        model.put("title", title(status));
        model.put("message", message);
        try {
            return templates.render("system/error", model);
        } catch (RuntimeException e) {
            log.error("error page failed to render", e);
            return "<!doctype html><title>" + status + "</title><p>" + status + " " + title(status)
                    + " (request <code class=\"request-id\">" + id + "</code>)</p>";
        }
    }

    private static String title(int status) {
        HttpStatus s = HttpStatus.forStatus(status);
        return s == HttpStatus.UNKNOWN ? "Error" : s.getMessage();
    }
}
