package kb.ui;

import kb.TestApp;
import kb.accounts.Logins;
import kb.accounts.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of page in headless Chromium on the bundled content: at phone, tablet and desktop widths nothing
 * scrolls sideways; axe-core finds no serious or critical violation in the light or the dark scheme; no page
 * loads more than 150 KB of CSS and JavaScript (decoded, as the browser runs it; mermaid excepted), and code is
 * still highlighted. With {@code -Dkb.screenshots=true} screenshots land in {@code target/screenshots/}.
 */
class PagesBrowserTest {

    /** A page to check, and whether it needs the signed-in admin. */
    record Page(String name, String path, boolean signedIn) {
    }

    static final int[] WIDTHS = {390, 768, 1366};
    static final int DESKTOP = 1366;
    static final long BUDGET = 150 * 1024;

    static TestApp app;
    static Logins.Login admin;
    static ChromeDriver browser;
    static PageChecks checks;
    static List<Page> pages;

    @BeforeAll
    static void start() {
        kb.Browsers.assumeInstalled();
        app = TestApp.start(TestApp.CONTENT);
        admin = Logins.sessionCookie(app, Role.ADMIN);
        String review = createReview(app, admin);
        pages = List.of(new Page("home", "/", false), new Page("list", "/incidents", false),
                new Page("incident", "/incidents/payment-502-sql-open-per-call", false),
                new Page("incident-xml", "/incidents/log4j-jndi-data-breach", false),
                new Page("search", "/search?q=connection+pool", false), new Page("insights", "/insights", false),
                new Page("checklist", "/checklist", false), new Page("item", "/checklist/RES-02", false),
                new Page("login", "/login", false), new Page("not-found", "/no/such/page", false),
                new Page("reviews", "/reviews", true), new Page("review", review, true),
                new Page("editor", "/incidents/payment-502-sql-open-per-call/edit", true),
                new Page("new", "/incidents/new", true), new Page("history", "/incidents/payment-502-sql-open-per-call/history", true),
                new Page("sandbox", "/sandbox", true), new Page("admin", "/admin", true),
                new Page("actions", "/actions", true));
        browser = kb.Browsers.start();
        checks = new PageChecks(browser);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    /**
     * What one pass over every page at one viewport and colour scheme found. Each test below reads the passes it
     * needs, and a pass runs once for all of them: a page is loaded once per width and scheme, not once per check.
     */
    record Pass(Map<String, List<String>> overflow, Map<String, List<String>> violations, Map<String, List<Long>> bytes) {
    }

    private static final Map<String, Pass> PASSES = new HashMap<>();

    /**
     * Loads every page at {@code width} in the light or dark scheme and checks it for sideways scrolling; at the
     * desktop width also runs axe-core (in the dark scheme only its colour rules: nothing else depends on the
     * scheme) and, in the light scheme, measures the CSS and JavaScript. Screenshots only with -Dkb.screenshots.
     */
    static synchronized Pass pass(int width, boolean dark) {
        return PASSES.computeIfAbsent(width + (dark ? "-dark" : "-light"), key -> {
            checks.viewport(width, dark);
            Map<String, List<String>> overflow = new LinkedHashMap<>();
            Map<String, List<String>> violations = new LinkedHashMap<>();
            Map<String, List<Long>> bytes = new LinkedHashMap<>();
            for (Page p : pages) {
                open(p);
                overflow.put(p.name(), checks.overflow());
                if (width == DESKTOP) {
                    violations.put(p.name(), dark ? checks.seriousViolations(PageChecks.COLOUR_RULES) : checks.seriousViolations());
                    if (!dark) {
                        bytes.put(p.name(), checks.scriptAndStyleBytes());
                    }
                }
                if (Boolean.getBoolean("kb.screenshots")) {
                    checks.screenshot(p.name() + "-" + key);
                }
            }
            checks.viewport(DESKTOP, false);
            return new Pass(overflow, violations, bytes);
        });
    }

    @Test
    void no_page_scrolls_sideways_at_phone_tablet_or_desktop_width() {
        List<String> failures = new ArrayList<>();
        for (int width : WIDTHS) {
            pass(width, false).overflow().forEach((page, wide) -> {
                if (!wide.isEmpty()) {
                    failures.add(page + " at " + width + " px: " + wide);
                }
            });
        }
        pass(DESKTOP, true).overflow().forEach((page, wide) -> {
            if (!wide.isEmpty()) {
                failures.add(page + " at " + DESKTOP + " px (dark): " + wide);
            }
        });
        assertEquals(pages.size(), pass(WIDTHS[0], false).overflow().size(), "every page was checked");
        assertEquals(List.of(), failures);
    }

    @Test
    void axe_finds_no_serious_or_critical_violation_in_light_or_dark_mode() {
        List<String> failures = new ArrayList<>();
        for (boolean dark : new boolean[] {false, true}) {
            Map<String, List<String>> found = pass(DESKTOP, dark).violations();
            assertEquals(pages.size(), found.size(), "axe ran on every page" + (dark ? " (dark)" : ""));
            found.forEach((page, vs) -> vs.forEach(v -> failures.add(page + (dark ? " (dark): " : ": ") + v)));
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void no_page_loads_more_than_150_kb_of_css_and_javascript_as_the_browser_decodes_it() {
        List<String> over = new ArrayList<>();
        StringBuilder figures = new StringBuilder();
        Map<String, List<Long>> measured = pass(DESKTOP, false).bytes();
        assertEquals(pages.size(), measured.size(), "every page was measured");
        measured.forEach((page, bytes) -> {
            figures.append(String.format("%-12s %6d B transferred, %6d B decoded%n", page, bytes.get(0), bytes.get(1)));
            assertTrue(bytes.get(1) > 0, page + " loaded no CSS at all: the measurement is broken");
            if (bytes.get(1) > BUDGET) {
                over.add(page + ": " + bytes.get(1) + " B");
            }
        });
        System.out.print("CSS+JS per page (mermaid excluded)\n" + figures);
        assertEquals(List.of(), over);
    }

    @Test
    void code_is_highlighted_with_the_core_and_only_the_grammars_the_page_names() {
        checks.viewport(DESKTOP, false);
        open(pages.get(2));
        for (String lang : List.of("java", "go")) {
            Long keywords = (Long) checks.js("return document.querySelectorAll('pre > code.language-" + lang
                    + "[data-highlighted=yes] .hljs-keyword').length;");
            assertTrue(keywords > 0, "no highlighted " + lang + " keyword on the incident page");
        }
        @SuppressWarnings("unchecked")
        List<String> scripts = (List<String>) checks.js("return Array.prototype.map.call("
                + "document.querySelectorAll('script[src*=highlightjs]'), function (s) { return s.getAttribute('src'); }).sort();");
        assertEquals(List.of("/webjars/highlightjs/11.11.1/core.min.js", "/webjars/highlightjs/11.11.1/languages/go.min.js",
                "/webjars/highlightjs/11.11.1/languages/java.min.js"), scripts);
    }

    @Test
    void a_block_in_a_language_highlight_js_does_not_know_stays_plain_and_readable() {
        checks.viewport(DESKTOP, false);
        open(pages.get(2));
        checks.js("""
                var pre = document.createElement('pre'), code = document.createElement('code');
                code.className = 'language-no-such-lang';
                code.textContent = 'if (a < b) { return "<b>"; }';
                pre.appendChild(code);
                document.querySelector('main').appendChild(pre);
                window.kbEnhance(pre);""");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> "no".equals(checks.js(
                "return document.querySelector('code.language-no-such-lang').dataset.highlighted;")));
        assertEquals("if (a < b) { return \"<b>\"; }", checks.js("return document.querySelector('code.language-no-such-lang').textContent;"));
        assertEquals(0L, checks.js("return document.querySelectorAll('code.language-no-such-lang *').length;"));
    }

    private static void open(Page p) {
        if (!browser.getCurrentUrl().startsWith(app.base)) {
            browser.get(app.base + "/health"); // cookies can be set only on the app's own origin
        }
        browser.manage().deleteAllCookies();
        if (p.signedIn()) {
            browser.manage().addCookie(new Cookie("kb_session", admin.cookie()));
        }
        browser.get(app.base + p.path());
        // pages with code load highlight.js after the first paint: wait until it has coloured the code
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> (Boolean) checks.js("return document.readyState"
                + " === 'complete' && !document.querySelector('pre > code[class*=language-]:not([data-highlighted])');"));
    }

    /** Pastes a diff with a known finding, as an editor does, and returns the new review's path. */
    static String createReview(TestApp app, Logins.Login admin) {
        String diff = """
                diff --git a/client/fetch.go b/client/fetch.go
                new file mode 100644
                index 0000000..3b18e51
                --- /dev/null
                +++ b/client/fetch.go
                @@ -0,0 +1,11 @@
                +package client
                +
                +import "net/http"
                +
                +func Fetch(url string) (int, error) {
                +	resp, err := http.Get(url)
                +	if err != nil {
                +		return 0, err
                +	}
                +	return resp.StatusCode, nil
                +}
                """;
        String boundary = "----kb" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        java.util.Map.of("_csrf", admin.csrf(), "diff", diff, "title", "Fetch helper").forEach((k, v) ->
                body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(k)
                        .append("\"\r\n\r\n").append(v).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        HttpResponse<String> r = app.send(Logins.request(app, admin, "/reviews/new")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
        assertEquals(303, r.statusCode(), r.body());
        return r.headers().firstValue("Location").orElseThrow();
    }
}
