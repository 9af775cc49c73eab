package kb.system;

import io.javalin.http.Context;

/**
 * What the current request may do, as decided by the accounts feature (which sets these attributes in
 * a before-handler). Without it, everyone is an anonymous reader. Whether a caller may use a route at
 * all is declared on the route ({@link Allowed}); these answers are for handlers whose output depends on
 * the caller (drafts, edit links).
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

    /** True when the request carries a valid API token (scripts, monitoring), whatever its user's role. */
    public static boolean viaToken(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(VIA_TOKEN));
    }

    /** The signed-in user's name, or {@code null} when anonymous. */
    public static String user(Context ctx) {
        return ctx.attribute(USER);
    }
}
