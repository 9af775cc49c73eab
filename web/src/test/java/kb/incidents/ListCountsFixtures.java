package kb.incidents;

import kb.App;
import kb.authoring.Authoring;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixture incident of the list-count tests and the counts to compare with: a recount from scratch over the label
 * tables (as the list counted before V54), what list_counts holds, and the edits and threads the tests drive. Shared
 * by {@link ListCountsTest} and {@link ListCountsConcurrencyTest}.
 */
final class ListCountsFixtures {

    static final String ID = "cgo-unsafe-pointer-out-of-bounds";
    static final String OTHER = "context-timeout-not-propagated";

    private ListCountsFixtures() {
    }

    /** Saves incident {@code id} again with {@code service} added to its services. */
    static void addService(App.Services s, Jdbi jdbi, String id, String service) {
        int rev = s.incidents().header(id).orElseThrow().currentRevision();
        String text = s.incidents().source(id, rev).orElseThrow();
        String edited = text.replaceFirst("(?m)^services: \\[", "services: [" + service + ", ");
        assertNotEquals(text, edited);
        assertInstanceOf(Authoring.Saved.class, new Authoring(jdbi).update(id, edited, rev, "t", "edit"));
    }

    static long lastSeq(Jdbi jdbi, String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT MAX(seq) FROM incident_changes WHERE incident_id = :id")
                .bind("id", id).mapTo(Long.class).one());
    }

    static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(1, TimeUnit.MINUTES));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every row of both tables, in key order. */
    static List<List<Object>> snapshot(Jdbi jdbi) {
        return jdbi.withHandle(h -> {
            List<List<Object>> rows = new ArrayList<>(h.createQuery("SELECT incident_id, kind, name FROM list_count_rows ORDER BY 1, 2, 3")
                    .map((rs, c) -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getString(3))).list());
            rows.addAll(h.createQuery("SELECT kind, name, n FROM list_counts ORDER BY 1, 2")
                    .map((rs, c) -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getLong(3))).list());
            return rows;
        });
    }

    /** Moves the fixture incident to another severity, year, service, tag set, category and checklist item. */
    static String relabel(String text) {
        String edited = text.replace("severity: P0", "severity: P2")
                .replace("started: 2024-03-05T10:00:00+08:00", "started: 2021-03-05T10:00:00+08:00")
                .replace("services: [native-codec-bridge]", "services: [native-codec-bridge, payments-edge]")
                .replace("tags: [go, cgo, unsafe,", "tags: [cgo, unsafe, brand-new-tag,")
                .replace("categories: [memory-safety, security, concurrency]", "categories: [memory-safety]")
                .replace("checklist: [MEM-01, MEM-02]", "checklist: [MEM-01]");
        assertNotEquals(text, edited);
        return edited;
    }

    static Thread start(Runnable body, List<Throwable> failures) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        t.start();
        return t;
    }

    static void assertMatchesRecount(Jdbi jdbi, ListCounts counts) {
        Map<String, Map<String, Integer>> expected = recount(jdbi);
        assertTrue(expected.get("service").size() > 3, "the fixture has services to count");
        assertEquals(expected, tables(jdbi));
        Map<String, List<Insights.Count>> read = counts.read();
        for (String k : ListCounts.KINDS) {
            assertEquals(expected.get(k), asMap(read.get(k)), k);
            List<Insights.Count> list = read.get(k);
            for (int i = 1; i < list.size() && !k.equals("year") && !k.equals("severity"); i++) {
                assertTrue(list.get(i - 1).count() >= list.get(i).count(), k + " most used first");
            }
        }
    }

    /** The counts straight from the label tables, as the list counted them before V54. */
    static Map<String, Map<String, Integer>> recount(Jdbi jdbi) {
        String visible = " JOIN incidents i ON i.id = l.incident_id WHERE i.listed = TRUE AND i.status = 'published' GROUP BY ";
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        jdbi.useHandle(h -> {
            out.put("severity", pairs(h, "SELECT severity, COUNT(*) FROM incidents l WHERE listed = TRUE AND status = 'published' GROUP BY severity"));
            out.put("year", pairs(h, "SELECT CAST(started_year AS VARCHAR(11)), COUNT(*) FROM incidents l"
                    + " WHERE listed = TRUE AND status = 'published' GROUP BY started_year"));
            out.put("service", pairs(h, "SELECT l.name, COUNT(*) FROM incident_services l" + visible + "l.name"));
            out.put("tag", pairs(h, "SELECT l.name, COUNT(*) FROM incident_tags l" + visible + "l.name"));
            out.put("category", pairs(h, "SELECT l.name, COUNT(*) FROM incident_categories l" + visible + "l.name"));
            out.put("checklist", pairs(h, "SELECT l.checklist_id, COUNT(*) FROM incident_checklist l" + visible + "l.checklist_id"));
        });
        return out;
    }

    /** What {@code list_counts} holds, by kind. */
    static Map<String, Map<String, Integer>> tables(Jdbi jdbi) {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        ListCounts.KINDS.forEach(k -> out.put(k, new TreeMap<>()));
        jdbi.useHandle(h -> h.createQuery("SELECT kind, name, n FROM list_counts")
                .map((rs, c) -> out.get(rs.getString(1)).put(rs.getString(2), rs.getInt(3))).list());
        return out;
    }

    static Map<String, Integer> counts(Jdbi jdbi, String kind) {
        return tables(jdbi).get(kind);
    }

    static long sum(Jdbi jdbi, String kind) {
        return counts(jdbi, kind).values().stream().mapToLong(Integer::longValue).sum();
    }

    static long stateSeq(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq FROM list_count_state").mapTo(Long.class).one());
    }

    static Map<String, Integer> pairs(Handle h, String sql) {
        Map<String, Integer> m = new TreeMap<>();
        h.createQuery(sql).map((rs, c) -> m.put(rs.getString(1), rs.getInt(2))).list();
        return m;
    }

    static Map<String, Integer> asMap(Object counts) {
        Map<String, Integer> m = new TreeMap<>();
        for (Object o : (List<?>) counts) {
            Insights.Count c = (Insights.Count) o;
            m.put(c.name(), c.count());
        }
        return m;
    }
}
