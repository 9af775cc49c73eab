package kb.search;

import com.fasterxml.jackson.databind.JsonNode;
import kb.TestApp;
import kb.system.Access;
import kb.system.Web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fixture set for search tests (32 postmortems, four of them in Chinese, with hand-labelled related
 * pairs), and the real app with a test-only stand-in for sign-in: {@code X-Test-User: NAME} is an editor.
 */
final class SearchApps {

    static final Path FIXTURES = Path.of("web/src/test/resources/search/content").toAbsolutePath();
    static final String EDITOR = "X-Test-User";

    private SearchApps() {
    }

    static TestApp start() {
        return TestApp.start(FIXTURES, Map.of(), config -> config.routes.before(ctx -> {
            String editor = ctx.header(EDITOR);
            if (editor != null) {
                ctx.attribute(Access.CAN_EDIT, true);
                ctx.attribute(Access.USER, editor);
            }
        }));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** {@code GET /api/search?q=...&extra}, asserted 200, as JSON. */
    static JsonNode api(TestApp app, String q, String extra) {
        HttpResponse<String> r = app.get("/api/search?q=" + enc(q) + (extra.isEmpty() ? "" : "&" + extra));
        if (r.statusCode() != 200) {
            throw new AssertionError("search '" + q + "' answered " + r.statusCode() + ": " + r.body());
        }
        try {
            return Web.objectMapper().readTree(r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The ids of the hits, in rank order. */
    static List<String> ids(JsonNode results) {
        List<String> ids = new ArrayList<>();
        results.get("hits").forEach(h -> ids.add(h.get("id").asText()));
        return ids;
    }

    static List<String> ids(TestApp app, String q) {
        return ids(api(app, q, "size=50"));
    }

    /** Sends Markdown to {@code PUT /api/incidents/{id}} as an editor, based on {@code base}. */
    static HttpResponse<String> put(TestApp app, String id, String markdown, int base) {
        return app.send(HttpRequest.newBuilder(URI.create(app.base + "/api/incidents/" + id))
                .header("Content-Type", "text/markdown").header("If-Match", Integer.toString(base))
                .header(EDITOR, "alice").PUT(HttpRequest.BodyPublishers.ofString(markdown)).build());
    }

    static HttpResponse<String> postForm(TestApp app, String path, String body) {
        return app.send(HttpRequest.newBuilder(URI.create(app.base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header(EDITOR, "alice")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
