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
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Insights over the search fixture set (34 postmortems), checked against figures computed by hand from
 * the fixture files; the charts parsed as XML and their bars measured; the CSV read back.
 */
class InsightsTest {

    static final Path FIXTURES = Path.of("web/src/test/resources/search/content").toAbsolutePath();
    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(FIXTURES);
        // one review with two findings for RES-02, one of them suppressed: RES-02 caught one problem
        app.services.db().jdbi().useHandle(h -> {
            h.createUpdate("INSERT INTO reviews (id, diff, mode, verdict, unmapped_imports, created_by, created_at) "
                    + "VALUES (900, 'x', 'diff', 'pass', 0, 'test', :now)").bind("now", OffsetDateTime.now()).execute();
            for (int i = 0; i < 2; i++) {
                h.createUpdate("INSERT INTO review_findings (review_id, position, rule_id, checklist_id, severity, file, line,"
                        + " col, code, message, confidence, origin, suppressed) VALUES (900, :i, 'r', 'RES-02', 'blocker',"
                        + " 'a.go', 1, 1, '', 'm', 'high', 'kb', :s)").bind("i", i).bind("s", i == 1).execute();
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

    @Test
    void time_figures_match_the_hand_computed_quarter_and_leave_out_excluded_and_unresolved() throws Exception {
        JsonNode all = json("/api/insights");
        assertEquals(34, all.get("incidents").asInt());
        assertEquals("[\"game-day-drill\"]", all.get("leftOut").get("excluded").toString());
        assertEquals("[\"ongoing-replica-lag\"]", all.get("leftOut").get("unresolved").toString());

        // P2 in 2023-Q4: billing-tx-not-ended (TTD 45 min, TTR 200 min) and k8s-sigterm-ignored (1000 min, 1300 min)
        JsonNode p2 = json("/api/insights?severity=P2");
        assertEquals(12, p2.get("incidents").asInt());
        JsonNode q = quarter(p2, "2023-Q4");
        assertEquals(2, q.get("ttr").get("n").asInt());
        assertEquals(45 * 60, q.get("ttd").get("median").asLong());
        assertEquals(1000 * 60, q.get("ttd").get("p90").asLong());
        assertEquals(200 * 60, q.get("ttr").get("median").asLong());
        assertEquals(1300 * 60, q.get("ttr").get("p90").asLong());
        // 2025-Q2: zh-log-flood (TTR 90 min) counts, the unresolved ongoing-replica-lag does not
        assertEquals(1, quarter(p2, "2025-Q2").get("ttr").get("n").asInt());
        assertEquals(90 * 60, quarter(p2, "2025-Q2").get("ttr").get("median").asLong());

        // 2024-Q2, every severity: orders 90, worker-panic 240, deploy 300 min (the drill is excluded) -> median 240, p90 300
        JsonNode q2 = quarter(all, "2024-Q2");
        assertEquals(3, q2.get("ttr").get("n").asInt());
        assertEquals(240 * 60, q2.get("ttr").get("median").asLong());
        assertEquals(300 * 60, q2.get("ttr").get("p90").asLong());
    }

    @Test
    void months_categories_checklist_and_coverage_match_the_fixtures() throws Exception {
        JsonNode reports = json("/api/insights?service=reports");
        JsonNode months = reports.get("months");
        assertEquals(11, months.size(), "2023-03 to 2024-01, empty months included");
        assertEquals("2023-03", months.get(0).get("month").asText());
        assertEquals(1, months.get(0).get("bySeverity").get("P3").asInt());
        assertEquals(0, months.get(5).get("total").asInt());
        assertEquals(1, months.get(10).get("total").asInt());

        JsonNode all = json("/api/insights");
        assertEquals("resource-leak", all.get("categories").get(0).get("name").asText());
        assertEquals(7, all.get("categories").get(0).get("count").asInt());
        Map<String, JsonNode> items = new HashMap<>();
        all.get("checklist").forEach(i -> items.put(i.get("id").asText(), i));
        assertEquals(3, items.get("RES-04").get("incidents").asInt());
        assertEquals(2, items.get("RES-02").get("incidents").asInt());
        assertEquals(1, items.get("RES-02").get("findings").asInt(), "the suppressed finding does not count");
        List<String> uncovered = new ArrayList<>();
        all.get("uncovered").forEach(g -> uncovered.add(g.get("id").asText()));
        assertEquals(List.of("game-day-drill", "ongoing-replica-lag"), uncovered);
    }

    @Test
    void charts_are_well_formed_svg_whose_bars_match_the_table() throws Exception {
        Document page = app.page("/insights");
        Element chart = page.selectFirst("section#per-month svg");
        assertNotNull(chart);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document svg = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                chart.outerHtml().getBytes(StandardCharsets.UTF_8)));
        assertEquals("img", svg.getDocumentElement().getAttribute("role"));
        assertEquals("Incidents per month, by severity", svg.getElementsByTagName("title").item(0).getTextContent());
        NodeList rects = svg.getElementsByTagName("rect");
        Map<String, Double> perMonth = new HashMap<>();
        double ratio = -1;
        for (int i = 0; i < rects.getLength(); i++) {
            var r = (org.w3c.dom.Element) rects.item(i);
            if (!"bar".equals(r.getAttribute("class"))) {
                continue;
            }
            double value = Double.parseDouble(r.getAttribute("data-value"));
            double height = Double.parseDouble(r.getAttribute("height"));
            perMonth.merge(r.getAttribute("data-label"), value, Double::sum);
            if (value > 0) {
                double k = height / value;
                assertTrue(ratio < 0 || Math.abs(k - ratio) < 0.02, "bar heights are proportional to their values");
                ratio = k;
            }
        }
        for (Element row : page.select("section#per-month table tbody tr")) {
            String month = row.selectFirst("th").text();
            assertEquals(Double.parseDouble(row.select("td").last().text()), perMonth.get(month), month);
        }
        assertTrue(page.selectFirst("#left-out").text().contains("1 marked exclude-from-metrics (game-day-drill)"),
                page.selectFirst("#left-out").text());
        assertEquals(3, page.select("section#times svg").size(), "TTD, TTM and TTR");
    }

    @Test
    void csv_downloads_read_back_to_the_same_numbers_as_the_json() throws Exception {
        var r = app.get("/insights/times.csv?severity=P2");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<List<String>> rows = parse(r.body());
        assertEquals(List.of("quarter", "incidents", "ttd_median_s", "ttd_p90_s", "ttm_median_s", "ttm_p90_s", "ttr_median_s",
                "ttr_p90_s"), rows.get(0));
        JsonNode json = json("/api/insights?severity=P2");
        assertEquals(json.get("quarters").size(), rows.size() - 1);
        for (int i = 1; i < rows.size(); i++) {
            JsonNode q = json.get("quarters").get(i - 1);
            assertEquals(q.get("quarter").asText(), rows.get(i).get(0));
            assertEquals(q.get("ttr").get("median").asText(), rows.get(i).get(6));
            assertEquals(q.get("ttd").get("p90").asText(), rows.get(i).get(3));
        }
        List<List<String>> gaps = parse(app.get("/insights/uncovered.csv").body());
        assertEquals(List.of("game-day-drill", "Game day drill of a region failover", "P3"), gaps.get(1));
        assertEquals(404, app.get("/insights/nothing.csv").statusCode());
        assertEquals(400, app.get("/api/insights?severity=P7").statusCode());
    }

    private static JsonNode quarter(JsonNode report, String name) {
        for (JsonNode q : report.get("quarters")) {
            if (q.get("quarter").asText().equals(name)) {
                return q;
            }
        }
        throw new AssertionError("no quarter " + name + " in " + report.get("quarters"));
    }

    /** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }

    @Test
    void figures_are_computed_once_per_filter_until_an_incident_or_a_review_finding_changes() {
        Insights insights = new Insights(app.services.db().jdbi());
        var all = new Figures.Filter(null, null);
        Figures.Report first = insights.report(all);
        assertTrue(first == insights.report(all), "nothing changed: the same figures");
        assertTrue(first != insights.report(new Figures.Filter(null, "P1")), "another filter has figures of its own");

        app.services.db().jdbi().useHandle(h -> h.createUpdate("INSERT INTO review_findings (review_id, position, rule_id,"
                + " checklist_id, severity, file, line, col, code, message, confidence, origin, suppressed) VALUES (900, 7,"
                + " 'r', 'RES-02', 'blocker', 'b.go', 1, 1, '', 'm', 'high', 'kb', FALSE)").execute());
        try {
            Figures.Report afterFinding = insights.report(all);
            assertTrue(afterFinding != first, "a new review finding changes the checklist ranking");
            int res02 = afterFinding.checklist().stream().filter(r -> r.id().equals("RES-02")).findFirst().orElseThrow().findings();
            assertEquals(2, res02, "the recomputed figures count the new finding");

            app.services.db().jdbi().useHandle(h -> h.createUpdate(
                    "INSERT INTO incident_changes (incident_id, changed_at) VALUES ('any', :now)").bind("now", OffsetDateTime.now()).execute());
            assertTrue(insights.report(all) != afterFinding, "a write to incidents moves the change counter");
        } finally {
            app.services.db().jdbi().useHandle(h -> h.createUpdate("DELETE FROM review_findings WHERE review_id = 900 AND position = 7").execute());
        }
    }
}
