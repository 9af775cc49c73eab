package kb.incidents;

import kb.TestApp;
import kb.TestDatabases;
import kb.cli.GenerateCommand;
import kb.system.Config;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The list and home pages of two app instances on one database while incidents are written: every answer is a
 * page (no 500 from counts read while they change), writes made on both at once all commit, and once writing stops
 * both show the counts a count from scratch gives.
 */
class ListCountsPagesTest {

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void two_instances_answer_every_list_and_home_page_while_writes_go_on_and_then_show_current_counts(String kind)
            throws Exception {
        Config db = TestDatabases.config(kind, TestApp.CONTENT);
        // no anonymous page cache: it would show writes made outside a request only after its period
        Config config = new Config(db.port(), db.dataDir(), db.dbUrl(), db.dbUser(), db.dbPassword(), db.contentDir(),
                Map.of("KB_PAGE_CACHE_MS", "0"));
        try (TestApp writer = TestApp.start(config); TestApp other = TestApp.onDatabase(config)) {
            AtomicBoolean writing = new AtomicBoolean(true);
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            List<Thread> readers = new ArrayList<>();
            for (TestApp app : List.of(writer, other, writer, other)) {
                Thread t = new Thread(() -> {
                    while (writing.get()) {
                        for (String path : List.of("/incidents", "/", "/incidents?severity=P2")) {
                            HttpResponse<String> r = app.get(path);
                            if (r.statusCode() != 200) {
                                failures.add(path + " -> " + r.statusCode() + ": " + r.body());
                            }
                        }
                    }
                });
                t.start();
                readers.add(t);
            }
            // both instances write at once: each write takes the derived tables' row locks in its own transaction
            List<Thread> writers = new ArrayList<>();
            for (TestApp app : List.of(writer, other)) {
                long seed = app == writer ? 13 : 17;
                Thread t = new Thread(() -> {
                    try {
                        for (int batch = 0; batch < 3; batch++) {
                            GenerateCommand.fill(app.services, seed, batch * 12, 12);
                        }
                    } catch (RuntimeException e) {
                        failures.add("writing on " + seed + ": " + e);
                    }
                });
                t.start();
                writers.add(t);
            }
            for (Thread t : writers) {
                t.join();
            }
            writing.set(false);
            for (Thread t : readers) {
                t.join();
            }
            assertEquals(List.of(), failures);
            Jdbi jdbi = writer.services.db().jdbi();
            Map<String, Integer> severities = severities(jdbi);
            Map<String, Integer> services = services(jdbi);
            for (TestApp app : List.of(writer, other)) {
                Document d = Jsoup.parse(app.get("/incidents").body());
                Map<String, Integer> shownSeverities = new TreeMap<>();
                for (Element box : d.select("input[name=severity]")) {
                    int n = count(box.parent().text());
                    if (n > 0) {
                        shownSeverities.put(box.attr("value"), n);
                    }
                }
                assertEquals(severities, shownSeverities);
                Map<String, Integer> shownServices = new TreeMap<>();
                d.select("input[name=service]").forEach(box -> shownServices.put(box.attr("value"), count(box.parent().text())));
                assertEquals(services, shownServices);
                assertTrue(services.size() > 5, "generated incidents bring their services");
            }
        }
    }

    /** The number in "NAME (N)". */
    private static int count(String label) {
        return Integer.parseInt(label.substring(label.lastIndexOf('(') + 1, label.lastIndexOf(')')));
    }

    private static Map<String, Integer> severities(Jdbi jdbi) {
        Map<String, Integer> m = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT severity, COUNT(*) FROM incidents WHERE listed = TRUE AND status = 'published'"
                + " GROUP BY severity").map((rs, c) -> m.put(rs.getString(1), rs.getInt(2))).list());
        return m;
    }

    private static Map<String, Integer> services(Jdbi jdbi) {
        Map<String, Integer> m = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT s.name, COUNT(*) FROM incident_services s JOIN incidents i ON i.id = s.incident_id"
                + " WHERE i.listed = TRUE AND i.status = 'published' GROUP BY s.name").map((rs, c) -> m.put(rs.getString(1), rs.getInt(2))).list());
        return m;
    }
}
