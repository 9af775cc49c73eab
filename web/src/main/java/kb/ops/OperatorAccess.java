package kb.ops;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import kb.system.Access;

/**
 * Who may read operational details ({@code /metrics}, and the details of {@code /health}): a signed-in
 * admin, or any caller with a valid API token (a Prometheus scraper or a monitoring script). Anonymous
 * callers get 401 and signed-in non-admins 403, whatever {@code KB_PUBLIC_READ} says: these figures
 * describe the server, not the knowledge base.
 */
public final class OperatorAccess {

    /** Set by the accounts feature's access filter when the caller authenticated with a bearer token. */
    static final String BEARER = "kb.accounts.bearer";

    private OperatorAccess() {
    }

    public static boolean allowed(Context ctx) {
        return Access.isAdmin(ctx) || Boolean.TRUE.equals(ctx.attribute(BEARER));
    }

    /** Throws 401 (anonymous) or 403 (signed in, not an admin) unless {@link #allowed}. */
    public static void require(Context ctx) {
        if (allowed(ctx)) {
            return;
        }
        if (Access.user(ctx) == null) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse("Sign in as an admin, or send an API token, to read this.");
        }
        throw new ForbiddenResponse("This needs the admin role or an API token.");
    }
}
