package kb.ui;

import kb.TestApp;
import kb.accounts.Logins;
import kb.accounts.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The new controls in headless Chromium, used by keyboard as a reader would. */
class InteractionBrowserTest {

    static TestApp app;
    static Logins.Login editor;
    static ChromeDriver browser;

    @BeforeAll
    static void start() {
        kb.Browsers.assumeInstalled();
        app = TestApp.start(TestApp.CONTENT);
        editor = Logins.sessionCookie(app, Role.EDITOR);
        browser = kb.Browsers.start();
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

    @Test
    void j_and_k_walk_the_list_and_question_mark_shows_the_shortcuts() {
        open("/incidents", false);
        List<WebElement> rows = browser.findElements(By.cssSelector("tr.incident-row"));
        keys("j");
        assertTrue(rows.get(0).getAttribute("class").contains("current"));
        keys("j");
        assertEquals(rows.get(1).findElement(By.cssSelector("a")).getAttribute("href"), focused().getAttribute("href"));
        keys("k");
        assertEquals(rows.get(0).findElement(By.cssSelector("a")).getAttribute("href"), focused().getAttribute("href"));
        assertNotEquals("none", js("return getComputedStyle(document.activeElement).outlineStyle;"), "the focus is visible");
        keys("?");
        WebElement sheet = browser.findElement(By.cssSelector("dialog.shortcuts"));
        assertTrue(sheet.isDisplayed());
        assertTrue(sheet.getText().contains("Next item in a list"), sheet.getText());
        keys(Keys.ESCAPE.toString());
        assertEquals(false, js("return document.querySelector('dialog.shortcuts').open;"));
    }

    @Test
    void slash_focuses_the_search_box_when_the_header_has_one() {
        open("/incidents", false);
        js("var f = document.createElement('form'); f.setAttribute('role', 'search'); f.innerHTML = '<input name=q aria-label=Search>';"
                + "document.querySelector('header.top').appendChild(f);");
        keys("/");
        assertEquals("q", focused().getAttribute("name"));
    }

    @Test
    void the_dark_mode_toggle_works_by_keyboard_and_is_remembered() {
        open("/", false);
        WebElement toggle = browser.findElement(By.id("theme-toggle"));
        String light = (String) js("return getComputedStyle(document.body).backgroundColor;");
        toggle.sendKeys(Keys.ENTER);
        assertEquals("dark", js("return document.documentElement.dataset.theme;"));
        assertEquals("true", toggle.getAttribute("aria-pressed"));
        browser.navigate().refresh();
        String dark = (String) js("return getComputedStyle(document.body).backgroundColor;");
        assertNotEquals(light, dark, "the dark colours are applied after a reload");
        browser.findElement(By.id("theme-toggle")).click();
        assertEquals("light", js("return document.documentElement.dataset.theme;"));
    }

    @Test
    void a_ticked_filter_applies_at_once_and_its_chip_removes_it() {
        open("/incidents", false);
        assertTrue(!browser.findElement(By.cssSelector("form.filters button[type=submit]")).isDisplayed(),
                "no Apply button is needed with JavaScript");
        browser.findElement(By.cssSelector("details.facet summary")).click();
        browser.findElement(By.cssSelector("input[name=severity][value=P0]")).click();
        wait(ExpectedConditions.urlContains("severity=P0"));
        assertEquals("true", browser.findElement(By.cssSelector("details.facet")).getDomProperty("open"),
                "the filter in use stays open");
        browser.findElement(By.cssSelector("input[name=severity][value=P1]")).click();
        wait(ExpectedConditions.urlContains("severity=P1"));
        assertEquals(List.of("severity: P0 ×", "severity: P1 ×"), texts(".active-filters a"));
        List<String> severities = texts("tr.incident-row .sev");
        assertTrue(!severities.isEmpty() && severities.stream().allMatch(s -> s.equals("P0") || s.equals("P1")), severities.toString());
        browser.findElement(By.cssSelector(".active-filters a")).click();
        wait(ExpectedConditions.not(ExpectedConditions.urlContains("P0")));
        assertEquals(List.of("severity: P1 ×"), texts(".active-filters a"));
    }

    @Test
    void the_diff_view_switches_to_the_full_listings_and_back() {
        open("/incidents/payment-502-sql-open-per-call", false);
        WebElement pair = browser.findElement(By.cssSelector(".run-pair[data-view]"));
        assertTrue(pair.findElement(By.cssSelector(".code-diff")).isDisplayed());
        assertTrue(!pair.findElement(By.cssSelector("figure[data-role=before] pre")).isDisplayed());
        WebElement diffButton = pair.findElement(By.xpath(".//button[normalize-space()='Diff view']"));
        diffButton.sendKeys(Keys.ENTER);
        assertEquals("code", pair.getAttribute("data-view"));
        assertTrue(pair.findElement(By.cssSelector("figure[data-role=before] pre")).isDisplayed());
        pair.findElement(By.xpath(".//button[normalize-space()='Wrap long lines']")).sendKeys(Keys.ENTER);
        assertEquals("pre-wrap", js("return getComputedStyle(arguments[0]).whiteSpace;",
                pair.findElement(By.cssSelector("figure[data-role=before] pre"))));
    }

    @Test
    void typing_updates_the_live_preview_and_gutter_and_ctrl_s_saves() {
        open("/incidents/new", true);
        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#live-preview article.incident h1")));
        String text = (String) js("return document.getElementById('text').value;");
        int line = text.substring(0, text.indexOf("\nseverity:") + 1).split("\n", -1).length;
        setText(text.replaceFirst("severity: P[0-4]", "severity: P9"));
        wait(ExpectedConditions.textToBe(By.cssSelector(".gutter .has-problem"), String.valueOf(line)));
        assertTrue(browser.findElement(By.id("problems")).getText().contains("P9"));
        String fixed = text.replaceFirst("title: .*", "title: Written live ✓");
        setText(fixed);
        wait(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#live-preview article.incident h1"), "Written live ✓"));
        assertEquals(List.of(), browser.findElements(By.cssSelector(".gutter .has-problem")));
        String id = fixed.replaceAll("(?s).*\nid: ([^\n]+)\n.*", "$1").strip();
        new Actions(browser).keyDown(Keys.CONTROL).sendKeys("s").keyUp(Keys.CONTROL).perform();
        wait(ExpectedConditions.urlToBe(app.base + "/incidents/" + id));
        assertTrue(browser.findElement(By.cssSelector("article.incident h1")).getText().contains("Written live ✓"));
    }

    private static void setText(String text) {
        js("var t = document.getElementById('text'); t.value = arguments[0]; t.dispatchEvent(new Event('input', { bubbles: true }));", text);
    }

    private static void open(String path, boolean signedIn) {
        browser.get(app.base + "/health");
        browser.manage().deleteAllCookies();
        if (signedIn) {
            browser.manage().addCookie(new Cookie("kb_session", editor.cookie()));
        }
        browser.get(app.base + path);
        js("try { localStorage.clear(); } catch (e) {}");
    }

    private static void keys(String keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private static WebElement focused() {
        return browser.switchTo().activeElement();
    }

    private static List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(e -> e.getText().replaceAll("\\s+", " ")).toList();
    }

    private static <T> T wait(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition::apply);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }
}
