package kb.system;

import io.javalin.security.RouteRole;

/**
 * Who may call a route, declared on the route itself ({@code get("new", editor::newForm, Allowed.EDITOR)})
 * and checked by the one access manager in {@code kb.accounts}. A route without one of these is refused
 * with 500, and the site-map test fails, so no route can skip the check.
 *
 * <p>Refusals are the same everywhere: an anonymous caller of an HTML page is sent to
 * {@code /login?next=...} (GET) or gets 401; an anonymous API caller gets 401 JSON; a signed-in caller
 * without the role gets 403.
 */
public enum Allowed implements RouteRole {
    /** Always open, also when {@code KB_PUBLIC_READ=false}: sign-in, sign-out, health. */
    OPEN,
    /** Readers: anonymous callers too unless {@code KB_PUBLIC_READ=false}; drafts are the handler's business. */
    ANYONE,
    /** Any signed-in user (session or API token). */
    SIGNED_IN,
    /** Editors and admins. */
    EDITOR,
    /**
     * An editor's save from a form: the access manager lets every caller through and the handler refuses
     * non-editors itself, sending their typed text back so an expired session never loses it.
     */
    EDITOR_KEEPS_TEXT,
    /** Admins only. */
    ADMIN;

    /** The role's name as the site map prints it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
