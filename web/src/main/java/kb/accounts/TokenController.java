package kb.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import kb.system.Access;

import java.util.HashMap;
import java.util.Map;

/** {@code /account/tokens}: a signed-in user's own API tokens; a new token is shown once, on the answer to its creation. */
final class TokenController {

    private final ApiTokens tokens;

    TokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    void list(Context ctx) {
        render(ctx, 200, user(ctx), null, null, ctx.queryParam("done") != null ? "Token revoked." : null);
    }

    void create(Context ctx) {
        String user = user(ctx);
        try {
            Accounts.NewToken created = tokens.create(user, ctx.formParam("label"));
            render(ctx, 201, user, created, null, null);
        } catch (AccountException e) {
            render(ctx, 400, user, null, "Cannot create the token: " + e.getMessage() + ".", null);
        }
    }

    void revoke(Context ctx) {
        String user = user(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("There is no API token '" + ctx.pathParam("id") + "'.");
        }
        // someone else's token answers like a missing one: ids do not reveal other users' tokens
        if (tokens.find(id).filter(t -> t.user().equals(user)).isEmpty()) {
            throw new NotFoundResponse("There is no API token " + id + " of yours.");
        }
        tokens.revoke(id);
        ctx.redirect("/account/tokens?done=revoked", HttpStatus.SEE_OTHER);
    }

    /** {@code GET /api/me}: who the caller is, e.g. to check that a script's token works. */
    void me(Context ctx) {
        String user = user(ctx);
        ctx.json(Map.of("name", user, "role", ((Role) ctx.attribute(AccessFilter.ROLE)).key(),
                "canEdit", Access.canEdit(ctx), "isAdmin", Access.isAdmin(ctx)));
    }

    private static String user(Context ctx) {
        String user = Access.user(ctx);
        if (user == null) {
            throw new UnauthorizedResponse("Sign in, or send an API token, to do this.");
        }
        return user;
    }

    private void render(Context ctx, int status, String user, Accounts.NewToken created, String error, String notice) {
        Map<String, Object> model = new HashMap<>();
        model.put("tokens", tokens.list(user));
        model.put("created", created);
        model.put("error", error);
        model.put("notice", notice);
        ctx.status(status).render("accounts/tokens", model);
    }
}
