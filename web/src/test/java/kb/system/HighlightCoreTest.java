package kb.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** highlight.js's core, cut from the WebJar's bundle; whether it runs and highlights is PagesBrowserTest's part. */
class HighlightCoreTest {

    @Test
    void the_core_of_the_bundled_highlight_js_is_a_small_part_of_the_bundle_with_no_grammar() throws IOException {
        byte[] bundle = read("META-INF/resources/webjars/highlightjs/11.11.1/highlight.min.js");
        String core = new String(HighlightCore.cut(bundle), StandardCharsets.UTF_8);
        assertTrue(core.length() < 25_000, "core is " + core.length() + " chars of " + bundle.length);
        assertTrue(core.startsWith("/*!\n  Highlight.js v11.11.1"), "keeps the licence header");
        assertTrue(core.contains("registerLanguage:"), "has the API the grammar files call");
        assertTrue(!core.contains("grmr_"), "no bundled grammar is left");
        assertTrue(core.stripTrailing().endsWith("(module.exports=hljs);"), core.substring(core.length() - 120));
    }

    @Test
    void a_bundle_of_another_shape_is_served_whole_rather_than_half_cut() {
        byte[] other = "var hljs=function(){return {}}();".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(other, HighlightCore.cut(other));
    }

    @Test
    void only_the_core_path_of_a_highlight_js_version_maps_to_its_bundle() {
        assertEquals(Optional.of("highlightjs/11.11.1/highlight.min.js"), HighlightCore.bundleFor("highlightjs/11.11.1/core.min.js"));
        assertEquals(Optional.empty(), HighlightCore.bundleFor("highlightjs/11.11.1/highlight.min.js"));
        assertEquals(Optional.empty(), HighlightCore.bundleFor("mermaid/11.14.0/core.min.js"));
        assertEquals(Optional.empty(), HighlightCore.bundleFor("highlightjs/../core.min.js"));
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = HighlightCoreTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
