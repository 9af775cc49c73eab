package kb.system;

import io.javalin.http.Context;
import org.slf4j.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sane, otherwise a new one.
 * The id is echoed in the response, shown on error pages and put in the logging MDC so every log line
 * written while serving the request carries it.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "kb.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestIds() {
    }

    static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        // kb:ignore CONC-04 -- Javalin runs the after-handler that clears it for every request, failed ones included
        MDC.put("requestId", id);
    }

    static void clear() {
        MDC.remove("requestId");
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "-" : id;
    }
}
