package kb.insights;

import com.fasterxml.jackson.databind.JsonNode;
import kb.TestApp;
import kb.system.Web;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ranking of checklist items by the review findings they caught, its own chart next to the ranking by incidents:
 * hand-counted findings in, the JSON, the SVG bars, the table and the CSV checked against them.
 */
class InsightsFindingsTest {

    static TestApp app;

    /**
     * Findings as saved reviews hold them: RES-02 three (and one suppressed), XYZ-01 two (an item no incident cites),
     * TMO-02 one; RES-04 (three incidents, most of all) none.
     */
    @BeforeAll
    static void start() {
        app = TestApp.start(InsightsTest.FIXTURES);
        app.services.db().jdbi().useHandle(h -> {
            h.createUpdate("INSERT INTO reviews (id, diff, mode, verdict, unmapped_imports, created_by, created_at) "
                    + "VALUES (901, 'x', 'diff', 'pass', 0, 'test', :now)").bind("now", OffsetDateTime.now()).execute();
            String[][] findings = {{"RES-02", "false"}, {"RES-02", "false"}, {"RES-02", "false"}, {"RES-02", "true"},
                    {"XYZ-01", "false"}, {"XYZ-01", "false"}, {"TMO-02", "false"}};
            for (int i = 0; i < findings.length; i++) {
                h.createUpdate("INSERT INTO review_findings (review_id, position, rule_id, checklist_id, severity, file, line,"
                                + " col, code, message, confidence, origin, suppressed) VALUES (901, :i, 'r', :item, 'blocker',"
                                + " 'a.go', 1, 1, '', 'm', 'high', 'kb', :s)")
                        .bind("i", i).bind("item", findings[i][0]).bind("s", Boolean.parseBoolean(findings[i][1])).execute();
            }
        });
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static JsonNode json(String path) throws Exception {
        var r = app.get(path);
        assertEquals(200, r.statusCode(), r.body());
        return Web.objectMapper().readTree(r.body());
    }

    private static List<String> ranked(JsonNode items, String field) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("id").asText() + "=" + i.get(field).asInt()));
        return out;
    }

    @Test
    void items_are_ranked_by_findings_caught_apart_from_the_ranking_by_incidents() throws Exception {
        JsonNode all = json("/api/insights");
        assertEquals(List.of("RES-02=3", "XYZ-01=2", "TMO-02=1"), ranked(all.get("checklistByFindings"), "findings"),
                "most findings first; suppressed ones and items with none left out");
        assertEquals("RES-04", all.at("/checklist/0/id").asText(), "the other ranking still counts incidents");
        assertEquals(2, all.at("/checklistByFindings/0/incidents").asInt(), "RES-02 is cited by two incidents");
        // reviews have no service: a filter narrows the incidents, not the findings
        JsonNode reports = json("/api/insights?service=reports");
        assertEquals(List.of("RES-02=3", "XYZ-01=2", "TMO-02=1"), ranked(reports.get("checklistByFindings"), "findings"));
        assertEquals(List.of("RES-02=0", "XYZ-01=0", "TMO-02=0"), ranked(reports.get("checklistByFindings"), "incidents"));
    }

    @Test
    void its_chart_is_accessible_svg_whose_bars_match_the_table_below() throws Exception {
        Document page = app.page("/insights");
        Element section = page.selectFirst("section#findings");
        assertNotNull(section, "its own section");
        Element chart = section.selectFirst("svg");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document svg = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                chart.outerHtml().getBytes(StandardCharsets.UTF_8)));
        assertEquals("img", svg.getDocumentElement().getAttribute("role"));
        assertEquals("findings-title", svg.getDocumentElement().getAttribute("aria-labelledby"));
        assertEquals("Checklist items by review findings they caught",
                svg.getElementsByTagName("title").item(0).getTextContent());
        NodeList rects = svg.getElementsByTagName("rect");
        List<String> bars = new ArrayList<>();
        double perFinding = -1;
        for (int i = 0; i < rects.getLength(); i++) {
            var r = (org.w3c.dom.Element) rects.item(i);
            double value = Double.parseDouble(r.getAttribute("data-value"));
            bars.add(r.getAttribute("data-label") + "=" + r.getAttribute("data-value"));
            double k = Double.parseDouble(r.getAttribute("width")) / value;
            assertTrue(perFinding < 0 || Math.abs(k - perFinding) < 0.02, "bar lengths are proportional to the findings");
            perFinding = k;
        }
        assertEquals(List.of("RES-02=3", "XYZ-01=2", "TMO-02=1"), bars);
        List<String> table = new ArrayList<>();
        for (Element row : section.select("table tbody tr")) {
            table.add(row.selectFirst("th").text() + "=" + row.select("td").first().text());
        }
        assertEquals(bars, table);
        assertEquals("/checklist/RES-02", section.selectFirst("table tbody th a").attr("href"));
        assertTrue(page.selectFirst("section#checklist svg title").text().contains("by incidents"),
                "the ranking by incidents keeps its own chart");
    }

    @Test
    void its_csv_reads_back_to_the_json() throws Exception {
        var r = app.get("/insights/checklist-findings.csv?service=reports");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("insights-checklist-findings.csv"));
        List<List<String>> rows = InsightsTest.parse(r.body());
        assertEquals(List.of("checklist_item", "review_findings", "incidents"), rows.get(0));
        JsonNode json = json("/api/insights?service=reports").get("checklistByFindings");
        assertEquals(json.size(), rows.size() - 1);
        for (int i = 1; i < rows.size(); i++) {
            JsonNode item = json.get(i - 1);
            assertEquals(List.of(item.get("id").asText(), item.get("findings").asText(), item.get("incidents").asText()),
                    rows.get(i));
        }
    }
}
