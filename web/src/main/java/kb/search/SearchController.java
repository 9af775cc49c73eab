package kb.search;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import kb.system.Access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /search} and {@code /api/search}: the same request, as a page or as JSON. */
final class SearchController {

    private static final Set<String> SEVERITIES = Set.of("P0", "P1", "P2", "P3", "P4");
    private static final int PAGE_SIZE = 10;

    private final Search search;

    SearchController(Search search) {
        this.search = search;
    }

    void page(Context ctx) {
        SearchRequest r = request(ctx);
        SearchResults results = search.search(r);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("q", r.q());
        model.put("results", results);
        model.put("filters", r.filters());
        model.put("sort", r.sort());
        model.put("blank", r.q().isBlank() && r.filters().isEmpty());
        // a page past the end (an old link, a typed number) says where the results end
        model.put("pastEnd", results.total() > 0 && r.page() > results.pages());
        model.put("last", params(r, results.pages()));
        model.put("prev", r.page() > 1 ? params(r, Math.min(r.page() - 1, results.pages())) : null);
        model.put("next", r.page() < results.pages() ? params(r, r.page() + 1) : null);
        model.put("facetLinks", facetLinks(r, results));
        model.put("activeFilters", activeFilters(r));
        if (results.total() == 0) {
            model.put("suggestions", suggestions(r));
        }
        model.put("didYouMean", search.suggestion(r, results).map(s -> suggestion(r, s)).orElse(null));
        ctx.render("search/results", model);
    }

    void api(Context ctx) {
        SearchRequest r = request(ctx);
        SearchResults results = search.search(r);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", r.q());
        body.put("filters", r.filters());
        body.put("total", results.total());
        body.put("page", results.page());
        body.put("size", results.size());
        body.put("pages", results.pages());
        body.put("ranked", results.scored() ? "relevance" : "date");
        body.put("notices", results.notices());
        body.put("hits", results.hits().stream().map(h -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", h.id());
            m.put("url", "/incidents/" + h.id());
            m.put("title", h.title());
            m.put("severity", h.severity());
            m.put("started", h.started());
            m.put("score", h.score());
            m.put("titleHtml", h.titleHtml());
            m.put("snippet", h.snippetHtml());
            return m;
        }).toList());
        body.put("facets", results.facets());
        body.put("suggestion", search.suggestion(r, results).map(s -> {
            Map<String, Object> m = suggestion(r, s);
            m.remove("params");
            return m;
        }).orElse(null));
        ctx.json(body);
    }

    void related(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(Map.of("id", id, "related", search.related(id, Access.canEdit(ctx), 5)));
    }

    /** Reads and checks the parameters; a bad value is a 400 naming the parameter and what it accepts. */
    static SearchRequest request(Context ctx) {
        String q = ctx.queryParam("q");
        Map<String, String> filters = new LinkedHashMap<>();
        for (String f : SearchRequest.FILTERS) {
            String v = ctx.queryParam(f);
            if (v != null && !v.isBlank()) {
                filters.put(f, v.strip());
            }
        }
        String severity = filters.get("severity");
        if (severity != null && !SEVERITIES.contains(severity.toUpperCase(java.util.Locale.ROOT))) {
            throw new BadRequestResponse("severity must be one of P0, P1, P2, P3, P4, got '" + severity + "'");
        }
        String year = filters.get("year");
        if (year != null && !year.matches("[0-9]{4}")) {
            throw new BadRequestResponse("year must be a four-digit year, got '" + year + "'");
        }
        String verified = filters.remove("verified");
        if (verified != null && !verified.equals("true") && !verified.equals("false")) {
            throw new BadRequestResponse("verified must be 'true' or 'false', got '" + verified + "'");
        }
        if ("true".equals(verified)) {
            filters.put("verified", "true");
        }
        String sort = ctx.queryParam("sort");
        if (sort != null && !sort.isBlank() && !Set.of("relevance", "date").contains(sort)) {
            throw new BadRequestResponse("sort must be 'relevance' or 'date', got '" + sort + "'");
        }
        return new SearchRequest(q == null ? "" : q, filters, null, sort == null || sort.isBlank() ? "relevance" : sort,
                intParam(ctx, "page", 1, 1000, 1), intParam(ctx, "size", 1, 100, PAGE_SIZE), Access.canEdit(ctx));
    }

    private static int intParam(Context ctx, String name, int min, int max, int fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequestResponse(name + " must be a whole number from " + min + " to " + max + ", got '" + raw + "'");
    }

    /** A "did you mean" for the page and the JSON: the corrected query, its matches, and the link that runs it. */
    private static Map<String, Object> suggestion(SearchRequest r, Search.Suggestion s) {
        SearchRequest corrected = new SearchRequest(s.query(), r.filters(), r.onlyIds(), r.sort(), 1, r.size(),
                r.includeDrafts());
        Map<String, String> params = params(corrected, 1);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("query", s.query());
        m.put("total", s.total());
        m.put("url", "/search?" + String.join("&", params.entrySet().stream().map(e -> e.getKey() + "="
                + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8)).toList()));
        m.put("params", params);
        return m;
    }

    /** The query parameters of {@code r} with {@code page}, for links. */
    private static Map<String, String> params(SearchRequest r, int page) {
        Map<String, String> p = new LinkedHashMap<>();
        if (!r.q().isBlank()) {
            p.put("q", r.q());
        }
        p.putAll(r.filters());
        if (!"relevance".equals(r.sort())) {
            p.put("sort", r.sort());
        }
        if (r.size() != PAGE_SIZE) {
            p.put("size", Integer.toString(r.size()));
        }
        if (page > 1) {
            p.put("page", Integer.toString(page));
        }
        return p;
    }

    /** For each facet, its values with counts and the link that adds (or, when active, removes) it. */
    private static Map<String, List<Map<String, Object>>> facetLinks(SearchRequest r, SearchResults results) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        results.facets().forEach((field, counts) -> {
            List<Map<String, Object>> links = new ArrayList<>();
            for (SearchResults.Facet c : counts.subList(0, Math.min(12, counts.size()))) {
                Map<String, String> p = params(r, 1);
                boolean active = c.value().equalsIgnoreCase(r.filters().getOrDefault(field, ""));
                if (active) {
                    p.remove(field);
                } else {
                    p.put(field, c.value());
                }
                links.add(Map.of("value", c.value(), "count", c.count(), "active", active, "params", p));
            }
            if (!links.isEmpty()) {
                out.put(field, links);
            }
        });
        return out;
    }

    private static List<Map<String, Object>> activeFilters(SearchRequest r) {
        List<Map<String, Object>> out = new ArrayList<>();
        r.filters().forEach((f, v) -> {
            Map<String, String> p = params(r, 1);
            p.remove(f);
            out.add(Map.of("label", f + ": " + v, "params", p));
        });
        return out;
    }

    /** Ways out of an empty result: drop the filters, search fewer words, or browse popular labels. */
    private List<Map<String, Object>> suggestions(SearchRequest r) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!r.filters().isEmpty() && !r.q().isBlank()) {
            long n = search.search(new SearchRequest(r.q(), Map.of(), null, r.sort(), 1, 1, r.includeDrafts())).total();
            if (n > 0) {
                out.add(Map.of("label", "\"" + r.q() + "\" without filters", "count", n, "params", Map.of("q", r.q())));
            }
        }
        QueryText.Parsed parsed = QueryText.parse(r.q());
        if (parsed.clauses().size() > 1) {
            for (QueryText.Clause c : parsed.clauses()) {
                if (c.excluded()) {
                    continue;
                }
                String one = c.kind() == QueryText.Kind.PHRASE ? "\"" + c.text() + "\"" : c.text();
                long n = search.search(new SearchRequest(one, Map.of(), null, "relevance", 1, 1, r.includeDrafts()))
                        .total();
                if (n > 0) {
                    out.add(Map.of("label", one, "count", n, "params", Map.of("q", one)));
                }
            }
        }
        return out;
    }
}
