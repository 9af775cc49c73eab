package kb.system;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * highlight.js's core without the 37 grammars its WebJar bundles into {@code highlight.min.js}: about 20 KB
 * instead of 127 KB. Pages then fetch only the grammars their code blocks name, from the WebJar's
 * {@code languages/} folder, which keeps every page under its CSS-and-JavaScript budget.
 *
 * <p>The WebJar ships no core-only build (the npm package that has one is not on Maven Central), so the core
 * is cut from the bundle once, when first asked for: the bundle defines the core as {@code X=F({})} followed by
 * {@code X.newInstance=()=>F({})}, then the shared grammar helpers and grammars, and ends by registering them
 * and returning {@code X}. Keeping the part up to the core's definition and returning {@code X} there gives the
 * core with the same global {@code hljs} and the same API. A bundle of another shape is served whole
 * (highlighting still works, the page weight test fails), never half cut.
 */
final class HighlightCore {

    /** Where the core's definition ends; group 1 is the core's minified name. */
    private static final Pattern CORE_END = Pattern.compile("(\\w+)=(\\w+)\\(\\{\\}\\);\\1\\.newInstance=\\(\\)=>\\2\\(\\{\\}\\);");
    /** The bundle's last statement of the function (returning the core), and the CommonJS export after it. */
    private static final Pattern BUNDLE_END = Pattern.compile("return \\w+\\}\\(\\)(\\s*;\"object\"==typeof exports[^\\n]*\\s*)$");

    private HighlightCore() {
    }

    /** Path of the core under the WebJar location, e.g. {@code highlightjs/11.11.1/core.min.js}, and the bundle it comes from. */
    static Optional<String> bundleFor(String webjarPath) {
        Matcher m = Pattern.compile("(highlightjs/[0-9][0-9.]*/)core\\.min\\.js").matcher(webjarPath);
        return m.matches() ? Optional.of(m.group(1) + "highlight.min.js") : Optional.empty();
    }

    /**
     * The core of {@code bundle} (a highlight.min.js), or the bundle unchanged when it does not have the shape
     * described above.
     */
    static byte[] cut(byte[] bundle) {
        String text = new String(bundle, StandardCharsets.UTF_8);
        Matcher core = CORE_END.matcher(text);
        Matcher end = BUNDLE_END.matcher(text);
        if (!core.find() || !end.find() || end.start() < core.end()) {
            return bundle;
        }
        String cut = text.substring(0, core.end()) + "return " + core.group(1) + "}()" + end.group(1);
        return cut.getBytes(StandardCharsets.UTF_8);
    }
}
