package kb.incidents;

import org.jdbi.v3.core.Jdbi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Aggregate figures over published, listed incidents for the home page and the list's filters. */
final class Insights {

    record Count(String name, int count) {
    }

    private static final String VISIBLE = "i.listed = TRUE AND i.status = 'published'";
    private final Jdbi jdbi;

    Insights(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** P0..P4, each with its count (zero included). */
    Map<String, Integer> countsBySeverity() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String s : List.of("P0", "P1", "P2", "P3", "P4")) {
            counts.put(s, 0);
        }
        jdbi.useHandle(h -> h.createQuery("SELECT i.severity AS name, COUNT(*) AS count FROM incidents i WHERE " + VISIBLE
                        + " GROUP BY i.severity")
                .map((rs, c) -> new Count(rs.getString("name"), rs.getInt("count")))
                .forEach(c -> counts.put(c.name(), c.count())));
        return counts;
    }

    List<Count> topCategories(int limit) {
        return names("incident_categories").stream().limit(limit).toList();
    }

    Map<String, Object> totals() {
        return jdbi.withHandle(h -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("incidents", h.createQuery("SELECT COUNT(*) FROM incidents i WHERE " + VISIBLE).mapTo(Integer.class).one());
            m.put("checklist", h.createQuery("SELECT COUNT(*) FROM checklist_items").mapTo(Integer.class).one());
            m.put("reproductions", h.createQuery("SELECT COUNT(*) FROM code_blocks b JOIN incidents i ON i.id = b.incident_id WHERE b.runnable = TRUE AND "
                    + VISIBLE).mapTo(Integer.class).one());
            m.put("medianTtrSeconds", medianTtr(h));
            return m;
        });
    }

    /** The list's filter values and the change-log head they were counted at. */
    private record CachedFacets(long head, Map<String, Object> facets) {
    }

    private volatile CachedFacets cachedFacets;

    /**
     * The values each list filter can take, most used first; counted again only after a write to an incident
     * (one indexed query tells): the counts join every label row with its incident, about a second per list page
     * on PostgreSQL at 100,000 incidents.
     */
    Map<String, Object> facets() {
        long head = ChangeLog.head(jdbi);
        CachedFacets c = cachedFacets;
        if (c == null || c.head() != head) {
            c = new CachedFacets(head, countFacets());
            cachedFacets = c;
        }
        return c.facets();
    }

    private Map<String, Object> countFacets() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("services", names("incident_services"));
        f.put("tags", names("incident_tags"));
        f.put("categories", names("incident_categories"));
        f.put("years", jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT i.started_year FROM incidents i WHERE " + VISIBLE
                + " ORDER BY i.started_year DESC").mapTo(Integer.class).list()));
        return java.util.Collections.unmodifiableMap(f);
    }

    private List<Count> names(String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT l.name AS name, COUNT(*) AS count FROM " + table
                        + " l JOIN incidents i ON i.id = l.incident_id WHERE " + VISIBLE
                        + " GROUP BY l.name ORDER BY COUNT(*) DESC, l.name")
                .map((rs, c) -> new Count(rs.getString("name"), rs.getInt("count"))).list());
    }

    private static Long medianTtr(org.jdbi.v3.core.Handle h) {
        List<Long> ttr = h.createQuery("SELECT i.ttr_seconds FROM incidents i WHERE i.ttr_seconds IS NOT NULL AND " + VISIBLE
                + " ORDER BY i.ttr_seconds").mapTo(Long.class).list();
        return ttr.isEmpty() ? null : ttr.get(ttr.size() / 2);
    }
}
