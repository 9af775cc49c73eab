package kb.system;

import io.javalin.http.Context;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What every page's layout needs (the request id, the signed-in user, the CSRF token, ...).
 * Features contribute entries by registering a contributor; the layout reads them by name. Lists
 * contributed under the same name (such as {@code navLinks}) are joined in registration order.
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

    /** Lists from several features (e.g. {@code navLinks}) add up; any other value is replaced by the later one. */
    private static Object combine(Object earlier, Object later) {
        if (earlier instanceof java.util.List<?> a && later instanceof java.util.List<?> b) {
            java.util.List<Object> both = new java.util.ArrayList<>(a);
            both.addAll(b);
            return both;
        }
        return later;
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
            c.apply(ctx).forEach((key, value) -> model.put(key, combine(model.get(key), value)));
        }
        return model;
    }
}
