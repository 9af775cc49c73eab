package kb.search;

import kb.Browsers;
import kb.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In headless Chromium: type in the header's search box on the home page, open a hit, read the incident. */
class SearchBrowserTest {

    static TestApp app;
    static ChromeDriver browser;

    @BeforeAll
    static void start() {
        Browsers.assumeInstalled();
        app = SearchApps.start();
        browser = Browsers.start();
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
    void typing_in_the_header_search_box_and_opening_a_hit_shows_the_incident() {
        browser.get(app.base + "/");
        WebElement box = browser.findElement(By.cssSelector("header form[role=search] input[name=q]"));
        box.sendKeys("时区", Keys.ENTER);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.hit")));
        assertTrue(browser.getCurrentUrl().contains("/search?q="), browser.getCurrentUrl());
        WebElement hit = browser.findElement(By.cssSelector("li.hit[data-id=zh-cron-timezone] h2 a"));
        assertTrue(browser.findElement(By.cssSelector("li.hit[data-id=zh-cron-timezone] .snippet mark")).getText()
                .contains("时区"));
        hit.click();
        wait.until(ExpectedConditions.urlContains("/incidents/zh-cron-timezone"));
        assertEquals("zh-cron-timezone", browser.findElement(By.cssSelector("article.incident")).getAttribute("data-incident-id"));
        assertTrue(browser.findElement(By.cssSelector("article.incident h1")).getText().contains("定时任务"));
    }
}
