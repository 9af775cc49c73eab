package kb.authoring;

import kb.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile text in every part of a postmortem (title, services, tags, authors, body, links, images,
 * timeline, action items) never becomes active content on the pages that show it: the saved incident,
 * the list, the preview, the history diff and the editor's problem list. Checked on the parsed DOM.
 */
class XssTest {

    static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<object data=\"javascript:alert(1)\"></object>",
            "<embed src=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">",
            "<a href=\"javascript:alert(1)\">x</a>",
            "javascript:alert(1)",
            "JaVaScRiPt:alert(document.cookie)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "java&#x09;script:alert(1)",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<div style=\"width: expression(alert(1))\">x</div>",
            "<style>body{background:url(\"javascript:alert(1)\")}</style>",
            "\"><script>alert(1)</script>",
            "'><img src=x onerror=alert(1)>",
            "</textarea><script>alert(1)</script>",
            "<body onload=alert(1)>",
            "<input autofocus onfocus=alert(1)>",
            "<details open ontoggle=alert(1)>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
            "<base href=\"javascript:alert(1)//\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<form action=\"javascript:alert(1)\"><button>x</button></form>",
            "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
            "<link rel=stylesheet href=javascript:alert(1)>",
            "<video><source onerror=alert(1)></video>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "{{ csrfToken }}{% include 'layout' %}",
            "<a href=\"vbscript:msgbox(1)\" onclick=\"alert(1)\">x</a>");

    static final Map<String, String> ALICE = Map.of(Editors.EDITOR, "alice");
    static TestApp app;

    @BeforeAll
    static void start() {
        app = Editors.start(TestApp.FIXTURES);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void no_payload_becomes_script_handlers_or_dangerous_urls_on_any_page() {
        assertTrue(PAYLOADS.size() >= 30);
        List<String> failures = new ArrayList<>();
        for (int n = 0; n < PAYLOADS.size(); n++) {
            String payload = PAYLOADS.get(n);
            String id = "xss-" + n;
            String text = postmortem(id, payload);

            HttpResponse<String> preview = Editors.submit(app, "/incidents/new", text, "preview", null);
            assertEquals(200, preview.statusCode(), payload + "\n" + preview.body());
            Document p = Jsoup.parse(preview.body(), app.base);
            check(p, "preview of " + payload, failures);
            assertEquals(text, Editors.textarea(p), "the editor keeps the hostile text as text");
            assertEquals(normalized(payload), normalized(p.selectFirst("#preview article h1").text().replaceFirst("^P2 ", "")),
                    "the title is shown, as text");

            HttpResponse<String> created = Editors.api(app, "POST", "/api/incidents", "text/markdown",
                    text.getBytes(StandardCharsets.UTF_8), ALICE);
            assertEquals(201, created.statusCode(), payload + "\n" + created.body());
            HttpResponse<String> edited = Editors.api(app, "PUT", "/api/incidents/" + id, "text/markdown",
                    text.replace("## Root cause\n\n", "## Root cause\n\nEdited: " + payload + "\n\n").getBytes(StandardCharsets.UTF_8),
                    Map.of(Editors.EDITOR, "alice", "If-Match", "1"));
            assertEquals(200, edited.statusCode(), edited.body());

            check(Jsoup.parse(Editors.get(app, "/incidents/" + id).body(), app.base), "page of " + payload, failures);
            check(Jsoup.parse(app.get("/incidents/" + id).body(), app.base), "reader's page of " + payload, failures);
            Document history = Editors.page(app, "/incidents/" + id + "/history", 200);
            check(history, "history of " + payload, failures);
            assertTrue(history.select(".diff-add").eachText().contains(normalized("+Edited: " + payload)),
                    "the diff shows the edit, as text");

            String invalid = text.replace("severity: P2", "severity: P2\ncategories: [\"" + yaml(payload) + "\"]");
            HttpResponse<String> refused = Editors.submit(app, "/incidents/new", invalid.replace("id: " + id, "id: " + id + "-bad"),
                    "save", null);
            assertEquals(400, refused.statusCode());
            check(Jsoup.parse(refused.body(), app.base), "problem list of " + payload, failures);
        }
        check(Editors.page(app, "/incidents?size=100", 200), "editor's list", failures);
        check(app.page("/incidents?size=100"), "reader's list", failures);
        check(app.page("/"), "home", failures);
        assertTrue(app.page("/incidents?size=100").select("tr.incident-row").size() >= PAYLOADS.size());
        assertEquals(List.of(), failures);
    }

    static String postmortem(String id, String payload) {
        String q = "\"" + yaml(payload) + "\"";
        return "---\nid: " + id + "\ntitle: " + q + "\nseverity: P2\nstarted: 2024-05-01T10:00:00Z\n"
                + "services: [" + q + "]\ntags: [" + q + "]\nauthors: [" + q + "]\n---\n\n"
                + "## Summary\n\n" + payload + "\n\n[click](" + payload + ") ![img](" + payload + ") <" + payload + ">\n\n"
                + "[ref link][r]\n\n[r]: " + payload + "\n\n"
                + "## Timeline\n\n- 10:00 [trigger] " + payload + "\n- 10:30 [resolve] [link](" + payload + ")\n\n"
                + "## Root cause\n\n> " + payload + "\n\n```html\n" + payload + "\n```\n\n"
                + "## Action items\n\n- [ ] " + payload + " (owner: alice)\n\n"
                + "## Notes " + payload + "\n\nA free section whose heading is hostile.\n";
    }

    static final Set<String> BANNED = Set.of("iframe", "object", "embed", "frame", "frameset", "applet", "base", "svg",
            "math", "style", "noscript", "video", "audio", "source");
    static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "data", "poster", "srcset",
            "background", "xlink:href", "cite", "content");

    /** Records every active or dangerous construct in {@code d}. */
    static void check(Document d, String where, List<String> failures) {
        for (Element script : d.select("script")) {
            String src = script.attr("src");
            if (!(src.startsWith("/static/") || src.startsWith("/webjars/")) || !script.data().isBlank()) {
                failures.add(where + ": script " + script.outerHtml());
            }
        }
        for (Element e : d.getAllElements()) {
            if (BANNED.contains(e.normalName())) {
                failures.add(where + ": <" + e.normalName() + ">");
            }
            if (e.normalName().equals("meta") && e.hasAttr("http-equiv")) {
                failures.add(where + ": " + e.outerHtml());
            }
            if (e.normalName().equals("link") && !(e.attr("href").startsWith("/static/") || e.attr("href").startsWith("/webjars/")
                    || e.attr("href").equals("/feed.atom"))) {
                failures.add(where + ": " + e.outerHtml());
            }
            if (e.normalName().equals("form") && !e.attr("action").startsWith("/")) {
                failures.add(where + ": " + e.outerHtml());
            }
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", "");
                if (name.startsWith("on")) {
                    failures.add(where + ": handler " + name + " on <" + e.normalName() + ">");
                }
                if (URL_ATTRIBUTES.contains(name) && !(e.normalName().equals("meta") && name.equals("content"))
                        && (value.startsWith("javascript:") || value.startsWith("data:") || value.startsWith("vbscript:"))) {
                    failures.add(where + ": " + name + "=" + a.getValue() + " on <" + e.normalName() + ">");
                }
                if (name.equals("style") && (value.contains("expression") || value.contains("javascript") || value.contains("url("))) {
                    failures.add(where + ": style " + a.getValue());
                }
            }
        }
    }

    static String yaml(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static String normalized(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
