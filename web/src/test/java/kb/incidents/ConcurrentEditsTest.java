package kb.incidents;

import kb.TestApp;
import kb.TestDatabases;
import kb.authoring.Authoring;
import kb.system.Config;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two app instances on one database edit the same incidents at once, each edit moving a severity and a service
 * (rows of the derived tables every other edit also moves): no edit fails (no deadlock, no lock wait that gives
 * up), none is lost (each saved edit is one revision, and the last one saved is what the incident holds), and
 * both instances' list counts end equal to a count from scratch.
 */
class ConcurrentEditsTest {

    private static final List<String> IDS = List.of("fixture-pool-leak", "fixture-old-timeout");
    private static final int EDITS_PER_WRITER = 15;

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void edits_of_the_same_incidents_on_two_instances_all_commit_once_and_leave_exact_counts(String kind) throws Exception {
        Config db = TestDatabases.config(kind, TestApp.FIXTURES);
        Config config = new Config(db.port(), db.dataDir(), db.dbUrl(), db.dbUser(), db.dbPassword(), db.contentDir(),
                Map.of("KB_PAGE_CACHE_MS", "0"));
        try (TestApp one = TestApp.start(config); TestApp other = TestApp.onDatabase(config)) {
            Map<String, Integer> firstRevision = new TreeMap<>();
            IDS.forEach(id -> firstRevision.put(id, one.services.incidents().header(id).orElseThrow().currentRevision()));
            // the text of each saved edit by the revision it got
            Map<String, Map<Integer, String>> saved = new ConcurrentHashMap<>();
            IDS.forEach(id -> saved.put(id, new ConcurrentHashMap<>()));
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            List<Thread> writers = new ArrayList<>();
            int w = 0;
            for (TestApp app : List.of(one, other, one, other)) {
                int writer = w++;
                Thread t = new Thread(() -> {
                    try {
                        edit(app, writer, saved);
                    } catch (RuntimeException | AssertionError e) {
                        failures.add("writer " + writer + ": " + e);
                    }
                });
                t.start();
                writers.add(t);
            }
            for (Thread t : writers) {
                t.join();
            }
            assertEquals(List.of(), failures);
            for (String id : IDS) {
                int revision = one.services.incidents().header(id).orElseThrow().currentRevision();
                List<Integer> expected = new ArrayList<>();
                for (int r = firstRevision.get(id) + 1; r <= revision; r++) {
                    expected.add(r);
                }
                assertEquals(expected, new ArrayList<>(new TreeMap<>(saved.get(id)).keySet()),
                        "each saved edit of " + id + " is one revision, none skipped or shared");
                for (Map.Entry<Integer, String> e : saved.get(id).entrySet()) {
                    assertEquals(e.getValue(), one.services.incidents().source(id, e.getKey()).orElseThrow(),
                            id + " revision " + e.getKey() + " holds the edit saved as it");
                }
            }
            assertEquals(4 * EDITS_PER_WRITER, saved.values().stream().mapToInt(Map::size).sum());
            Jdbi jdbi = one.services.db().jdbi();
            for (TestApp app : List.of(one, other)) {
                Document d = app.page("/incidents");
                assertEquals(recount(jdbi, "SELECT severity, COUNT(*) FROM incidents WHERE listed = TRUE AND status = 'published'"
                        + " GROUP BY severity"), shown(d, "severity"));
                assertEquals(recount(jdbi, "SELECT s.name, COUNT(*) FROM incident_services s JOIN incidents i ON i.id = s.incident_id"
                        + " WHERE i.listed = TRUE AND i.status = 'published' GROUP BY s.name"), shown(d, "service"));
            }
        }
    }

    /** {@link #EDITS_PER_WRITER} saved edits, alternating between the incidents; a stale base is read again and retried. */
    private static void edit(TestApp app, int writer, Map<String, Map<Integer, String>> saved) {
        Authoring authoring = new Authoring(app.services.db().jdbi());
        int stale = 0;
        for (int i = 0; i < EDITS_PER_WRITER; i++) {
            String id = IDS.get(i % IDS.size());
            while (true) {
                int base = app.services.incidents().header(id).orElseThrow().currentRevision();
                String text = app.services.incidents().source(id, base).orElseThrow();
                String next = text.replaceFirst("(?m)^severity: P\\d$", "severity: P" + (1 + (writer + i) % 4))
                        .replaceFirst("(?m)^services: \\[.*]$", "services: [svc-" + writer + "-" + (i % 3) + "]");
                Authoring.Result r = authoring.update(id, next, base, "writer-" + writer, "edit");
                if (r instanceof Authoring.Saved ok) {
                    assertEquals(null, saved.get(id).put(ok.revision(), next), "revision " + ok.revision() + " given twice");
                    break;
                }
                assertTrue(r instanceof Authoring.Stale, "an edit is saved or its base is stale: " + r);
                assertTrue(++stale < 500, "writer " + writer + " keeps finding a stale base");
            }
        }
    }

    private static Map<String, Integer> recount(Jdbi jdbi, String sql) {
        Map<String, Integer> m = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery(sql).map((rs, c) -> m.put(rs.getString(1), rs.getInt(2))).list());
        return m;
    }

    /** The non-zero counts the list shows for the filter {@code name}, from "VALUE (N)". */
    private static Map<String, Integer> shown(Document d, String name) {
        Map<String, Integer> m = new TreeMap<>();
        for (Element box : d.select("input[name=" + name + "]")) {
            String label = box.parent().text();
            int n = Integer.parseInt(label.substring(label.lastIndexOf('(') + 1, label.lastIndexOf(')')));
            if (n > 0) {
                m.put(box.attr("value"), n);
            }
        }
        return m;
    }
}
