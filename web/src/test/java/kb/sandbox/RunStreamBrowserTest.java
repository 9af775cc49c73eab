package kb.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kb.TestApp;
import kb.accounts.Accounts;
import kb.accounts.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An editor in a real browser: the scratch page streams output and stops a run, and Preview's
 * "Run before and after" runs the blocks of a postmortem that is not saved yet.
 */
class RunStreamBrowserTest {
    static final String PASSWORD = "dana's long browser password";
    static TestApp app;
    static ChromeDriver browser;

    @BeforeAll
    static void start() {
        kb.Browsers.assumeInstalled();
        app = TestApp.start(TestApp.FIXTURES, Map.of("KB_SANDBOX_POOL_SIZE", "2", "KB_SANDBOX_ALLOW_WEAK", "true"));
        new Accounts(app.services.db().jdbi()).createUser("dana", Role.EDITOR, PASSWORD);
        browser = kb.Browsers.start();
        browser.get(app.base + "/login");
        browser.findElement(By.name("name")).sendKeys("dana");
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("header.top .who")));
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
    void the_scratch_page_streams_output_checks_it_and_stops_a_run() {
        browser.get(app.base + "/sandbox");
        setSource("System.out.println(\"tick 0\");\nThread.sleep(200);\nSystem.out.println(\"tick 1\");\n// Output:\n// tick 0\n// tick 1\n");
        browser.findElement(By.id("scratch-run")).click();
        WebElement head = waitFor(By.cssSelector("#scratch-result .run-head"));
        assertTrue(head.getText().startsWith("ok") && head.getText().contains("output matches"), head.getText());
        assertEquals("tick 0\ntick 1", browser.findElement(By.cssSelector("#scratch-result .run-stdout")).getText());

        setSource("for (int i = 0; ; i++) { System.out.println(\"line \" + i); Thread.sleep(100); }\n");
        browser.findElement(By.id("scratch-run")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d ->
                d.findElement(By.cssSelector("#scratch-result .run-stdout")).getText().contains("line 0"));
        browser.findElement(By.id("scratch-stop")).click();
        WebElement stopped = waitFor(By.cssSelector("#scratch-result .run-head"));
        assertTrue(stopped.getText().startsWith("killed"), stopped.getText());
        assertEquals("stopped by the user", browser.findElement(By.cssSelector("#scratch-result .run-message")).getText());
        assertEquals(List.of(), problems());
    }

    @Test
    void preview_runs_before_and_after_of_an_unsaved_postmortem() throws Exception {
        String text = Files.readString(Path.of("web/src/test/resources/fixtures/content/incidents/pool-leak.md"))
                .replace("id: fixture-pool-leak", "id: previewed-pool-leak");
        browser.get(app.base + "/incidents/new");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('text').value = arguments[0];", text);
        browser.findElement(By.cssSelector("button[value=preview]")).click();
        waitFor(By.cssSelector("#preview button.run-both")).click();
        List<WebElement> heads = new WebDriverWait(browser, Duration.ofSeconds(90)).until(d -> {
            List<WebElement> done = d.findElements(By.cssSelector("#preview .run-pair .run-result .run-head"));
            return done.size() == 2 ? done : null;
        });
        for (WebElement h : heads) {
            assertTrue(h.getText().startsWith("ok") && h.getText().contains("output matches"), h.getText());
        }
        assertEquals(List.of(), problems());
    }

    private static void setSource(String source) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById('scratch-source').value = arguments[0];", source);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('scratch-result').textContent = '';");
    }

    private static WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(90)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    private static List<String> problems() {
        return browser.manage().logs().get("browser").getAll().stream().map(Object::toString)
                .filter(l -> l.contains("Refused") || l.contains("Content Security Policy") || l.contains("Uncaught")).toList();
    }
}
