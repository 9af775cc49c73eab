package kb.authoring;

import kb.TestApp;
import kb.accounts.Role;
import kb.accounts.Accounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editor in a real browser (Debian's headless Chromium): sign in, write a postmortem with a mistake,
 * see the problem at its line, jump there, fix it, preview, lose the session and sign in again in
 * another tab without losing the text, save, and find it in the list. Skipped when
 * Chromium is not installed, except on CI ({@code CI=true}) where that is a failure.
 */
class EditorBrowserTest {

    static final String PASSWORD = "carol's long browser password";
    static TestApp app;
    static ChromeDriver browser;

    @BeforeAll
    static void start() {
        kb.Browsers.assumeInstalled();
        app = TestApp.start(TestApp.FIXTURES);
        new Accounts(app.services.db().jdbi()).createUser("carol", Role.EDITOR, PASSWORD);
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
    void sign_in_write_see_the_error_at_its_line_fix_preview_survive_a_lost_session_save_and_find_it_in_the_list() {
        String withError = Editors.postmortem("browser-written", "Written in a browser ✓", "Typed by hand.")
                .replace("severity: P2", "severity: P9");
        signIn();
        browser.findElement(By.cssSelector("header.top nav a[href='/incidents/new']")).click();
        waitFor(By.id("text"));
        WebElement text = browser.findElement(By.id("text"));
        text.clear();
        text.sendKeys(withError);
        submit("save");

        WebElement problem = waitFor(By.cssSelector("#problems li.problem"));
        assertEquals("4", problem.getAttribute("data-line"));
        assertTrue(problem.getText().contains("P9"), problem.getText());
        assertEquals(withError, value(), "the text comes back exactly as typed");
        assertEquals(List.of("4"), browser.findElements(By.cssSelector(".gutter .has-problem")).stream()
                .map(WebElement::getText).toList(), "the gutter marks line 4");

        problem.findElement(By.cssSelector("a.problem-line")).click();
        Object selected = js("var t = document.getElementById('text'); return t.value.substring(t.selectionStart, t.selectionEnd);");
        assertEquals("severity: P9", selected, "clicking the problem selects its line");
        browser.findElement(By.id("text")).sendKeys("severity: P2");
        String fixed = withError.replace("severity: P9", "severity: P2");
        assertEquals(fixed, value());

        submit("preview");
        WebElement preview = waitFor(By.cssSelector("#preview article.incident h1"));
        assertEquals("P2 Written in a browser ✓", preview.getText());
        assertEquals(fixed, value(), "the text stays in the editor under the preview");

        // the session ends in another tab: saving keeps the text and asks to sign in again
        String editorTab = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(app.base + "/");
        browser.findElement(By.cssSelector("header.top form[action='/logout'] button")).click();
        browser.switchTo().window(editorTab);
        submit("save");
        WebElement notice = waitFor(By.cssSelector("#notice.notice-session"));
        assertTrue(notice.getText().contains("sign in in another tab"), notice.getText());
        assertEquals(fixed, value(), "nothing typed is lost");

        // signed in again in the other tab: the page's old CSRF token is replaced before sending
        browser.switchTo().window(browser.getWindowHandles().stream().filter(h -> !h.equals(editorTab)).findFirst().orElseThrow());
        signIn();
        browser.close();
        browser.switchTo().window(editorTab);
        browser.findElement(By.cssSelector("button[value=save]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(app.base + "/incidents/browser-written"));
        assertEquals("P2 Written in a browser ✓", browser.findElement(By.cssSelector("article.incident h1")).getText());

        browser.get(app.base + "/incidents");
        List<String> refused = browser.manage().logs().get("browser").getAll().stream().map(Object::toString)
                .filter(l -> l.contains("Refused") || l.contains("Content Security Policy") || l.contains("Uncaught")).toList();
        assertEquals(List.of(), refused, "no script was blocked or failed");
        List<String> titles = browser.findElements(By.cssSelector("tr.incident-row a")).stream().map(WebElement::getText).toList();
        assertTrue(titles.contains("Written in a browser ✓"), titles.toString());
    }

    private static void signIn() {
        browser.get(app.base + "/login");
        browser.findElement(By.name("name")).sendKeys("carol");
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("header.top .who")));
    }

    /**
     * Clicks a submit button of the editor and waits until the server's page has replaced the editor's. The page
     * sends only after fetching a fresh CSRF token, and its live preview may already have put the same problems or
     * preview into the old page: without this wait, a lookup can find them there and go stale when the answer lands.
     */
    private static void submit(String button) {
        WebElement editor = browser.findElement(By.id("text"));
        browser.findElement(By.cssSelector("button[value=" + button + "]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(editor));
    }

    private static WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    private static String value() {
        return (String) js("return document.getElementById('text').value;");
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
