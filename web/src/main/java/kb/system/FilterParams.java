package kb.system;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The list pages' multi-value filters (?service=a&amp;service=b): read the same way everywhere, and written back
 * into a page's query model the same way.
 */
public final class FilterParams {
    /** How many values one filter may have; more is a 400 that names the filter. */
    public static final int MAX_VALUES = 50;

    private FilterParams() {
    }

    /** The non-blank values of query parameter {@code name}, stripped, without repeats, in the order given. */
    public static List<String> values(Context ctx, String name) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : ctx.queryParams(name)) {
            if (v != null && !v.isBlank()) {
                out.add(v.strip());
            }
        }
        if (out.size() > MAX_VALUES) {
            throw new BadRequestResponse(name + " takes at most " + MAX_VALUES + " values, got " + out.size());
        }
        return List.copyOf(out);
    }

    /** Puts a filter into a model: nothing when empty, the value when one, the list when several. */
    public static void putIf(Map<String, Object> model, String name, List<String> values) {
        if (values.size() == 1) {
            model.put(name, values.get(0));
        } else if (!values.isEmpty()) {
            model.put(name, values);
        }
    }

    /** A single query parameter, stripped; null when absent or blank. */
    public static String single(Context ctx, String name) {
        String s = ctx.queryParam(name);
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * A whole-number query parameter from {@code min} to {@code max}, or {@code fallback} when absent; anything
     * else is a 400 that names the parameter, its range and what was sent.
     */
    public static Integer number(Context ctx, String name, int min, int max, Integer fallback) {
        String raw = single(ctx, name);
        if (raw == null) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw);
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadRequestResponse(name + " must be a whole number from " + min + " to " + max + ", got '" + raw + "'");
        }
    }
}
