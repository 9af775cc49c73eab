package kb.accounts;

import io.javalin.http.Context;

import java.net.URI;
import java.util.Set;

/**
 * Cross-site request forgery protection. Every session has its own random token; a write made with the
 * session cookie must send it back as the form field {@value #FIELD} or the header {@value #HEADER}, and
 * must not come from another site ({@code Sec-Fetch-Site}, {@code Origin}). Requests with an API token
 * ({@code Authorization: Bearer}) carry no cookie authority and are exempt.
 *
 * <p>The accounts before-handler applies {@link #valid} to every POST, PUT, PATCH and DELETE, so write
 * handlers need not call it; it is public for handlers that want to decide before that, e.g. to keep text.
 */
final class Csrf {

    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private Csrf() {
    }

    /** The token forms must carry for this request's session; empty when there is no session. */
    public static String token(Context ctx) {
        Sessions.Session s = ctx.attribute(AccessFilter.SESSION);
        return s == null ? "" : s.csrfToken();
    }

    /**
     * True when this request may write as far as CSRF is concerned: it uses an API token, or it is not
     * cross-site and, when made with a session cookie, carries the session's token.
     */
    public static boolean valid(Context ctx) {
        if (Boolean.TRUE.equals(ctx.attribute(AccessFilter.BEARER))) {
            return true;
        }
        if (crossSite(ctx)) {
            return false;
        }
        Sessions.Session s = ctx.attribute(AccessFilter.SESSION);
        if (s == null) {
            return true;
        }
        String sent = ctx.header(HEADER);
        if (sent == null || sent.isEmpty()) {
            sent = ctx.formParam(FIELD);
        }
        return Secrets.same(s.csrfToken(), sent);
    }

    static boolean unsafe(Context ctx) {
        return UNSAFE.contains(ctx.method().name());
    }

    /** What the browser says about where the request came from; absent headers (old clients, curl) pass. */
    static boolean crossSite(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return true;
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return false;
        }
        try {
            String authority = URI.create(origin.strip()).getRawAuthority();
            return authority == null || !authority.equalsIgnoreCase(ctx.host());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
