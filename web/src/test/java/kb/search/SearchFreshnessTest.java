package kb.search;

import io.javalin.Javalin;
import kb.App;
import kb.TestApp;
import kb.TestDatabases;
import kb.system.Access;
import kb.system.Config;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static kb.search.SearchApps.enc;
import static kb.search.SearchApps.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index follows the database: edits, restores, a deleted index, writes while down, other instances. */
class SearchFreshnessTest {

    private static final String ID = "pay-sql-open-per-call";

    @Test
    void an_edit_and_a_restore_are_found_by_the_very_next_search() throws IOException {
        try (TestApp app = SearchApps.start()) {
            String original = app.get("/incidents/" + ID + ".md").body();
            assertEquals(List.of(), ids(app, "zanzibar"));
            String edited = original.replace("## Root cause\n\n", "## Root cause\n\nThe zanzibar flag hid it. ");
            HttpResponse<String> put = SearchApps.put(app, ID, edited, 1);
            assertEquals(200, put.statusCode(), put.body());
            assertEquals(List.of(ID), ids(app, "zanzibar"), "no wait: the write request updated the index");

            HttpResponse<String> restore = SearchApps.postForm(app, "/incidents/" + ID + "/history/1/restore",
                    "_csrf=&baseRevision=2");
            assertEquals(303, restore.statusCode(), restore.body());
            assertEquals(List.of(), ids(app, "zanzibar"), "the restored text no longer has the word");
            assertTrue(ids(app, "sql.Open").contains(ID));
        }
    }

    @Test
    void a_deleted_index_is_rebuilt_and_writes_made_while_down_are_found_on_start() throws Exception {
        Config config = TestApp.config("search" + System.nanoTime(), SearchApps.FIXTURES, Map.of());
        App.Services services = App.Services.open(config);
        try {
            services.incidents().importContent(SearchApps.FIXTURES);
            Javalin first = App.create(services).start();
            assertTrue(search(first, "sigterm").contains("deploy-drops-requests"));
            first.stop();

            deleteTree(config.dataDir().resolve("search-index"));
            Javalin second = App.create(services).start();
            assertTrue(search(second, "sigterm").contains("deploy-drops-requests"), "rebuilt from the database");
            second.stop();

            // a write by another process (the import command) while no server runs
            Path extra = Files.createTempDirectory("extra");
            Files.writeString(extra.resolve("late.md"), Files.readString(SearchApps.FIXTURES.resolve("incidents/"
                    + "rate-limit-missing.md")).replace("id: rate-limit-missing", "id: late-arrival")
                    .replace("partner script", "quixotic partner script"));
            var report = services.incidents().importFiles(extra.resolve("late.md"), "cli", r -> { });
            assertTrue(report.ok(), report.toString());
            Javalin third = App.create(services).start();
            assertEquals(List.of("late-arrival"), search(third, "quixotic"), "caught up from the change log on start");
            third.stop();
        } finally {
            services.close();
        }
    }

    @Test
    void a_write_on_one_instance_is_found_on_another_within_five_seconds() throws Exception {
        Config a = TestDatabases.config("postgresql", SearchApps.FIXTURES);
        Config b = new Config(0, a.dataDir().resolveSibling(a.dataDir().getFileName() + "-b"), a.dbUrl(), a.dbUser(),
                a.dbPassword(), a.contentDir(), a.env());
        App.Services sa = App.Services.open(a);
        App.Services sb = App.Services.open(b);
        Javalin appA = null;
        Javalin appB = null;
        try {
            sa.incidents().importContent(SearchApps.FIXTURES);
            appA = App.create(sa, c -> c.routes.before(ctx -> {
                if (ctx.header(SearchApps.EDITOR) != null) {
                    ctx.attribute(Access.CAN_EDIT, true);
                    ctx.attribute(Access.USER, "alice");
                }
            })).start();
            appB = App.create(sb).start();
            assertTrue(search(appB, "sigterm").contains("deploy-drops-requests"), "B built its own index");
            assertEquals(List.of(), search(appB, "zanzibar"));

            HttpClient client = HttpClient.newHttpClient();
            String base = "http://localhost:" + appA.port();
            String original = client.send(HttpRequest.newBuilder(URI.create(base + "/incidents/" + ID + ".md")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            HttpResponse<String> put = client.send(HttpRequest.newBuilder(URI.create(base + "/api/incidents/" + ID))
                    .header("Content-Type", "text/markdown").header("If-Match", "1").header(SearchApps.EDITOR, "alice")
                    .PUT(HttpRequest.BodyPublishers.ofString(original.replace("## Summary\n\n", "## Summary\n\nzanzibar. ")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, put.statusCode(), put.body());
            long written = System.nanoTime();
            List<String> found = List.of();
            while (System.nanoTime() - written < 5_000_000_000L && found.isEmpty()) {
                Thread.sleep(100);
                found = search(appB, "zanzibar");
            }
            long millis = (System.nanoTime() - written) / 1_000_000;
            assertEquals(List.of(ID), found, "B did not see A's write within 5 s");
            System.out.println("instance B found instance A's write after " + millis + " ms");
        } finally {
            if (appA != null) {
                appA.stop();
            }
            if (appB != null) {
                appB.stop();
            }
            sa.close();
            sb.close();
        }
    }

    private static List<String> search(Javalin app, String q) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + app.port() + "/api/search?size=50&q=" + enc(q))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return ids(kb.system.Web.objectMapper().readTree(r.body()));
    }

    private static void deleteTree(Path dir) throws IOException {
        assertTrue(Files.isDirectory(dir), dir + " should exist");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
