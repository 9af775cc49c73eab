package kb.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import kb.system.Access;
import org.jdbi.v3.core.Jdbi;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Admin pages: the users (add, change role, reset password, disable, delete) and the import conflicts. */
final class AdminController {

    private static final Map<String, String> NOTICES = Map.of(
            "created", "User created.", "role", "Role changed.", "password", "Password reset; the user was signed out.",
            "disabled", "User disabled and signed out.", "enabled", "User enabled.", "deleted", "User deleted.");

    private final Users users;
    private final Jdbi jdbi;

    AdminController(Users users, Jdbi jdbi) {
        this.users = users;
        this.jdbi = jdbi;
    }

    void list(Context ctx) {
        String done = ctx.queryParam("done");
        render(ctx, 200, done == null ? null : NOTICES.get(done), null, Map.of("name", "", "role", "viewer"));
    }

    void create(Context ctx) {
        String name = value(ctx, "name");
        String role = value(ctx, "role");
        try {
            users.create(name, Role.parse(role), value(ctx, "password"));
        } catch (AccountException e) {
            render(ctx, 400, null, "Cannot add the user: " + e.getMessage() + ".", Map.of("name", name, "role", role));
            return;
        }
        done(ctx, "created");
    }

    void role(Context ctx) {
        change(ctx, "role", name -> users.setRole(name, Role.parse(value(ctx, "role"))));
    }

    void password(Context ctx) {
        change(ctx, "password", name -> users.setPassword(name, value(ctx, "password")));
    }

    void disable(Context ctx) {
        change(ctx, "disabled", name -> users.setDisabled(name, true));
    }

    void enable(Context ctx) {
        change(ctx, "enabled", name -> users.setDisabled(name, false));
    }

    void delete(Context ctx) {
        change(ctx, "deleted", users::delete);
    }

    void conflicts(Context ctx) {
        ctx.render("accounts/conflicts", Map.of("conflicts", jdbi.onDemand(AccountDao.class).conflicts()));
    }

    private void change(Context ctx, String done, java.util.function.Consumer<String> action) {
        String name = ctx.pathParam("name");
        if (users.find(name).isEmpty()) {
            throw new NotFoundResponse("There is no user '" + name + "'.");
        }
        try {
            action.accept(name);
        } catch (AccountException e) {
            render(ctx, 400, null, "Cannot change '" + name + "': " + e.getMessage() + ".", Map.of("name", "", "role", "viewer"));
            return;
        }
        done(ctx, done);
    }

    private static void done(Context ctx, String what) {
        ctx.redirect("/admin/users?done=" + what, HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, String notice, String error, Map<String, String> form) {
        Map<String, Object> model = new HashMap<>();
        model.put("users", users.list());
        model.put("roles", Arrays.stream(Role.values()).map(Role::key).toList());
        model.put("me", Access.user(ctx));
        model.put("notice", notice);
        model.put("error", error);
        model.put("form", form);
        ctx.status(status).render("accounts/users", model);
    }

    private static String value(Context ctx, String field) {
        String v = ctx.formParam(field);
        return v == null ? "" : v;
    }
}
