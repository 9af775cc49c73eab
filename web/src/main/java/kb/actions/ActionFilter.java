package kb.actions;

import kb.system.FilterParams;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters of {@code /actions} and {@code /api/actions}, read from the query string so a filtered list has a
 * shareable URL. As on the incident list, different filters combine with AND and several values of one filter
 * ({@code ?owner=alice&owner=bob}) with OR; an absent filter matches everything.
 *
 * @param statuses {@code open} and/or {@code done}
 * @param overdue  only open items whose due date has passed
 * @param page     1-based page number
 */
record ActionFilter(List<String> owners, List<String> types, List<String> statuses, List<String> services,
                    boolean overdue, int page, int size) {

    static final List<String> TYPES = List.of("prevent", "mitigate", "detect", "process");
    static final List<String> STATUSES = List.of("open", "done");
    /** More values than any real facet has; keeps the generated SQL small. */

    ActionFilter {
        owners = List.copyOf(owners);
        types = List.copyOf(types);
        statuses = List.copyOf(statuses);
        services = List.copyOf(services);
    }

    static ActionFilter none() {
        return new ActionFilter(List.of(), List.of(), List.of(), List.of(), false, 1, 50);
    }

    /** Reads and checks the query parameters; a bad value is a 400 naming the parameter and the allowed values. */
    static ActionFilter from(Context ctx) {
        List<String> types = FilterParams.values(ctx, "type");
        for (String t : types) {
            if (!TYPES.contains(t)) {
                throw new BadRequestResponse("type must be one of " + String.join(", ", TYPES) + ", got '" + t + "'");
            }
        }
        List<String> statuses = FilterParams.values(ctx, "status");
        for (String s : statuses) {
            if (!STATUSES.contains(s)) {
                throw new BadRequestResponse("status must be 'open' or 'done', got '" + s + "'");
            }
        }
        String overdue = FilterParams.single(ctx, "overdue");
        if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
            throw new BadRequestResponse("overdue must be 'true' or 'false', got '" + overdue + "'");
        }
        return new ActionFilter(FilterParams.values(ctx, "owner"), types, statuses, FilterParams.values(ctx, "service"), "true".equals(overdue),
                FilterParams.number(ctx, "page", 1, 100_000, 1), FilterParams.number(ctx, "size", 1, 200, 50));
    }

    /** Query parameters of this filter with {@code page} replaced; a filter with several values maps to a list. */
    Map<String, Object> params(int newPage) {
        Map<String, Object> p = new LinkedHashMap<>();
        FilterParams.putIf(p, "owner", owners);
        FilterParams.putIf(p, "type", types);
        FilterParams.putIf(p, "status", statuses);
        FilterParams.putIf(p, "service", services);
        if (overdue) {
            p.put("overdue", "true");
        }
        if (size != 50) {
            p.put("size", Integer.toString(size));
        }
        if (newPage > 1) {
            p.put("page", Integer.toString(newPage));
        }
        return p;
    }

    /** Each value in effect as a removable chip: its parameter, its value, and the parameters without it. */
    List<Chip> chips() {
        List<Chip> chips = new ArrayList<>();
        params(1).forEach((name, value) -> {
            if (name.equals("size")) {
                return;
            }
            List<String> vs = value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of((String) value);
            for (String v : vs) {
                Map<String, Object> rest = params(1);
                if (vs.size() > 1) {
                    rest.put(name, vs.stream().filter(x -> !x.equals(v)).toList());
                } else {
                    rest.remove(name);
                }
                chips.add(new Chip(name, v, rest));
            }
        });
        return chips;
    }

    /** One active filter value and the query that drops it. */
    record Chip(String name, String value, Map<String, Object> without) {
    }

    /** Whether {@code value} is among the values of filter {@code name}, for checking the form's boxes. */
    public boolean has(String name, Object value) {
        return values(name).contains(String.valueOf(value));
    }

    /** How many values filter {@code name} has. */
    public int count(String name) {
        return values(name).size();
    }

    public boolean any() {
        return !owners.isEmpty() || !types.isEmpty() || !statuses.isEmpty() || !services.isEmpty() || overdue;
    }

    private List<String> values(String name) {
        return switch (name) {
            case "owner" -> owners;
            case "type" -> types;
            case "status" -> statuses;
            case "service" -> services;
            default -> List.of();
        };
    }

}
