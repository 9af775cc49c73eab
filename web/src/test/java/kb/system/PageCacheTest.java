package kb.system;

import kb.TestApp;
import kb.accounts.Accounts;
import kb.accounts.Logins;
import kb.accounts.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cached pages for anonymous readers: ETags and 304s, writes visible at once, drafts never leaked. */
class PageCacheTest {

    static TestApp app;
    static String token;
    static final String PAGE = "/incidents/fixture-pool-leak";

    @BeforeAll
    static void start() {
        app = TestApp.start(TestApp.FIXTURES, Map.of("KB_PAGE_CACHE_MS", "60000"));
        token = new Accounts(app.services.db().jdbi()).createToken(Logins.user(app, Role.EDITOR), "ci").token();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String markdown(String id, String title, String status) throws Exception {
        String text = Files.readString(TestApp.FIXTURES.resolve("incidents/pool-leak.md"))
                .replace("id: fixture-pool-leak", "id: " + id)
                .replace("title: Checkout API stalls when the connection pool leaks", "title: " + title);
        return status == null ? text : text.replaceFirst("\n---\n", "\nstatus: " + status + "\n---\n");
    }

    static HttpResponse<String> write(String method, String path, String body, String ifMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/markdown")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return app.send(b.build());
    }

    static int revision(String id) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(app.get("/api/incidents/" + id).body())
                .path("revision").asInt();
    }

    @Test
    void a_repeated_anonymous_read_carries_an_etag_and_if_none_match_gets_304() {
        HttpResponse<String> first = app.get(PAGE);
        HttpResponse<String> second = app.get(PAGE);
        String etag = second.headers().firstValue("ETag").orElseThrow();
        assertEquals(first.headers().firstValue("ETag").orElseThrow(), etag, "the same content, the same tag");
        assertEquals(Jsoup.parse(first.body()).select("main").html(), Jsoup.parse(second.body()).select("main").html());
        Document hit = Jsoup.parse(second.body());
        assertEquals(second.headers().firstValue("X-Request-Id").orElseThrow(), hit.selectFirst("footer .request-id").text(), "a cached page shows its own request's id");

        HttpResponse<String> notModified = app.get(PAGE, Map.of("If-None-Match", etag));
        assertEquals(304, notModified.statusCode());
        assertEquals("", notModified.body());
        assertEquals(200, app.get(PAGE, Map.of("If-None-Match", "W/\"other\"")).statusCode());
    }

    @Test
    void a_hit_for_a_client_that_takes_gzip_is_compressed_whole_with_its_own_request_id() throws Exception {
        String plain = app.get(PAGE).body();
        HttpResponse<byte[]> gz = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.base + PAGE))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, gz.statusCode());
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals(String.valueOf(gz.body().length), gz.headers().firstValue("Content-Length").orElse(""));
        String unzipped;
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))) {
            unzipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Document page = Jsoup.parse(unzipped);
        assertEquals(Jsoup.parse(plain).select("main").html(), page.select("main").html());
        assertEquals(gz.headers().firstValue("X-Request-Id").orElseThrow(), page.selectFirst("footer .request-id").text());
    }

    @Test
    void an_edit_is_visible_to_the_next_anonymous_reader_at_once() throws Exception {
        String before = app.get("/incidents").body();
        assertFalse(before.contains("Edited title one"));
        app.get(PAGE);
        HttpResponse<String> put = write("PUT", "/api/incidents/fixture-pool-leak",
                markdown("fixture-pool-leak", "Edited title one", null), String.valueOf(revision("fixture-pool-leak")));
        assertEquals(200, put.statusCode(), put.body());
        assertTrue(app.get(PAGE).body().contains("Edited title one"), "the incident page");
        assertTrue(app.get("/incidents").body().contains("Edited title one"), "the list");
        assertTrue(app.get("/api/incidents/fixture-pool-leak").body().contains("Edited title one"), "the API");
    }

    @Test
    void a_draft_never_reaches_an_anonymous_reader_even_after_an_editor_saw_it() throws Exception {
        Logins.Login editor = Logins.sessionCookie(app, Role.EDITOR);
        app.get("/incidents");
        assertEquals(201, write("POST", "/api/incidents", markdown("cache-draft-one", "Secret draft", "draft"), null)
                .statusCode());
        assertTrue(Logins.get(app, editor, "/incidents").body().contains("Secret draft"), "editors see it");
        assertTrue(Logins.get(app, editor, "/incidents/cache-draft-one").body().contains("Secret draft"));
        for (int i = 0; i < 3; i++) {
            assertFalse(app.get("/incidents").body().contains("Secret draft"), "anonymous list, read " + i);
            assertEquals(404, app.get("/incidents/cache-draft-one").statusCode());
            assertFalse(app.get("/api/incidents").body().contains("cache-draft-one"));
            assertFalse(app.get("/").body().contains("Secret draft"));
        }
        assertNotNull(Logins.get(app, editor, "/incidents").headers().firstValue("Cache-Control")
                .filter(v -> v.contains("no-store")).orElse(null), "signed-in pages are never stored");
    }

    @Test
    void signing_in_is_never_answered_from_the_anonymous_cache() {
        app.get("/");
        app.get("/");
        Logins.Login viewer = Logins.sessionCookie(app, Role.VIEWER);
        Document signedIn = Jsoup.parse(Logins.get(app, viewer, "/").body());
        assertEquals(viewer.user(), signedIn.selectFirst(".who").text());
        assertTrue(Logins.get(app, viewer, "/").headers().firstValue("ETag").isEmpty());
    }

    @Test
    void a_restore_from_history_is_visible_at_once() throws Exception {
        assertEquals(201, write("POST", "/api/incidents", markdown("cache-restore", "Restore one", null), null).statusCode());
        assertEquals(200, write("PUT", "/api/incidents/cache-restore", markdown("cache-restore", "Restore two", null), "1")
                .statusCode());
        assertTrue(app.get("/incidents/cache-restore").body().contains("Restore two"));
        Logins.Login editor = Logins.sessionCookie(app, Role.EDITOR);
        HttpResponse<String> restore = Logins.post(app, editor, "/incidents/cache-restore/history/1/restore",
                Map.of("baseRevision", "2"));
        assertTrue(restore.statusCode() < 400, restore.statusCode() + restore.body());
        String page = app.get("/incidents/cache-restore").body();
        assertTrue(page.contains("Restore one") && !page.contains("Restore two"), "the restored revision is shown");
    }

    @Test
    void a_change_made_outside_a_request_shows_within_the_configured_time() throws Exception {
        try (TestApp quick = TestApp.start(TestApp.FIXTURES, Map.of("KB_PAGE_CACHE_MS", "300"))) {
            String etag = quick.get(PAGE).headers().firstValue("ETag").orElseThrow();
            quick.services.db().jdbi().useHandle(h -> h.createUpdate(
                    "UPDATE incidents SET title = 'Changed by another process' WHERE id = 'fixture-pool-leak'").execute());
            Thread.sleep(400);
            HttpResponse<String> after = quick.get(PAGE);
            assertTrue(after.body().contains("Changed by another process"), "shown once the entry is older than 300 ms");
            assertNotEquals(etag, after.headers().firstValue("ETag").orElseThrow());
        }
    }
    @Test
    void while_one_reader_renders_an_expired_page_again_the_others_get_the_old_copy_without_waiting() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean slow = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CountDownLatch rendering = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        // runs after the cache's own before-handler, so only for a request that renders the page
        try (TestApp quick = TestApp.start(TestApp.FIXTURES, Map.of("KB_PAGE_CACHE_MS", "200"), config ->
                config.routes.before(PAGE, ctx -> {
                    if (slow.get()) {
                        rendering.countDown();
                        release.await(20, java.util.concurrent.TimeUnit.SECONDS);
                    }
                }))) {
            String etag = quick.get(PAGE).headers().firstValue("ETag").orElseThrow();
            quick.services.db().jdbi().useHandle(h -> h.createUpdate(
                    "UPDATE incidents SET title = 'Renamed elsewhere' WHERE id = 'fixture-pool-leak'").execute());
            Thread.sleep(300);
            slow.set(true);
            var leader = java.util.concurrent.CompletableFuture.supplyAsync(() -> quick.get(PAGE));
            assertTrue(rendering.await(10, java.util.concurrent.TimeUnit.SECONDS), "the first reader renders the page again");

            HttpResponse<String> meanwhile = quick.get(PAGE);
            assertFalse(leader.isDone(), "answered while the render is still going on");
            assertEquals(200, meanwhile.statusCode());
            assertEquals(etag, meanwhile.headers().firstValue("ETag").orElseThrow(), "the old copy");
            assertFalse(meanwhile.body().contains("Renamed elsewhere"));

            release.countDown();
            HttpResponse<String> rendered = leader.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(rendered.body().contains("Renamed elsewhere"), "the reader who rendered sees the change");
            slow.set(false);
            HttpResponse<String> after = quick.get(PAGE);
            assertTrue(after.body().contains("Renamed elsewhere"), "and everyone after it");
            assertEquals(rendered.headers().firstValue("ETag"), after.headers().firstValue("ETag"));
        }
    }
}
