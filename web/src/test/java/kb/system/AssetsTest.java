package kb.system;

import kb.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's CSS/JS and the WebJars, served from the classpath with types, ETags and no way out of their folders. */
class AssetsTest {

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestApp.FIXTURES);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void own_files_have_their_type_and_are_revalidated_by_etag() throws IOException {
        HttpResponse<String> css = app.get("/static/css/app.css");
        assertEquals(200, css.statusCode());
        assertEquals("text/css; charset=utf-8", css.headers().firstValue("Content-Type").orElse(""));
        assertEquals("no-cache", css.headers().firstValue("Cache-Control").orElse(""));
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream("static/css/app.css")) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), css.body());
        }
        String etag = css.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.matches("\"[0-9a-f]{24}\""), etag);

        assertEquals(304, app.get("/static/css/app.css", Map.of("If-None-Match", etag)).statusCode());
        assertEquals(200, app.get("/static/css/app.css", Map.of("If-None-Match", "\"other\"")).statusCode());
        assertEquals("text/javascript; charset=utf-8",
                app.get("/static/js/app.js").headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void webjars_are_versioned_so_they_are_cached_for_a_year() {
        HttpResponse<String> js = app.get("/webjars/highlightjs/11.11.1/highlight.min.js");
        assertEquals(200, js.statusCode());
        assertEquals("public, max-age=31536000, immutable", js.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(js.body().contains("hljs"), "the highlight.js bundle");
    }

    @Test
    void highlight_js_core_is_served_apart_from_its_bundle_and_cached_like_the_webjar() {
        HttpResponse<String> core = app.get("/webjars/highlightjs/11.11.1/core.min.js");
        assertEquals(200, core.statusCode());
        assertEquals("text/javascript; charset=utf-8", core.headers().firstValue("Content-Type").orElse(""));
        assertEquals("public, max-age=31536000, immutable", core.headers().firstValue("Cache-Control").orElse(""));
        int bundle = app.get("/webjars/highlightjs/11.11.1/highlight.min.js").body().length();
        assertTrue(core.body().length() * 4 < bundle, core.body().length() + " of " + bundle);
        assertEquals(404, app.get("/webjars/highlightjs/9.9.9/core.min.js").statusCode());
    }

    @Test
    void head_answers_without_a_body() {
        HttpResponse<String> head = app.send(HttpRequest.newBuilder(URI.create(app.base + "/static/css/app.css"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertTrue(head.headers().firstValue("ETag").isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/static/css/", "/static/css/missing.css", "/static/../templates/layout.peb",
            "/static/%2e%2e/templates/layout.peb", "/static/css/../../templates/layout.peb", "/static/css/..%2f..%2fkb/Main.class",
            "/static//css/app.css", "/static/css/./app.css", "/webjars/../../kb/Main.class", "/webjars/highlightjs/11.11.1/",
            "/static/templates/layout.peb", "/webjars/highlightjs/11.11.1/highlight.min.js%00.css"})
    void nothingOutsideTheAssetFoldersOrOfAnUnknownTypeIsServed(String path) throws IOException {
        // a raw request line: HTTP clients would tidy up the dots before sending
        try (Socket s = new Socket("localhost", app.app.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            String status = response.substring(0, response.indexOf("\r\n"));
            assertTrue(status.contains(" 404 ") || status.contains(" 400 "), path + " -> " + status);
        }
    }
}
