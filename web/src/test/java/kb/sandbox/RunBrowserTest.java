package kb.sandbox;

import kb.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
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

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static TestApp app;
    static ChromeDriver browser;

    @BeforeAll
    static void start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but chromium or chromedriver is missing: apt-get install -y chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "Skipping the browser test: chromium and chromium-driver are not installed");
        app = TestApp.start(TestApp.FIXTURES, Map.of("KB_SANDBOX_POOL_SIZE", "2"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1280,900");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build(), options);
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
