package kb.incidents;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The list filters, parsed from the query string so a filtered list has a shareable URL.
 * All filters combine with AND; an absent filter matches everything.
 *
 * @param page 1-based page number
 */
record IncidentFilter(String severity, String service, String tag, String category, Integer year,
                             String sort, int page, int size) {

    static final Set<String> SEVERITIES = Set.of("P0", "P1", "P2", "P3", "P4");
    static final Set<String> SORTS = Set.of("date", "severity");

    /** Reads and checks the query parameters; a bad value is a 400 naming the parameter. */
    public static IncidentFilter from(Context ctx) {
        String severity = blankToNull(ctx.queryParam("severity"));
        if (severity != null && !SEVERITIES.contains(severity)) {
            throw new BadRequestResponse("severity must be one of P0, P1, P2, P3, P4, got '" + severity + "'");
        }
        String sort = blankToNull(ctx.queryParam("sort"));
        if (sort != null && !SORTS.contains(sort)) {
            throw new BadRequestResponse("sort must be 'date' or 'severity', got '" + sort + "'");
        }
        return new IncidentFilter(severity, blankToNull(ctx.queryParam("service")), blankToNull(ctx.queryParam("tag")),
                blankToNull(ctx.queryParam("category")), intParam(ctx, "year", 1900, 3000, null),
                sort == null ? "date" : sort, intParam(ctx, "page", 1, 100_000, 1), intParam(ctx, "size", 1, 100, 20));
    }

    public static IncidentFilter none() {
        return new IncidentFilter(null, null, null, null, null, "date", 1, 20);
    }

    /** Query parameters of this filter, with {@code page} replaced, for building links. */
    public Map<String, String> params(int newPage) {
        Map<String, String> p = new LinkedHashMap<>();
        putIf(p, "severity", severity);
        putIf(p, "service", service);
        putIf(p, "tag", tag);
        putIf(p, "category", category);
        putIf(p, "year", year == null ? null : year.toString());
        if (!"date".equals(sort)) {
            p.put("sort", sort);
        }
        if (newPage > 1) {
            p.put("page", Integer.toString(newPage));
        }
        return p;
    }

    public boolean any() {
        return severity != null || service != null || tag != null || category != null || year != null;
    }

    List<String> active() {
        return params(1).entrySet().stream().filter(e -> !e.getKey().equals("sort"))
                .map(e -> e.getKey() + ": " + e.getValue()).toList();
    }

    private static void putIf(Map<String, String> p, String k, String v) {
        if (v != null) {
            p.put(k, v);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Integer intParam(Context ctx, String name, int min, int max, Integer fallback) {
        String raw = blankToNull(ctx.queryParam(name));
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
