package kb.checklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kb.TestApp;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class ChecklistControllerTest {

    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestApp.FIXTURES);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void items_are_grouped_by_area_with_severity_and_incident_count() {
        Document d = app.page("/checklist");
        assertEquals(List.of("Resources", "Timeouts"), d.select("section.area > h2").eachText());
        var row = d.selectFirst("tr.checklist-row[data-id=RES-01]");
        assertNotNull(row);
        assertEquals("blocker", row.selectFirst(".tag").text());
        assertEquals("1", row.selectFirst(".count").text());
    }

    @Test
    void an_item_page_shows_its_rationale_examples_and_the_incidents_behind_it() {
        Document d = app.page("/checklist/RES-01");
        assertEquals("Fixture item used by the tests.", d.selectFirst(".prose p").text());
        assertNotNull(d.selectFirst(".prose pre code.language-java"));
        assertEquals(List.of("Checkout API stalls when the connection pool leaks"), d.select("#item-incidents a").eachText());
        assertEquals("/incidents/fixture-pool-leak", d.selectFirst("#item-incidents a").attr("href"));
        app.page("/checklist/NOPE-99", 404);
    }

    @Test
    void api_returns_items_and_back_links() throws Exception {
        JsonNode list = new ObjectMapper().readTree(app.get("/api/checklist").body());
        assertEquals(2, list.get("items").size());
        JsonNode item = new ObjectMapper().readTree(app.get("/api/checklist/TMO-01").body());
        assertEquals("timeouts", item.get("area").asText());
        assertEquals("fixture-old-timeout", item.get("incidents").get(0).get("id").asText());
    }
}
