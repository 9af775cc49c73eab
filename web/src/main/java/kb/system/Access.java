package kb.system;

import io.javalin.http.Context;

/**
 * What the current request may do, as decided by the accounts feature (which sets these attributes in
 * a before-handler). Without it, everyone is an anonymous reader.
 */
public final class Access {

    public static final String CAN_EDIT = "kb.canEdit";
    public static final String IS_ADMIN = "kb.isAdmin";
    public static final String USER = "kb.user";
    /** Set (to true) when the caller authenticated with an API token rather than a session. */
    public static final String VIA_TOKEN = "kb.accounts.bearer";

    private Access() {
    }

    /** Editors and admins see drafts and unlisted incidents and may write. */
    public static boolean canEdit(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(CAN_EDIT));
    }

    public static boolean isAdmin(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(IS_ADMIN));
    }

    /** Throws 401 for anonymous requests and 403 for signed-in users who are not editors. */
    public static void requireEditor(Context ctx) {
        if (!canEdit(ctx)) {
            throw user(ctx) == null
                    ? new io.javalin.http.UnauthorizedResponse("Sign in as an editor to do this.")
                    : new io.javalin.http.ForbiddenResponse("This needs the editor role.");
        }
    }

    /** Throws 401 for anonymous requests and 403 for signed-in users who are not admins. */
    public static void requireAdmin(Context ctx) {
        if (!isAdmin(ctx)) {
            throw user(ctx) == null
                    ? new io.javalin.http.UnauthorizedResponse("Sign in as an admin to do this.")
                    : new io.javalin.http.ForbiddenResponse("This needs the admin role.");
        }
    }

    /** True when the request carries a valid API token (scripts, monitoring), whatever its user's role. */
    public static boolean viaToken(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(VIA_TOKEN));
    }

    /** The signed-in user's name, or {@code null} when anonymous. */
    public static String user(Context ctx) {
        return ctx.attribute(USER);
    }
}
