package kb.ui;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the page-quality browser test measures on a loaded page: horizontal overflow at a viewport width,
 * axe-core violations, the CSS and JavaScript the page fetched, and a screenshot for a person to look at.
 */
final class PageChecks {

    /** Where screenshots go; {@code target/} so they are never committed. */
    static final Path SHOTS = Path.of("target/screenshots");

    private static final String AXE = readAxe();

    private final ChromeDriver browser;

    PageChecks(ChromeDriver browser) {
        this.browser = browser;
    }

    /** Emulates a device {@code width} CSS pixels wide (mobile-style below 800) in the light or dark scheme. */
    void viewport(int width, boolean dark) {
        browser.manage().window().setSize(new Dimension(Math.max(width, 500), 900));
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                "deviceScaleFactor", 1, "mobile", width < 800));
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    /**
     * The elements that stick out past the right edge of the viewport, described as {@code tag.class (right px)};
     * empty when the page does not scroll sideways.
     */
    @SuppressWarnings("unchecked")
    List<String> overflow() {
        return (List<String>) js("""
                var de = document.documentElement, w = de.clientWidth;
                if (de.scrollWidth <= w) { return []; }
                var out = [];
                document.querySelectorAll('body *').forEach(function (e) {
                  var r = e.getBoundingClientRect();
                  if (r.right > w + 1 && out.length < 8) {
                    out.push(e.tagName.toLowerCase() + '.' + (e.className.baseVal !== undefined ? e.className.baseVal : e.className)
                      + ' (right ' + Math.round(r.right) + ' px of ' + w + ')');
                  }
                });
                return out.length ? out : ['document ' + de.scrollWidth + ' px of ' + w];
                """);
    }

    /** axe-core's rules whose outcome depends on colours, the only ones a change of colour scheme can change. */
    static final List<String> COLOUR_RULES = List.of("color-contrast", "link-in-text-block");

    /** axe-core's serious and critical violations as {@code rule: target html}, none when the page is clean. */
    List<String> seriousViolations() {
        return seriousViolations(List.of());
    }

    /** As {@link #seriousViolations()}, running only {@code rules} (every rule when empty). */
    @SuppressWarnings("unchecked")
    List<String> seriousViolations(List<String> rules) {
        js(AXE);
        Object result = browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1], rules = arguments[0];
                var options = { resultTypes: ['violations'] };
                if (rules.length) { options.runOnly = { type: 'rule', values: rules }; }
                axe.run(document, options).then(function (r) {
                  var out = [];
                  r.violations.forEach(function (v) {
                    if (v.impact !== 'serious' && v.impact !== 'critical') { return; }
                    v.nodes.slice(0, 3).forEach(function (n) { out.push(v.id + ': ' + n.target.join(' ') + ' ' + n.html.slice(0, 160)
                      + (n.failureSummary ? ' — ' + n.failureSummary.replace(/\\s+/g, ' ').slice(0, 200) : '')); });
                  });
                  done(out);
                }, function (e) { done(['axe failed: ' + e]); });
                """, rules);
        return (List<String>) result;
    }

    /**
     * Bytes of CSS and JavaScript this page uses as {@code [transferred, decoded]}, mermaid excluded (it is loaded
     * only where a diagram is): every stylesheet and script in the document (including those scripts added) is
     * fetched again past the cache and measured by the browser's resource timing.
     */
    @SuppressWarnings("unchecked")
    List<Long> scriptAndStyleBytes() {
        return (List<Long>) browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var urls = [];
                document.querySelectorAll('script[src], link[rel=stylesheet][href]').forEach(function (e) {
                  var u = new URL(e.getAttribute('src') || e.getAttribute('href'), location.href).href;
                  if (!/[/]mermaid[/]/.test(u) && urls.indexOf(u) < 0) { urls.push(u); }
                });
                Promise.all(urls.map(function (u) {
                  return fetch(u, { cache: 'no-store' }).then(function (r) { return r.arrayBuffer(); });
                })).then(function () {
                  setTimeout(function () {
                    var t = 0, d = 0;
                    urls.forEach(function (u) {
                      var es = performance.getEntriesByName(u);
                      var e = es[es.length - 1];
                      if (e) { t += e.encodedBodySize; d += e.decodedBodySize; }
                    });
                    done([t, d]);
                  }, 100);
                }, function (e) { done([-1, -1]); });
                """);
    }

    /** Saves the whole page (up to 8000 px tall) as {@code target/screenshots/<name>.png}. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SHOTS);
            long width = (Long) js("return document.documentElement.clientWidth;");
            long height = Math.min(8000, (Long) js("return document.documentElement.scrollHeight;"));
            Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            Files.write(SHOTS.resolve(name + ".png"), java.util.Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static String readAxe() {
        try (InputStream in = PageChecks.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core is missing from the test class path (org.webjars.npm:axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
