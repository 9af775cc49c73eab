package kb.authoring;

import kb.TestApp;
import kb.system.Access;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The real app with a test-only stand-in for sign-in: a request with {@code X-Test-User: NAME} is an
 * editor called NAME, one with {@code X-Test-Reader: NAME} a signed-in reader; any other is anonymous.
 */
public final class Editors {

    public static final String EDITOR = "X-Test-User";
    public static final String READER = "X-Test-Reader";

    private Editors() {
    }

    public static TestApp start(Path content) {
        // identity from a test header, which the page cache (keyed on cookies and tokens) does not know: off
        return TestApp.start(content, Map.of("KB_PAGE_CACHE_MS", "0"), config -> config.routes.before(ctx -> {
            String editor = ctx.header(EDITOR);
            String reader = ctx.header(READER);
            if (editor != null) {
                ctx.attribute(Access.CAN_EDIT, true);
                ctx.attribute(Access.USER, editor);
            } else if (reader != null) {
                ctx.attribute(Access.USER, reader);
            }
        }));
    }

    public static HttpResponse<String> get(TestApp app, String path) {
        return app.get(path, Map.of(EDITOR, "alice"));
    }

    public static Document page(TestApp app, String path, int status) {
        HttpResponse<String> r = get(app, path);
        if (r.statusCode() != status) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ", expected " + status + "\n" + r.body());
        }
        return Jsoup.parse(r.body(), app.base + path);
    }

    /** Posts an urlencoded form as {@code user} (an editor; {@code null} for anonymous). */
    public static HttpResponse<String> postForm(TestApp app, String path, Map<String, String> fields, String user) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (user != null) {
            b.header(EDITOR, user);
        }
        return app.send(b.build());
    }

    /** Posts the editor form: {@code action} is {@code save} or {@code preview}. */
    public static HttpResponse<String> submit(TestApp app, String path, String text, String action, Integer base) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", "");
        if (base != null) {
            fields.put("baseRevision", base.toString());
        }
        fields.put("markdown", text);
        fields.put("action", action);
        return postForm(app, path, fields, "alice");
    }

    /** Posts the editor form as multipart with {@code file} uploaded (raw bytes) and an empty textarea. */
    public static HttpResponse<String> upload(TestApp app, String path, String textarea, String filename, byte[] file) {
        String boundary = "----kb" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part(out, boundary, "Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n".getBytes(StandardCharsets.UTF_8), new byte[0]);
        part(out, boundary, "Content-Disposition: form-data; name=\"markdown\"\r\n\r\n".getBytes(StandardCharsets.UTF_8),
                textarea.getBytes(StandardCharsets.UTF_8));
        part(out, boundary, ("Content-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/markdown\r\n\r\n").getBytes(StandardCharsets.UTF_8), file);
        part(out, boundary, "Content-Disposition: form-data; name=\"action\"\r\n\r\n".getBytes(StandardCharsets.UTF_8),
                "save".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return app.send(HttpRequest.newBuilder(URI.create(app.base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header(EDITOR, "alice")
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    private static void part(ByteArrayOutputStream out, String boundary, byte[] headers, byte[] content) {
        out.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(headers);
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse<String> api(TestApp app, String method, String path, String contentType, byte[] body,
                                    Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.base + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        return app.send(b.build());
    }

    /** A valid postmortem with this id and title; {@code extra} is appended to the Summary section. */
    public static String postmortem(String id, String title, String extra) {
        return "---\n"
                + "id: " + id + "\n"
                + "title: " + title + "\n"
                + "severity: P2\n"
                + "started: 2024-05-01T10:00:00+02:00\n"
                + "resolved: 2024-05-01T11:30:00+02:00\n"
                + "services: [billing]\n"
                + "---\n\n"
                + "## Summary\n\nInvoices were sent twice. " + extra + "\n\n"
                + "## Timeline\n\n- 10:00 [trigger] Retry storm starts\n- 11:30 [resolve] Dedup deployed\n\n"
                + "## Root cause\n\nA retry without an idempotency key.\n";
    }

    /**
     * The value a browser gives the editor's textarea: its text with the one line break that HTML drops
     * right after the start tag removed (jsoup's {@code val()} trims more than that).
     */
    public static String textarea(Document d, String id) {
        String raw = d.getElementById(id).wholeText();
        return raw.startsWith("\n") ? raw.substring(1) : raw;
    }

    public static String textarea(Document d) {
        return textarea(d, "text");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
