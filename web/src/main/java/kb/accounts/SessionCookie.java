package kb.accounts;

import io.javalin.http.Context;

/**
 * The {@code kb_session} cookie: HttpOnly (scripts cannot read it), SameSite=Lax (not sent on cross-site
 * posts), Path=/, and Secure when the request came over https (directly or via a proxy's
 * {@code X-Forwarded-Proto}).
 */
final class SessionCookie {

    private SessionCookie() {
    }

    static void set(Context ctx, String id) {
        write(ctx, id, Sessions.ABSOLUTE.toSeconds());
    }

    static void clear(Context ctx) {
        write(ctx, "", 0);
    }

    static boolean https(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-Proto");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].strip().equalsIgnoreCase("https");
        }
        return "https".equalsIgnoreCase(ctx.scheme());
    }

    private static void write(Context ctx, String value, long maxAgeSeconds) {
        ctx.res().addHeader("Set-Cookie", AccessFilter.COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Lax" + (https(ctx) ? "; Secure" : ""));
    }
}
