package kb.system;

import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What every page's layout needs (the request id, the signed-in user, the CSRF token, ...).
 * Features contribute entries by registering a contributor; the layout reads them by name.
 */
public final class PageModel {

    private final List<Function<Context, Map<String, Object>>> contributors =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    PageModel() {
    }

    /**
     * Adds entries to every page of this app; the contributor must not fail for anonymous requests.
     * A {@code navLinks} list is appended to the other features' links rather than replacing them.
     */
    public void contribute(Function<Context, Map<String, Object>> contributor) {
        contributors.add(contributor);
    }

    Map<String, Object> of(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("requestId", RequestIds.of(ctx));
        model.put("path", ctx.path());
        String[] segments = ctx.path().split("/");
        model.put("section", segments.length > 1 ? segments[1] : "");
        model.put("user", null);
        model.put("csrfToken", "");
        model.put("canEdit", false);
        model.put("isAdmin", false);
        List<Object> navLinks = new ArrayList<>();
        for (var c : contributors) {
            Map<String, Object> contributed = new HashMap<>(c.apply(ctx));
            // several features add navigation links: collect them instead of letting the last one win
            if (contributed.remove("navLinks") instanceof List<?> links) {
                navLinks.addAll(links);
            }
            model.putAll(contributed);
        }
        model.put("navLinks", navLinks);
        return model;
    }
}
