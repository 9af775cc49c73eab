package kb.sandbox;

import kb.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reader in a real browser (Debian's headless Chromium) opens an incident, clicks "Run before and
 * after", and sees the bug happen and the fix hold, each checked against its Output block. Skipped when
 * Chromium is not installed, except on CI ({@code CI=true}) where that is a failure.
 */
class RunBrowserTest {

    static TestApp app;
    static ChromeDriver browser;

    @BeforeAll
    static void start() {
        kb.Browsers.assumeInstalled();
        app = TestApp.start(TestApp.FIXTURES, Map.of("KB_SANDBOX_POOL_SIZE", "2"));
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
    void run_before_and_after_shows_the_bug_and_the_fix_side_by_side() {
        browser.get(app.base + "/incidents/fixture-pool-leak");
        browser.findElement(By.cssSelector("button.run-both")).click();
        List<WebElement> heads = new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> {
            List<WebElement> done = d.findElements(By.cssSelector(".run-pair .run-result .run-head"));
            return done.size() == 2 ? done : null;
        });
        for (WebElement head : heads) {
            assertTrue(head.getText().startsWith("ok"), head.getText());
            assertTrue(head.getText().contains("output matches"), head.getText());
        }
        List<String> stdout = browser.findElements(By.cssSelector(".run-pair .run-stdout")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("leaked=3", "leaked=0"), stdout);
        List<String> problems = browser.manage().logs().get("browser").getAll().stream().map(Object::toString)
                .filter(l -> l.contains("Refused") || l.contains("Content Security Policy") || l.contains("Uncaught")).toList();
        assertEquals(List.of(), problems, "no script was blocked or failed");
    }
}
