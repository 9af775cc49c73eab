package kb.incidents;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /** How long a list page waits for counts after a write before it shows the previous ones. */
    static final long FRESH_WAIT_MS = 250;

    private CachedFacets cachedFacets;
    /** The count under way, if any: one at a time, however many list pages ask (no stampede after a write). */
    private CompletableFuture<CachedFacets> counting;

    /**
     * The values each list filter can take, most used first; counted again only after a write to an incident
     * (one indexed query tells). The counts join every label row with its incident: about a second on PostgreSQL
     * and 5-15 s of CPU on H2 at 100,000 incidents, so after a write one count runs at a time, and a page waits
     * {@value #FRESH_WAIT_MS} ms for it before it shows the counts from before the write (the rows of the list are
     * always current; only these hints may lag a write by that count's duration).
     */
    Map<String, Object> facets() {
        long head = ChangeLog.head(jdbi);
        CompletableFuture<CachedFacets> run;
        CachedFacets previous;
        synchronized (this) {
            previous = cachedFacets;
            if (previous != null && previous.head() == head) {
                return previous.facets();
            }
            if (counting == null) {
                // a local, not the field: when the pool is full the count runs right here and completes before
                // supplyAsync returns, and its whenComplete (clearing the field) runs before any assignment after it
                run = CompletableFuture.supplyAsync(() -> new CachedFacets(head, countFacets()), COUNTER);
                counting = run;
                run.whenComplete((c, e) -> {
                    synchronized (this) {
                        if (c != null && (cachedFacets == null || cachedFacets.head() < c.head())) {
                            cachedFacets = c;
                        }
                        counting = null;
                    }
                });
            } else {
                run = counting;
            }
        }
        try {
            return (previous == null ? run.get() : run.get(FRESH_WAIT_MS, TimeUnit.MILLISECONDS)).facets();
        } catch (TimeoutException e) {
            return previous.facets();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (previous == null) {
                throw new IllegalStateException("interrupted while counting the list's filter values", e);
            }
            return previous.facets();
        } catch (ExecutionException e) {
            throw new IllegalStateException("counting the list's filter values failed", e.getCause());
        }
    }

    /**
     * One daemon thread counts for every instance of this class: counts are rare and each takes one core. Each
     * instance has at most one count queued; beyond a few (many apps in one JVM) the asking thread counts itself.
     */
    private static final Executor COUNTER = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(8), Insights::counterThread, new ThreadPoolExecutor.CallerRunsPolicy());

    private static Thread counterThread(Runnable r) {
        Thread t = new Thread(r, "list-facet-counts");
        t.setDaemon(true);
        // a failed count reaches the page through its future; anything else escaping the thread is logged
        t.setUncaughtExceptionHandler((thread, e) -> LoggerFactory.getLogger(Insights.class)
                .error("list filter counts: the counting thread failed", e));
        return t;
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
