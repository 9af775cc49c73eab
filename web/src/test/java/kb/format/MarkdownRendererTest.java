package kb.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private Document dom(String markdown) {
        return Jsoup.parseBodyFragment(renderer.render(markdown));
    }

    /** No element may run script: no script/iframe/object tags, no on* attributes, no script URLs. */
    private static void assertInert(Document doc) {
        assertTrue(doc.select("script, iframe, object, embed, style, svg, form").isEmpty(), doc.body().html());
        for (Element e : doc.getAllElements()) {
            e.attributes().forEach(a -> {
                assertFalse(a.getKey().toLowerCase().startsWith("on"), () -> "event handler in " + e);
                String v = a.getValue().replaceAll("[\\x00-\\x20]", "").toLowerCase();
                assertFalse(v.startsWith("javascript:") || v.startsWith("vbscript:") || v.startsWith("data:"),
                        () -> "script URL in " + e);
            });
        }
    }

    @Test
    void raw_html_is_shown_as_text() {
        Document doc = dom("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> there\n\n<div onclick=\"x()\">d</div>");
        assertInert(doc);
        assertTrue(doc.text().contains("<script>alert(1)</script>"), doc.text());
        assertTrue(doc.text().contains("<img src=x onerror=alert(1)>"), doc.text());
    }

    @Test
    void html_in_headings_is_escaped() {
        Document doc = dom("## <img src=x onerror=alert(1)> Root cause\n");
        assertInert(doc);
        assertEquals("<img src=x onerror=alert(1)> Root cause", doc.selectFirst("h2").text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:msgbox(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "java\tscript:alert(1)",
            "&#106;avascript:alert(1)", " javascript:alert(1)", "data:image/svg+xml,<svg onload=alert(1)>"})
    void script_urls_are_neutralised_in_links_images_and_autolinks(String url) {
        Document doc = dom("[click](" + url.replace(" ", "%20").replace("\t", "%09") + ") and [ref][r] and <" + url.strip().replace(" ", "") + ">\n\n"
                + "![pic](" + url.replace(" ", "") + ")\n\n[r]: " + url.replace(" ", "") + "\n");
        assertInert(doc);
        assertFalse(doc.select("a").isEmpty(), "the link is still rendered, only its address is dropped");
        for (Element img : doc.select("img")) {
            assertEquals("", img.attr("src"), "image " + img);
        }
    }

    @Test
    void safe_links_and_images_are_kept() {
        Document doc = dom("[a](https://example.com/x?y=1) [b](/incidents/x) [c](#timeline) [d](mailto:a@b.c)\n\n![p](https://example.com/p.png)");
        assertEquals("https://example.com/x?y=1", doc.select("a").get(0).attr("href"));
        assertEquals("/incidents/x", doc.select("a").get(1).attr("href"));
        assertEquals("#timeline", doc.select("a").get(2).attr("href"));
        assertEquals("mailto:a@b.c", doc.select("a").get(3).attr("href"));
        assertEquals("https://example.com/p.png", doc.selectFirst("img").attr("src"));
    }

    @Test
    void the_sanitizer_allows_only_safe_schemes() {
        SafeUrlSanitizer s = new SafeUrlSanitizer();
        assertEquals("", s.sanitizeLinkUrl("javascript:alert(1)"));
        assertEquals("", s.sanitizeLinkUrl("\u0000javascript:alert(1)"));
        assertEquals("", s.sanitizeLinkUrl("data:text/html,x"));
        assertEquals("", s.sanitizeImageUrl("data:image/png;base64,AAAA"));
        assertEquals("", s.sanitizeImageUrl("mailto:a@b.c"));
        assertEquals("", s.sanitizeLinkUrl("file:///etc/passwd"));
        assertEquals("a/b:c", s.sanitizeLinkUrl("a/b:c"));
        assertEquals("?q=a:b", s.sanitizeLinkUrl("?q=a:b"));
        assertEquals("HTTPS://x", s.sanitizeLinkUrl("HTTPS://x"));
    }

    @Test
    void fenced_code_is_escaped_and_marked_with_its_language() {
        Document doc = dom("```go\nif a < b && c { fmt.Println(\"</code><script>x</script>\") }\n```\n");
        assertInert(doc);
        Element code = doc.selectFirst("pre > code");
        assertEquals("language-go", code.className());
        assertEquals("if a < b && c { fmt.Println(\"</code><script>x</script>\") }\n", code.wholeText());
    }

    @Test
    void a_hostile_info_string_cannot_break_out_of_the_class_attribute() {
        Document doc = dom("```go\"><script>alert(1)</script>\nx\n```\n");
        assertInert(doc);
        assertEquals(1, doc.select("pre").size());
    }

    @Test
    void mermaid_blocks_become_escaped_mermaid_pre_elements() {
        Document doc = dom("```mermaid\ngraph TD; A-->B<script>x</script>\n```\n");
        assertInert(doc);
        Element pre = doc.selectFirst("pre.mermaid");
        assertEquals("graph TD; A-->B<script>x</script>\n", pre.wholeText());
        assertTrue(pre.select("code").isEmpty());
    }

    @Test
    void runnable_java_blocks_carry_their_role() {
        Document doc = dom("```java run before\na();\n```\n\n```java run after\nb();\n```\n\n```java run\nc();\n```\n\n```java\nd();\n```\n");
        var pres = doc.select("pre");
        assertEquals("before", pres.get(0).attr("data-role"));
        assertEquals("true", pres.get(0).attr("data-runnable"));
        assertEquals("after", pres.get(1).attr("data-role"));
        assertEquals("true", pres.get(2).attr("data-runnable"));
        assertFalse(pres.get(2).hasAttr("data-role"));
        assertFalse(pres.get(3).hasAttr("data-runnable"));
        assertEquals("language-java", pres.get(3).selectFirst("code").className());
    }

    @Test
    void tables_are_rendered() {
        Document doc = dom("| a | b |\n|---|---|\n| 1 | <b>2</b> |\n");
        assertEquals("<b>2</b>", doc.select("td").get(1).text());
        assertInert(doc);
    }

    @Test
    void level_two_headings_get_ids_from_the_section_key() {
        Document doc = dom("## Root causes\n\n## 时间线\n\n## Customer quotes\n\n## Customer quotes\n");
        assertEquals(java.util.List.of("root-cause", "timeline", "customer-quotes", "customer-quotes-2"),
                doc.select("h2").eachAttr("id"));
    }

    @Test
    void inline_rendering_has_no_paragraph_and_keeps_block_syntax_literal() {
        assertEquals("Deploy <strong>4812</strong> <a rel=\"nofollow\" href=\"https://x.io\">log</a>",
                renderer.renderInline("Deploy **4812** [log](https://x.io)"));
        assertEquals("# not a heading", renderer.renderInline("# not a heading"));
        Document doc = Jsoup.parseBodyFragment(renderer.renderInline("<b onmouseover=x()>hi</b> [x](javascript:alert(1))"));
        assertInert(doc);
        assertTrue(doc.select("p").isEmpty());
        assertTrue(doc.select("b").isEmpty());
        assertTrue(doc.text().startsWith("<b onmouseover=x()>hi</b>"), doc.text());
    }
}
