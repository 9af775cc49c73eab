package kb.accounts;

import kb.system.Assets;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.UnauthorizedResponse;
import kb.system.Access;

import java.util.Optional;

/**
 * The before-handler behind every request: finds who is calling (API token, else session cookie), sets
 * the {@link Access} attributes, refuses forged writes, and, when anonymous reading is off, sends
 * anonymous callers to the sign-in page (pages) or answers 401 (API).
 */
final class AccessFilter implements Handler {

    static final String SESSION = "kb.accounts.session";
    static final String BEARER = Access.VIA_TOKEN;
    static final String ROLE = "kb.accounts.role";
    static final String COOKIE = "kb_session";

    private final Sessions sessions;
    private final ApiTokens tokens;
    private final boolean publicRead;

    AccessFilter(Sessions sessions, ApiTokens tokens, boolean publicRead) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.publicRead = publicRead;
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
        if (user.isEmpty() && !publicRead && !alwaysOpen(path) && !editorSave(ctx)) {
            throw new SignInRequired();
        }
        if (user.isEmpty() && ctx.method().name().equals("GET")
                && (path.startsWith("/admin/") || path.startsWith("/account/"))) {
            throw new SignInRequired();
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

    /**
     * A postmortem save from the editor. Its handler refuses anonymous callers itself and sends the
     * author's text back with the refusal, so an expired session never loses half an hour of writing.
     */
    private static boolean editorSave(Context ctx) {
        return ctx.method().name().equals("POST")
                && (ctx.path().equals("/incidents/new") || ctx.path().matches("/incidents/[a-z0-9-]+/edit"));
    }

    private static boolean alwaysOpen(String path) {
        return path.equals("/login") || path.equals("/health") || path.equals("/favicon.ico");
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
