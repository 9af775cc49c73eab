package kb.system;

import io.javalin.http.Context;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What every page's layout needs (the request id, the signed-in user, the CSRF token, ...).
 * Features contribute entries by registering a contributor; the layout reads them by name.
 */
public final class PageModel {

    private static final java.util.List<Function<Context, Map<String, Object>>> CONTRIBUTORS =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    private PageModel() {
    }

    /** Adds entries to every page; the contributor must not fail for anonymous requests. */
    public static void contribute(Function<Context, Map<String, Object>> contributor) {
        CONTRIBUTORS.add(contributor);
    }

    static Map<String, Object> of(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("requestId", RequestIds.of(ctx));
        model.put("path", ctx.path());
        String[] segments = ctx.path().split("/");
        model.put("section", segments.length > 1 ? segments[1] : "");
        model.put("user", null);
        model.put("csrfToken", "");
        model.put("canEdit", false);
        model.put("isAdmin", false);
        for (var c : CONTRIBUTORS) {
            model.putAll(c.apply(ctx));
        }
        return model;
    }
}
