package kb.accounts;

import io.javalin.http.Context;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in and sign-out. Wrong password, unknown user and disabled user all get the same answer after the
 * same bcrypt work; a locked name or address gets 429 whether or not the user exists.
 */
final class LoginController {

    static final String WRONG = "The user name or password is incorrect.";

    private final Users users;
    private final Sessions sessions;
    private final LoginThrottle throttle;

    LoginController(Users users, Sessions sessions, LoginThrottle throttle) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    void form(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        render(ctx, 200, "", safeNext(ctx.queryParam("next")), null);
    }

    void login(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("");
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String next = safeNext(ctx.formParam("next"));
        Optional<Duration> locked = throttle.locked(name, ctx.ip());
        if (locked.isPresent()) {
            long minutes = Math.max(1, (locked.get().toSeconds() + 59) / 60);
            ctx.header("Retry-After", String.valueOf(locked.get().toSeconds()));
            render(ctx, 429, name, next, "Too many failed sign-ins for this name from this address. Try again in "
                    + minutes + (minutes == 1 ? " minute." : " minutes."));
            return;
        }
        Optional<User> user = users.authenticate(name, password);
        if (user.isEmpty()) {
            throttle.failed(name, ctx.ip());
            render(ctx, 401, name, next, WRONG);
            return;
        }
        throttle.succeeded(name, ctx.ip());
        Sessions.Session old = ctx.attribute(AccessFilter.SESSION);
        if (old != null) {
            sessions.end(old.idHash());
        }
        // a new id at every sign-in, so an id planted before sign-in is worth nothing after it
        Sessions.Started started = sessions.start(user.get());
        SessionCookie.set(ctx, started.id());
        ctx.redirect(next, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    void logout(Context ctx) {
        Sessions.Session s = ctx.attribute(AccessFilter.SESSION);
        if (s != null) {
            sessions.end(s.idHash());
        }
        SessionCookie.clear(ctx);
        ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static void render(Context ctx, int status, String name, String next, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("name", name);
        model.put("next", next);
        model.put("error", error);
        ctx.status(status).render("accounts/login", model);
    }

    /**
     * {@code next} when it is a path on this site, otherwise {@code /}: no scheme, no host, no
     * protocol-relative {@code //host}, no backslashes or control characters browsers might reinterpret.
     */
    static String safeNext(String next) {
        if (next == null || next.isEmpty() || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")) {
            return "/";
        }
        if (next.chars().anyMatch(c -> c <= 0x20 || c == '\\' || c == 0x7f)) {
            return "/";
        }
        try {
            URI u = new URI(next);
            if (u.getScheme() != null || u.getRawAuthority() != null) {
                return "/";
            }
        } catch (URISyntaxException e) {
            return "/";
        }
        return next.startsWith("/login") || next.startsWith("/logout") ? "/" : next;
    }
}
