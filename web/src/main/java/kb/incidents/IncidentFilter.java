package kb.incidents;

import kb.system.FilterParams;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The list filters, parsed from the query string so a filtered list has a shareable URL.
 * Different filters combine with AND; several values of one filter ({@code ?tag=go&tag=defer}) combine with OR.
 * An absent filter matches everything.
 *
 * @param item     a checklist item id: only incidents linked to it
 * @param verified only incidents whose every runnable reproduction has a passing run on record
 * @param page     1-based page number
 */
record IncidentFilter(List<String> severities, List<String> services, List<String> tags,
                             List<String> categories, Integer year, String item, boolean verified,
                             String sort, int page, int size) {

    static final Set<String> SEVERITIES = Set.of("P0", "P1", "P2", "P3", "P4");
    static final Set<String> SORTS = Set.of("date", "severity");
    /** Incidents per page when {@code size} is not given, and the most a reader may ask for. */
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    /** More values than any real facet has; keeps the generated SQL small. */

    public IncidentFilter {
        severities = List.copyOf(severities);
        services = List.copyOf(services);
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
    }

    /** One value (or null) per filter, as before several values were possible. */
    public IncidentFilter(String severity, String service, String tag, String category, Integer year,
                          String sort, int page, int size) {
        this(one(severity), one(service), one(tag), one(category), year, null, false, sort, page, size);
    }

    /** Reads and checks the query parameters; a bad value is a 400 naming the parameter. */
    public static IncidentFilter from(Context ctx) {
        List<String> severities = FilterParams.values(ctx, "severity");
        for (String s : severities) {
            if (!SEVERITIES.contains(s)) {
                throw new BadRequestResponse("severity must be one of P0, P1, P2, P3, P4, got '" + s + "'");
            }
        }
        String sort = FilterParams.single(ctx, "sort");
        if (sort != null && !SORTS.contains(sort)) {
            throw new BadRequestResponse("sort must be 'date' or 'severity', got '" + sort + "'");
        }
        String verified = FilterParams.single(ctx, "verified");
        if (verified != null && !verified.equals("true") && !verified.equals("false")) {
            throw new BadRequestResponse("verified must be 'true' or 'false', got '" + verified + "'");
        }
        return new IncidentFilter(severities, FilterParams.values(ctx, "service"), FilterParams.values(ctx, "tag"), FilterParams.values(ctx, "category"),
                FilterParams.number(ctx, "year", 1900, 3000, null), FilterParams.single(ctx, "item"), "true".equals(verified),
                sort == null ? "date" : sort, FilterParams.number(ctx, "page", 1, 100_000, 1), FilterParams.number(ctx, "size", 1, MAX_SIZE, DEFAULT_SIZE));
    }

    public static IncidentFilter none() {
        return new IncidentFilter(List.of(), List.of(), List.of(), List.of(), null, null, false, "date", 1, 20);
    }

    /** The first severity asked for, or null. */
    public String severity() {
        return first(severities);
    }

    public String service() {
        return first(services);
    }

    public String tag() {
        return first(tags);
    }

    public String category() {
        return first(categories);
    }

    /**
     * Query parameters of this filter, with {@code page} replaced, for building links: a parameter with
     * several values maps to a list of them.
     */
    public Map<String, Object> params(int newPage) {
        Map<String, Object> p = new LinkedHashMap<>();
        FilterParams.putIf(p, "severity", severities);
        FilterParams.putIf(p, "service", services);
        FilterParams.putIf(p, "tag", tags);
        FilterParams.putIf(p, "category", categories);
        if (year != null) {
            p.put("year", year.toString());
        }
        if (item != null) {
            p.put("item", item);
        }
        if (verified) {
            p.put("verified", "true");
        }
        if (!"date".equals(sort)) {
            p.put("sort", sort);
        }
        // the page size is the reader's choice of view, not a filter: every link keeps it
        if (size != DEFAULT_SIZE) {
            p.put("size", Integer.toString(size));
        }
        if (newPage > 1) {
            p.put("page", Integer.toString(newPage));
        }
        return p;
    }

    /** The reader's choice of view (sort and page size) without any filter: where "Clear all" leads. */
    public Map<String, Object> view() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (!"date".equals(sort)) {
            p.put("sort", sort);
        }
        if (size != DEFAULT_SIZE) {
            p.put("size", Integer.toString(size));
        }
        return p;
    }

    /** Whether the page size differs from the default (the filter form then carries it along). */
    public boolean customSize() {
        return size != DEFAULT_SIZE;
    }

    /** Each value in effect as a removable chip: its parameter, its value, and the parameters without it. */
    public List<Chip> chips() {
        List<Chip> chips = new ArrayList<>();
        params(1).forEach((name, value) -> {
            if (name.equals("sort") || name.equals("size")) {
                return;
            }
            for (String v : value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of((String) value)) {
                Map<String, Object> rest = params(1);
                if (value instanceof List<?> l && l.size() > 1) {
                    rest.put(name, l.stream().filter(x -> !x.equals(v)).toList());
                } else {
                    rest.remove(name);
                }
                chips.add(new Chip(name, v, rest));
            }
        });
        return chips;
    }

    /** One active filter value and the query that drops it. */
    public record Chip(String name, String value, Map<String, Object> without) {
    }

    /** Whether {@code value} is among the values of filter {@code name}, for marking form options as selected. */
    public boolean has(String name, Object value) {
        return values(name).contains(String.valueOf(value));
    }

    /** How many values filter {@code name} ({@code severity}, {@code service}, {@code tag}, {@code category}) has. */
    public int count(String name) {
        return values(name).size();
    }

    /** The values of filter {@code name} (as {@link #count}), for keeping them in the form while counts are built. */
    public List<String> values(String name) {
        return switch (name) {
            case "severity" -> severities;
            case "service" -> services;
            case "tag" -> tags;
            case "category" -> categories;
            default -> List.of();
        };
    }

    public boolean any() {
        return !severities.isEmpty() || !services.isEmpty() || !tags.isEmpty() || !categories.isEmpty() || year != null
                || item != null || verified;
    }

    List<String> active() {
        return chips().stream().map(c -> c.name() + ": " + c.value()).toList();
    }

    private static List<String> one(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

}
