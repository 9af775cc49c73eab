package kb.search;

import com.fasterxml.jackson.databind.JsonNode;
import kb.TestApp;
import kb.system.Web;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Related incidents on the fixture set against hand-labelled pairs (web/src/test/resources/search/
 * related-pairs.txt): recall@5 and precision@5 over every incident that has a labelled partner.
 */
class RelatedIncidentsTest {

    static TestApp app;

    @BeforeAll
    static void start() {
        app = SearchApps.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void related_incidents_find_the_hand_labelled_pairs() throws IOException {
        Map<String, Set<String>> labelled = labels();
        double recall = 0;
        double precision = 0;
        double precisionShown = 0;
        List<String> misses = new ArrayList<>();
        for (var e : labelled.entrySet()) {
            List<String> shown = related(e.getKey());
            assertTrue(shown.size() <= 5, e.getKey() + ": " + shown);
            assertFalse(shown.contains(e.getKey()), "an incident is not related to itself");
            Set<String> hits = new HashSet<>(shown);
            hits.retainAll(e.getValue());
            recall += (double) hits.size() / e.getValue().size();
            precision += hits.size() / 5.0;
            precisionShown += shown.isEmpty() ? 0 : (double) hits.size() / shown.size();
            for (String want : e.getValue()) {
                if (!shown.contains(want)) {
                    misses.add(e.getKey() + " -> " + want);
                }
            }
        }
        int n = labelled.size();
        recall /= n;
        precision /= n;
        precisionShown /= n;
        System.out.printf("related incidents over %d incidents: recall@5 %.3f, precision@5 %.3f, precision of the shown %.3f;"
                + " missed %s%n", n, recall, precision, precisionShown, misses);
        // with one to three labelled partners per incident, precision@5 cannot exceed about 0.35
        assertTrue(recall >= 0.9, "recall@5 " + recall + "; missed " + misses);
        assertTrue(precision >= 0.25, "precision@5 " + precision);
        assertTrue(precisionShown >= 0.35, "precision of the shown " + precisionShown);
    }

    @Test
    void each_related_incident_says_why() throws IOException {
        JsonNode r = Web.objectMapper().readTree(app.get("/api/incidents/pay-sql-open-per-call/related").body());
        JsonNode first = r.get("related").get(0);
        List<String> reasons = new ArrayList<>();
        first.get("reasons").forEach(x -> reasons.add(x.asText()));
        assertTrue(reasons.contains("also RES-04"), reasons.toString());
        assertTrue(reasons.contains("same cause resource-leak"), reasons.toString());

        Document page = app.page("/incidents/zh-goroutine-panic");
        Element item = page.selectFirst("ul.related li[data-id=worker-panic-crash]");
        assertNotNull(item, page.select("ul.related").outerHtml());
        assertTrue(item.selectFirst(".reasons").text().contains("also CONC-01"), item.text());
        assertEquals("/incidents/worker-panic-crash", item.selectFirst("a").attr("href"));
    }

    @Test
    void the_incident_json_carries_the_same_related_list_as_the_related_endpoint() throws IOException {
        JsonNode incident = Web.objectMapper().readTree(app.get("/api/incidents/pay-sql-open-per-call").body());
        JsonNode own = Web.objectMapper().readTree(app.get("/api/incidents/pay-sql-open-per-call/related").body());
        assertTrue(incident.get("related").size() > 0, incident.toString());
        assertEquals(own.get("related"), incident.get("related"));
        assertEquals("pay-sql-open-per-call", incident.get("id").asText(), "the incident's own fields stay");
    }

    @Test
    void an_unknown_incident_has_no_related_incidents() throws IOException {
        JsonNode r = Web.objectMapper().readTree(app.get("/api/incidents/no-such-incident/related").body());
        assertEquals(0, r.get("related").size());
    }

    private static List<String> related(String id) throws IOException {
        var r = app.get("/api/incidents/" + id + "/related");
        assertEquals(200, r.statusCode(), r.body());
        List<String> ids = new ArrayList<>();
        Web.objectMapper().readTree(r.body()).get("related").forEach(x -> ids.add(x.get("id").asText()));
        return ids;
    }

    private static Map<String, Set<String>> labels() throws IOException {
        Map<String, Set<String>> out = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("web/src/test/resources/search/related-pairs.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] w = line.strip().split("\\s+");
            out.computeIfAbsent(w[0], k -> new HashSet<>()).add(w[1]);
            out.computeIfAbsent(w[1], k -> new HashSet<>()).add(w[0]);
        }
        return out;
    }
}
