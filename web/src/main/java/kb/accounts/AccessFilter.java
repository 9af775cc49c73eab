package kb.accounts;

import kb.system.Assets;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.UnauthorizedResponse;
import kb.system.Access;

import java.util.Optional;

/**
 * The before-handler behind every request: finds who is calling (API token, else session cookie), sets
 * the {@link Access} attributes and refuses forged writes. Whether the caller may use the route is
 * {@link RoleCheck}'s decision, from the role declared on the route.
 */
final class AccessFilter implements Handler {

    static final String SESSION = "kb.accounts.session";
    static final String BEARER = Access.VIA_TOKEN;
    static final String ROLE = "kb.accounts.role";
    static final String COOKIE = "kb_session";

    private final Sessions sessions;
    private final ApiTokens tokens;

    AccessFilter(Sessions sessions, ApiTokens tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @Override
    public void handle(Context ctx) {
        String path = ctx.path();
        if (Assets.isAsset(path)) {
            return;
        }
        Optional<User> user = identify(ctx);
        user.ifPresent(u -> {
            ctx.attribute(Access.USER, u.name());
            ctx.attribute(Access.CAN_EDIT, u.canEdit());
            ctx.attribute(Access.IS_ADMIN, u.isAdmin());
            ctx.attribute(ROLE, u.role());
            // pages for a signed-in user may show drafts and tokens: never keep them in a shared cache
            ctx.header("Cache-Control", "no-store");
        });
        if (Csrf.unsafe(ctx) && !Csrf.valid(ctx)) {
            throw new CsrfRejected();
        }
    }

    private Optional<User> identify(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            User u = tokens.authenticate(auth.substring(7).strip()).orElseThrow(() -> {
                ctx.header("WWW-Authenticate", "Bearer");
                return new UnauthorizedResponse("The API token is not valid, or it was revoked.");
            });
            ctx.attribute(BEARER, true);
            return Optional.of(u);
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null) {
            return Optional.empty();
        }
        Optional<Sessions.Session> session = sessions.resolve(cookie);
        if (session.isEmpty()) {
            SessionCookie.clear(ctx);
            return Optional.empty();
        }
        ctx.attribute(SESSION, session.get());
        return Optional.of(session.get().user());
    }

    /** Anonymous request where a user is needed: redirect pages to sign-in, 401 for the API. */
    static final class SignInRequired extends RuntimeException {
        SignInRequired() {
            super("Sign in to see this.", null, false, false);
        }
    }

    /** A cookie-authenticated write without its CSRF token, or from another site. */
    static final class CsrfRejected extends RuntimeException {
        CsrfRejected() {
            super("This form was sent without a valid security token or from another site.", null, false, false);
        }
    }
}
