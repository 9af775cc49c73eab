package kb.incidents;

import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.Collections;
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
        this.counts = new ListCounts(jdbi);
    }

    /** How long a page waits for the counts to be built before it shows that they are being computed. */
    static final Duration PAGE_WAIT = Duration.ofMillis(250);

    /** P0..P4, each with its count (zero included); empty while the counts are being built. */
    Map<String, Integer> countsBySeverity() {
        CachedFacets c = current();
        if (c == null) {
            return Map.of();
        }
        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        for (String s : List.of("P0", "P1", "P2", "P3", "P4")) {
            bySeverity.put(s, 0);
        }
        c.byKind().get("severity").forEach(n -> bySeverity.put(n.name(), n.count()));
        return bySeverity;
    }

    /** The most used categories, at most {@code limit}; empty while the counts are being built. */
    List<Count> topCategories(int limit) {
        CachedFacets c = current();
        return c == null ? List.of() : c.byKind().get("category").stream().limit(limit).toList();
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

    /** The list's filter values and the version of the counts they were read at. */
    private record CachedFacets(long version, Map<String, List<Count>> byKind, Map<String, Object> facets) {
    }

    private final ListCounts counts;
    /** Replaced whole, never changed: a reader sees an old or a new answer, never half of one. */
    private volatile CachedFacets cachedFacets;

    /**
     * The values each list filter can take with how many published incidents carry them, most used first
     * ({@code services}, {@code tags}, {@code categories}, {@code checklist}: lists of {@link Count};
     * {@code severities}: counts by P0..P4; {@code years}: newest first; {@code yearCounts}: counts by year;
     * {@code verified}: how many have every reproduction passing, see {@link #verifiedCount}). Kept
     * up to date write by write ({@link ListCounts}), so they are current after every committed write.
     * {@code building} is true while the counts are being built from scratch (a database just migrated or restored):
     * then every list is empty and the page says so, after waiting at most {@link #PAGE_WAIT}.
     */
    Map<String, Object> facets() {
        CachedFacets c = current();
        Map<String, Object> f = new LinkedHashMap<>(c == null ? BUILDING_FACETS : c.facets());
        f.put("building", c == null);
        f.put("verified", verifiedCount());
        return Collections.unmodifiableMap(f);
    }

    /** The facets' shape while the counts are being built: no values, no counts. */
    private static final Map<String, Object> BUILDING_FACETS = Map.of("services", List.of(), "tags", List.of(),
            "categories", List.of(), "checklist", List.of(), "severities", Map.of(), "years", List.of(),
            "yearCounts", Map.of());

    /** Whether the counts are being built from scratch (the pages say so); waits at most {@link #PAGE_WAIT}. */
    boolean building() {
        return current() == null;
    }

    /**
     * Published, listed incidents whose every runnable reproduction has a passing run ({@code verified}). Counted on
     * every call, not kept with the other counts: sandbox runs change it without writing to the incident (so nothing
     * reaches the change log), and another instance's run must show here too. The count starts from the passing runs
     * (a row per block that ever passed), not from every incident, so it stays cheap at any number of incidents.
     */
    private int verifiedCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM incidents i WHERE " + VISIBLE
                + " AND i.id IN (SELECT b.incident_id FROM run_results r JOIN code_blocks b ON b.id = r.code_block_id"
                + " WHERE r.passed = TRUE) AND " + IncidentQuery.VERIFIED).mapTo(Integer.class).one());
    }

    /** The counts as of every committed write, or null while they are being built (after {@link #PAGE_WAIT}). */
    private CachedFacets current() {
        long version = counts.syncWithin(PAGE_WAIT);
        if (version == DerivedTables.BUILDING) {
            return null;
        }
        CachedFacets c = cachedFacets;
        if (c != null && c.version() == version) {
            return c;
        }
        Map<String, List<Count>> byKind = counts.read();
        if (!counts.stillBuilt()) {
            return null;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("services", byKind.get("service"));
        f.put("tags", byKind.get("tag"));
        f.put("categories", byKind.get("category"));
        f.put("checklist", byKind.get("checklist"));
        f.put("severities", asMap(byKind.get("severity")));
        f.put("years", byKind.get("year").stream().map(y -> Integer.valueOf(y.name())).toList());
        Map<Integer, Integer> yearCounts = new LinkedHashMap<>();
        byKind.get("year").forEach(y -> yearCounts.put(Integer.valueOf(y.name()), y.count()));
        f.put("yearCounts", Collections.unmodifiableMap(yearCounts));
        c = new CachedFacets(version, byKind, Collections.unmodifiableMap(f));
        cachedFacets = c;
        return c;
    }

    /** The tables behind {@link #facets}; a write's transaction updates them when registered with {@link WriteHooks}. */
    DerivedTables counts() {
        return counts;
    }

    private static Map<String, Integer> asMap(List<Count> list) {
        Map<String, Integer> m = new LinkedHashMap<>();
        list.forEach(c -> m.put(c.name(), c.count()));
        return Collections.unmodifiableMap(m);
    }

    /**
     * The nearest-rank median (the ⌈n/2⌉-th smallest) of the published incidents' times to resolve, leaving out those
     * marked exclude-from-metrics, as the insights page counts them; null when no incident has one.
     */
    private static Long medianTtr(org.jdbi.v3.core.Handle h) {
        List<Long> ttr = h.createQuery("SELECT i.ttr_seconds FROM incidents i WHERE i.ttr_seconds IS NOT NULL"
                + " AND i.exclude_from_metrics = FALSE AND " + VISIBLE + " ORDER BY i.ttr_seconds").mapTo(Long.class).list();
        return ttr.isEmpty() ? null : ttr.get((ttr.size() + 1) / 2 - 1);
    }
}
