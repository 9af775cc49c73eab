package kb.accounts;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import kb.system.Access;
import kb.system.Allowed;
import kb.system.Config;
import kb.system.Templates;
import kb.system.Web;
import org.jdbi.v3.core.Jdbi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.javalin.apibuilder.ApiBuilder.get;
import static kb.system.Named.handler;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

/**
 * Sign-in, users, API tokens and the access rules; called from the site map in {@code kb.App}.
 * {@link #install} must run after {@code Web.configure} so that request ids are assigned first.
 */
public final class AccountRoutes {

    private final Templates templates;
    private final AccessFilter filter;
    private final RoleCheck roles;
    private final LoginController login;
    private final AdminController admin;
    private final TokenController tokens;

    /** Reads {@code KB_PUBLIC_READ} (default true) from {@code config}. */
    public AccountRoutes(Config config, Jdbi jdbi, Templates templates) {
        this.templates = templates;
        // every page's layout shows who is signed in
        templates.pageModel().contribute(AccountRoutes::pageModel);
        Users users = new Users(jdbi);
        Sessions sessions = new Sessions(jdbi);
        ApiTokens apiTokens = new ApiTokens(jdbi);
        this.filter = new AccessFilter(sessions, apiTokens);
        this.roles = new RoleCheck(config.flag("KB_PUBLIC_READ", true));
        this.login = new LoginController(users, sessions, new LoginThrottle(jdbi));
        this.admin = new AdminController(users, jdbi);
        this.tokens = new TokenController(apiTokens);
    }

    /**
     * Adds the before-handler that sets {@link Access}'s attributes and checks CSRF, the access manager
     * that checks every route's declared {@link Allowed} role, and their error answers.
     */
    public void install(JavalinConfig config) {
        config.routes.before(filter);
        config.routes.beforeMatched(roles);
        config.routes.exception(AccessFilter.SignInRequired.class, (e, ctx) -> {
            if (Web.wantsJson(ctx)) {
                Web.error(ctx, templates, 401, "Sign in, or send an API token, to use this API.");
            } else if (!ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) {
                Web.error(ctx, templates, 401, "Sign in to do this.");
            } else {
                String here = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
                ctx.redirect("/login?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8), HttpStatus.FOUND);
            }
        });
        config.routes.exception(AccessFilter.CsrfRejected.class, (e, ctx) -> {
            if (Web.wantsJson(ctx) || ctx.header(Csrf.HEADER) != null) {
                Web.error(ctx, templates, 403, e.getMessage() + " Reload the page and try again.");
                return;
            }
            Map<String, Object> model = new HashMap<>();
            model.put("markdown", ctx.formParam("markdown"));
            ctx.status(403).html(templates.render("accounts/csrf", model, ctx));
        });
    }

    public void pages() {
        get("login", handler(login::form), Allowed.OPEN);
        post("login", handler(login::login), Allowed.OPEN);
        post("logout", handler(login::logout), Allowed.OPEN);
        path("admin", () -> {
            get("", ctx -> ctx.redirect("/admin/users", HttpStatus.FOUND), Allowed.ADMIN);
            get("users", handler(admin::list), Allowed.ADMIN);
            post("users", handler(admin::create), Allowed.ADMIN);
            post("users/{name}/role", handler(admin::role), Allowed.ADMIN);
            post("users/{name}/password", handler(admin::password), Allowed.ADMIN);
            post("users/{name}/disable", handler(admin::disable), Allowed.ADMIN);
            post("users/{name}/enable", handler(admin::enable), Allowed.ADMIN);
            post("users/{name}/delete", handler(admin::delete), Allowed.ADMIN);
            get("conflicts", handler(admin::conflicts), Allowed.ADMIN);
        });
        path("account", () -> {
            get("tokens", handler(tokens::list), Allowed.SIGNED_IN);
            post("tokens", handler(tokens::create), Allowed.SIGNED_IN);
            post("tokens/{id}/revoke", handler(tokens::revoke), Allowed.SIGNED_IN);
        });
    }

    public void api() {
        get("me", handler(tokens::me), Allowed.SIGNED_IN);
    }

    private static Map<String, Object> pageModel(Context ctx) {
        Map<String, Object> m = new HashMap<>();
        m.put("loginEnabled", true);
        m.put("user", Access.user(ctx));
        m.put("csrfToken", Csrf.token(ctx));
        m.put("canEdit", Access.canEdit(ctx));
        m.put("isAdmin", Access.isAdmin(ctx));
        List<Map<String, String>> links = new java.util.ArrayList<>();
        if (Access.isAdmin(ctx)) {
            links.add(Map.of("href", "/admin/users", "label", "Admin", "section", "admin"));
        }
        if (Access.user(ctx) != null) {
            links.add(Map.of("href", "/account/tokens", "label", "API tokens", "section", "account"));
        }
        m.put("navLinks", links);
        return m;
    }
}
