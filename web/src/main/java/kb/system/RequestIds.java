package kb.system;

import io.javalin.http.Context;
import org.slf4j.MDC;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
        String id = given != null && SANE.matcher(given).matches() ? given : newId();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        // kb:ignore CONC-04 -- Javalin runs the after-handler that clears it for every request, failed ones included
        MDC.put("requestId", id);
    }

    /**
     * A random version-4 UUID from the thread's own generator. An id names a request in logs and on error pages
     * and guards nothing, so it needs no {@code SecureRandom}, whose one lock (reading {@code /dev/urandom})
     * had 64 concurrent readers queueing behind each other on every request.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    static void clear() {
        MDC.remove("requestId");
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "-" : id;
    }
}
