package kb.accounts;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.InternalServerErrorResponse;
import kb.system.Access;
import kb.system.Allowed;

/**
 * The one access manager: before the matched handler runs, compares the role declared on the route
 * ({@link Allowed}) with the caller that {@link AccessFilter} identified. Anonymous callers get
 * {@link AccessFilter.SignInRequired} (sign-in redirect for pages, 401 otherwise); signed-in callers
 * without the role get 403.
 */
final class RoleCheck implements Handler {

    private final boolean publicRead;

    RoleCheck(boolean publicRead) {
        this.publicRead = publicRead;
    }

    @Override
    public void handle(Context ctx) {
        Allowed allowed = ctx.routeRoles().stream().filter(Allowed.class::isInstance).map(Allowed.class::cast)
                .findFirst().orElseThrow(() -> new InternalServerErrorResponse(
                        "The route " + ctx.method() + " " + ctx.endpoint().path + " declares no role."));
        boolean anonymous = Access.user(ctx) == null;
        switch (allowed) {
            case OPEN, EDITOR_KEEPS_TEXT -> {
            }
            case ANYONE -> {
                if (anonymous && !publicRead) {
                    throw new AccessFilter.SignInRequired();
                }
            }
            case SIGNED_IN -> {
                if (anonymous) {
                    throw new AccessFilter.SignInRequired();
                }
            }
            case EDITOR -> require(anonymous, Access.canEdit(ctx), "This needs the editor role.");
            case ADMIN -> require(anonymous, Access.isAdmin(ctx), "This needs the admin role.");
        }
    }

    private static void require(boolean anonymous, boolean has, String refusal) {
        if (has) {
            return;
        }
        if (anonymous) {
            throw new AccessFilter.SignInRequired();
        }
        throw new ForbiddenResponse(refusal);
    }
}
