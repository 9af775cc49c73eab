package kb.search;

import java.util.Map;
import java.util.Set;

/**
 * One search.
 *
 * @param q             what the user typed (may be blank: then filters alone, newest first)
 * @param filters       exact filters by field: severity, service, tag, category, checklist, year, and
 *                      {@code verified=true} (every runnable reproduction has a passing run on record)
 * @param onlyIds       when not null, only these incident ids (the "verified reproduction" filter)
 * @param sort          {@code relevance} (default) or {@code date}
 * @param page          1-based
 * @param size          hits per page
 * @param includeDrafts whether drafts may be found (editors)
 */
public record SearchRequest(String q, Map<String, String> filters, Set<String> onlyIds, String sort, int page,
                            int size, boolean includeDrafts) {

    /** The filters a request may carry, as query parameters of the same names. */
    public static final java.util.List<String> FILTERS = java.util.List.of("severity", "service", "tag", "category",
            "checklist", "year", "verified");

    public static SearchRequest of(String q) {
        return new SearchRequest(q, Map.of(), null, "relevance", 1, 10, false);
    }
}
