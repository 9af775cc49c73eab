package kb.format;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders Markdown written by users to HTML that is safe to put in a page: raw HTML is shown as
 * text, links and images can only point at http(s), mailto (links) or relative addresses, and code
 * is escaped. Fenced code becomes {@code <pre><code class="language-X">}; {@code mermaid} blocks
 * become {@code <pre class="mermaid">}; runnable Java blocks carry {@code data-runnable="true"} and
 * {@code data-role="before|after"} on the {@code <pre>}. {@code ##} headings get an {@code id}: the
 * section key for known sections ({@code root-cause}), otherwise a slug of the text.
 * Thread-safe; share one instance.
 */
public final class MarkdownRenderer {

    private final Parser blockParser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final Parser inlineParser = Parser.builder().enabledBlockTypes(Set.of()).build();
    private final HtmlRenderer blockRenderer = renderer(false);
    private final HtmlRenderer inlineRenderer = renderer(true);

    private static HtmlRenderer renderer(boolean inline) {
        return HtmlRenderer.builder()
                .extensions(List.of(TablesExtension.create()))
                .escapeHtml(true)
                .sanitizeUrls(true)
                .urlSanitizer(new SafeUrlSanitizer())
                .percentEncodeUrls(true)
                .omitSingleParagraphP(inline)
                .nodeRendererFactory(CodeRenderer::new)
                .attributeProviderFactory(context -> new HeadingIds())
                .build();
    }

    /** Renders a Markdown document (a whole section body, a checklist item) to an HTML fragment. */
    public String render(String markdown) {
        return blockRenderer.render(blockParser.parse(markdown == null ? "" : markdown));
    }

    /**
     * Renders one line of Markdown (a timeline entry, an action item) without a wrapping
     * {@code <p>}; block syntax such as {@code # } or {@code - } at its start stays literal text.
     */
    public String renderInline(String markdown) {
        return inlineRenderer.render(inlineParser.parse(markdown == null ? "" : markdown)).strip();
    }

    private static final class CodeRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        CodeRenderer(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(FencedCodeBlock.class);
        }

        @Override
        public void render(Node node) {
            FencedCodeBlock block = (FencedCodeBlock) node;
            InfoString info = InfoString.of(block.getInfo());
            String language = info.language().replaceAll("[^a-z0-9+#_-]", "");
            Map<String, String> pre = new LinkedHashMap<>();
            html.line();
            if (language.equals("mermaid")) {
                pre.put("class", "mermaid");
                html.tag("pre", context.extendAttributes(block, "pre", pre));
                html.text(block.getLiteral());
                html.tag("/pre");
                html.line();
                return;
            }
            if (info.runnable()) {
                pre.put("data-runnable", "true");
                if (info.role() != null) {
                    pre.put("data-role", info.role().label());
                }
            }
            Map<String, String> code = new LinkedHashMap<>();
            if (!language.isEmpty()) {
                code.put("class", "language-" + language);
            }
            html.tag("pre", context.extendAttributes(block, "pre", pre));
            html.tag("code", context.extendAttributes(block, "code", code));
            html.text(block.getLiteral());
            html.tag("/code");
            html.tag("/pre");
            html.line();
        }
    }

    /** Gives {@code ##} headings a stable id, unique within one rendering. */
    private static final class HeadingIds implements AttributeProvider {
        private final Set<String> used = new HashSet<>();

        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Heading h && h.getLevel() == 2) {
                String text = MarkdownSource.plainText(h);
                String id = SectionKind.forHeading(text).map(SectionKind::key).orElseGet(() -> slug(text));
                String unique = id;
                for (int n = 2; !used.add(unique); n++) {
                    unique = id + "-" + n;
                }
                attributes.put("id", unique);
            }
        }

        private static String slug(String text) {
            String slug = text.toLowerCase(java.util.Locale.ROOT).strip()
                    .replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
            return slug.isEmpty() ? "section" : slug;
        }
    }
}
