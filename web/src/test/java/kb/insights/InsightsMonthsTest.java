package kb.insights;

import com.fasterxml.jackson.databind.JsonNode;
import kb.TestApp;
import kb.system.Web;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Incidents per month over more months than the page charts (the search fixtures run from 2021-12 to 2025-05, 42
 * months): the page shows the latest 36 and says so, the CSV and the JSON carry every month, so a team that charts
 * them elsewhere loses no incident.
 */
class InsightsMonthsTest {

    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(Path.of("web/src/test/resources/search/content").toAbsolutePath());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void the_json_and_the_csv_have_every_month_and_the_page_says_it_shows_the_latest() throws Exception {
        JsonNode months = Web.objectMapper().readTree(app.get("/api/insights").body()).get("months");
        assertEquals(42, months.size());
        assertEquals("2021-12", months.get(0).get("month").asText());
        assertEquals(1, months.get(0).get("total").asInt(), "the oldest incident is counted");
        assertEquals("2025-05", months.get(41).get("month").asText());
        int total = 0;
        for (JsonNode m : months) {
            total += m.get("total").asInt();
        }
        int incidents = Web.objectMapper().readTree(app.get("/api/insights").body()).get("incidents").asInt();
        assertEquals(incidents, total, "every published incident is in one month");

        List<String> csv = app.get("/insights/per-month.csv").body().lines().toList();
        assertEquals(43, csv.size(), "a header and 42 months");
        assertTrue(csv.get(1).startsWith("2021-12,"), csv.get(1));

        Document page = app.page("/insights");
        List<String> rows = page.select("#per-month table tbody th").eachText();
        assertEquals(36, rows.size());
        assertEquals("2022-06", rows.get(0));
        assertEquals("2025-05", rows.get(35));
        assertEquals("The latest 36 months; the CSV and the JSON have all 42 since 2021-12.", page.select("#months-window").text());
    }
}
