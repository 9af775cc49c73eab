package kb.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import kb.App;
import kb.TestApp;
import kb.TestDatabases;
import kb.system.Config;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An app started on a database whose derived data was never built (as after a migration or a restore): while the
 * builds are held (a hook in the building threads waits on a latch) every page and API answers, says the counts are
 * being computed and shows what does not depend on them (the incident rows); once the builds go on, the same pages
 * show counts equal to a count from scratch. On H2 and PostgreSQL.
 */
class BuildingPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void pages_answer_while_the_first_builds_are_held_and_show_the_counts_once_they_finish(String kind) throws Exception {
        Config db = TestDatabases.config(kind, TestApp.CONTENT);
        Config config = new Config(db.port(), db.dataDir(), db.dbUrl(), db.dbUser(), db.dbPassword(), db.contentDir(),
                Map.of("KB_PAGE_CACHE_MS", "0"));
        App.Services s = App.Services.open(config);
        CountDownLatch release = new CountDownLatch(1);
        Set<String> held = ConcurrentHashMap.newKeySet();
        Javalin app = null;
        try {
            // imported before any app registered its derived tables: they are as the migration left them, unbuilt
            s.incidents().importContent(TestApp.CONTENT);
            Jdbi jdbi = s.db().jdbi();
            BuildHook.set(jdbi, what -> {
                held.add(what);
                try {
                    assertTrue(release.await(2, TimeUnit.MINUTES), "the test releases the builds");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            app = App.create(s).start();
            String base = "http://localhost:" + app.port();

            Document list = page(base + "/incidents");
            assertNotNull(list.getElementById("counts-building"), "the list says its counts are being computed");
            java.util.List<String> rows = list.select("tr.incident-row").eachAttr("data-id");
            assertFalse(rows.isEmpty(), "the rows are there while the counts are built");
            assertTrue(list.select("input[name=service]").isEmpty(), "no service values before they are counted");
            assertNotNull(list.selectFirst("meta[http-equiv=refresh]"), "the page reloads itself");
            Document filtered = page(base + "/incidents?service=user-service");
            assertTrue(filtered.selectFirst("input[name=service][value=user-service]").hasAttr("checked"),
                    "a chosen filter value stays in the form");

            JsonNode api = json(base + "/api/incidents", 200);
            assertEquals("building", api.get("facetsState").asText());
            assertTrue(api.get("items").size() > 0);
            assertEquals(0, api.get("facets").get("services").size());

            Document home = page(base + "/");
            assertFalse(home.select(".counts-building").isEmpty(), "the home page says so too");

            Document actions = page(base + "/actions");
            assertNotNull(actions.getElementById("summary-building"));
            HttpResponse<String> actionsApi = get(base + "/api/actions");
            assertEquals(503, actionsApi.statusCode());
            assertEquals("5", actionsApi.headers().firstValue("Retry-After").orElse(null));
            assertEquals("building", JSON.readTree(actionsApi.body()).get("state").asText());

            Document insights = page(base + "/insights");
            assertNotNull(insights.getElementById("figures-building"));
            assertEquals(503, get(base + "/api/insights").statusCode());
            assertEquals(503, get(base + "/insights/categories.csv").statusCode());
            assertTrue(held.containsAll(Set.of("list_count_state", "action_state", "insights")),
                    "every build was held while the pages answered: " + held);

            release.countDown();
            JsonNode ready = until(() -> json(base + "/api/incidents", 200), j -> j.get("facetsState").asText().equals("ready"));
            Map<String, Integer> severities = new TreeMap<>();
            ready.get("facets").get("severities").fields().forEachRemaining(e -> {
                if (e.getValue().asInt() > 0) {
                    severities.put(e.getKey(), e.getValue().asInt());
                }
            });
            assertEquals(recount(jdbi, "SELECT severity, COUNT(*) FROM incidents WHERE listed = TRUE AND status = 'published'"
                    + " GROUP BY severity"), severities);
            Map<String, Integer> services = new TreeMap<>();
            ready.get("facets").get("services").forEach(c -> services.put(c.get("name").asText(), c.get("count").asInt()));
            assertEquals(recount(jdbi, "SELECT s.name, COUNT(*) FROM incident_services s JOIN incidents i ON i.id = s.incident_id"
                    + " WHERE i.listed = TRUE AND i.status = 'published' GROUP BY s.name"), services);
            Document listReady = page(base + "/incidents");
            assertNull(listReady.getElementById("counts-building"));
            assertNull(listReady.selectFirst("meta[http-equiv=refresh]"));
            assertEquals(services.size(), listReady.select("input[name=service]").size());
            assertEquals(listReady.select("tr.incident-row").eachAttr("data-id"), rows, "the same rows as once built");

            JsonNode items = until(() -> get(base + "/api/actions"), r -> r.statusCode() == 200, r -> JSON.readTree(r.body()));
            int actionItems = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM action_items a JOIN incidents i"
                    + " ON i.id = a.incident_id WHERE i.listed = TRUE AND i.status = 'published'").mapTo(Integer.class).one());
            assertTrue(actionItems > 0);
            assertEquals(actionItems, items.get("total").asInt());
            assertNull(page(base + "/actions").getElementById("summary-building"));

            JsonNode figures = until(() -> get(base + "/api/insights"), r -> r.statusCode() == 200, r -> JSON.readTree(r.body()));
            assertEquals(published(jdbi, "COUNT(*)"), figures.get("incidents").asInt());
            assertNull(page(base + "/insights").getElementById("figures-building"));
        } finally {
            release.countDown();
            if (app != null) {
                app.stop();
            }
            s.close();
        }
    }

    private static int published(Jdbi jdbi, String what) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + what + " FROM incidents WHERE listed = TRUE AND status = 'published'")
                .mapTo(Integer.class).one());
    }

    private static Map<String, Integer> recount(Jdbi jdbi, String sql) {
        Map<String, Integer> m = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery(sql).map((rs, c) -> m.put(rs.getString(1), rs.getInt(2))).list());
        return m;
    }

    private interface Call<T> {
        T get() throws Exception;
    }

    private interface Read<T, R> {
        R apply(T t) throws Exception;
    }

    /** Calls {@code call} until {@code done} holds (each call waits in the app while the build runs), for up to a minute. */
    private static <T> T until(Call<T> call, Predicate<T> done) throws Exception {
        return until(call, done, t -> t);
    }

    private static <T, R> R until(Call<T> call, Predicate<T> done, Read<T, R> read) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            T t = call.get();
            if (done.test(t)) {
                return read.apply(t);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not ready after a minute: " + t);
            }
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Document page(String url) throws Exception {
        HttpResponse<String> r = get(url);
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return Jsoup.parse(r.body(), url);
    }

    private JsonNode json(String url, int status) throws Exception {
        HttpResponse<String> r = get(url);
        assertEquals(status, r.statusCode(), url + ": " + r.body());
        return JSON.readTree(r.body());
    }
}
