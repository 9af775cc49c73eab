package kb.insights;

import kb.TestApp;
import kb.cli.GenerateCommand;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The insights page names a bounded number of incidents per list however many there are; the CSV has them all. */
class InsightsPageSizeTest {

    @Test
    void the_page_names_the_fifty_most_recent_uncovered_incidents_and_the_csv_all_of_them() {
        try (TestApp app = TestApp.start(TestApp.FIXTURES)) {
            // synthetic postmortems cite no checklist item: each one is a coverage gap
            GenerateCommand.fill(app.services, 7, 70);
            Document page = app.page("/insights");
            List<String> named = page.select("#uncovered li a").eachText();
            assertEquals(InsightsController.SHOWN, named.size());
            int all = app.get("/insights/uncovered.csv").body().strip().split("\n").length - 1;
            assertTrue(all >= 70, "the CSV lists every gap: " + all);
            assertTrue(page.select("#uncovered").text().contains("the CSV lists all " + all), page.select("#uncovered").text());
            String newest = app.services.incidents().facts().stream().filter(f -> f.checklist().isEmpty())
                    .reduce((a, b) -> b).orElseThrow().title();
            assertEquals(newest, named.get(0), "newest first");
        }
    }
}
