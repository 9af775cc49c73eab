package kb.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kb.TestApp;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncidentControllerTest {

    static TestApp app;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        app = TestApp.start(TestApp.FIXTURES);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void home_shows_recent_incidents_counts_by_severity_and_top_categories() {
        Document d = app.page("/");
        assertEquals(List.of("Checkout API stalls when the connection pool leaks", "Search times out without a deadline"),
                d.select("#recent a").eachText());
        assertEquals("1", d.select("#severity-counts li:has(a[href$=P1]) .count").text());
        assertEquals("0", d.select("#severity-counts li:has(a[href$=P0]) .count").text());
        assertTrue(d.select("#top-categories a").eachText().containsAll(List.of("resource-leak", "timeout")));
        assertNotNull(d.selectFirst("a[href=/checklist]"));
    }

    @Test
    void list_rows_show_severity_title_date_services_and_time_to_resolve() {
        Document d = app.page("/incidents");
        Element row = d.selectFirst("tr.incident-row[data-id=fixture-pool-leak]");
        assertNotNull(row);
        assertEquals("P1", row.selectFirst(".sev").text());
        assertEquals("2024-03-15 02:00 +08:00", row.select("td").get(2).text());
        assertEquals(List.of("checkout-api", "api-gateway"), row.select(".chip-service").eachText());
        assertEquals("1 h 10 min", row.select("td").get(4).text());
    }

    @Test
    void filters_combine_in_the_url_and_sort_by_severity() {
        assertEquals(List.of("fixture-pool-leak"), ids(app.page("/incidents?tag=java&year=2024")));
        assertEquals(List.of(), ids(app.page("/incidents?tag=java&year=2022")));
        assertEquals(List.of("fixture-old-timeout"), ids(app.page("/incidents?category=timeout&service=search")));
        assertEquals(List.of("fixture-pool-leak", "fixture-old-timeout"), ids(app.page("/incidents?sort=severity")));
        assertEquals(List.of("fixture-pool-leak"), ids(app.page("/incidents?size=1")));
        assertEquals(List.of("fixture-old-timeout"), ids(app.page("/incidents?size=1&page=2")));
        assertEquals("/incidents?size=1&page=2", app.page("/incidents?size=1").selectFirst("a[rel=next]").attr("href"));
    }

    @Test
    void every_page_sort_and_filter_link_keeps_the_page_size_and_the_other_filters() {
        Document wide = app.page("/incidents?size=1&sort=severity");
        assertEquals("/incidents?sort=severity&size=1&page=2", wide.selectFirst("a[rel=next]").attr("href"));
        Document second = app.page(wide.selectFirst("a[rel=next]").attr("href"));
        assertEquals(List.of("fixture-old-timeout"), ids(second), "the next page has the same size and order");
        assertEquals("/incidents?sort=severity&size=1", second.selectFirst("a[rel=prev]").attr("href"));
        // the filter form (facets, sort) submits the size along with what the reader picks
        assertEquals("1", wide.selectFirst("form.filters input[type=hidden][name=size]").attr("value"));
        assertTrue(app.page("/incidents").select("form.filters input[name=size]").isEmpty(), "the default size is not sent");
        // removing one filter, or all of them, keeps the size, the order and the other filters
        Document filtered = app.page("/incidents?size=1&sort=severity&year=2024&service=checkout-api");
        Map<String, String> chips = new java.util.HashMap<>();
        filtered.select("ul.active-filters a").forEach(a -> chips.put(a.text().replace(" ×", ""), a.attr("href")));
        assertEquals("/incidents?service=checkout-api&sort=severity&size=1", chips.get("year: 2024"), chips.toString());
        assertEquals("/incidents?year=2024&sort=severity&size=1", chips.get("service: checkout-api"), chips.toString());
        assertEquals("/incidents?sort=severity&size=1", filtered.selectFirst("form.filters a[href^=/incidents]").attr("href"));
        // a page past the end points at the last page of the same size
        Document past = app.page("/incidents?size=1&page=9");
        assertEquals("/incidents?size=1&page=2", past.selectFirst("td.empty a.button").attr("href"));
        Document none = app.page("/incidents?size=5&tag=no-such-tag");
        assertEquals("/incidents?size=5", none.selectFirst("td.empty a.button").attr("href"));
    }

    @Test
    void every_filter_shows_how_many_published_incidents_carry_each_value() {
        Document d = app.page("/incidents");
        assertEquals("P1 (1)", d.selectFirst("input[name=severity][value=P1]").parent().text());
        assertEquals("P0 (0)", d.selectFirst("input[name=severity][value=P0]").parent().text());
        assertEquals(List.of("2024 (1)", "2022 (1)"), d.select("select[name=year] option[value~=^[0-9]+$]").eachText());
        assertEquals(List.of("RES-01 (1)", "TMO-01 (1)"), d.select("datalist#checklist-items option").eachText());
        assertEquals("checkout-api (1)", d.selectFirst("input[name=service][value=checkout-api]").parent().text());
    }

    @Test
    void a_bad_filter_value_is_a_400_naming_the_parameter() {
        Document d = app.page("/incidents?severity=P9", 400);
        assertTrue(d.selectFirst(".message").text().contains("severity must be one of"));
        var api = app.get("/api/incidents?year=abc");
        assertEquals(400, api.statusCode());
        assertTrue(api.body().contains("year must be a whole number"));
    }

    @Test
    void incident_page_shows_header_derived_times_sections_in_order_timeline_and_actions() {
        Document d = app.page("/incidents/fixture-pool-leak");
        assertEquals("4 min", d.getElementById("ttd").text());
        assertEquals("40 min", d.getElementById("ttm").text());
        assertEquals("1 h 10 min", d.getElementById("ttr").text());
        assertEquals(List.of("Summary", "Timeline", "Root cause", "Action items", "Reproduction", "Notes from the review"),
                d.select("section.section > h2").eachText());
        assertEquals(List.of("trigger", "detect", "mitigate", "resolve"), d.select("ol.timeline li .tl-kind").eachText());
        assertEquals("2024-03-15T02:04+08:00", d.select("ol.timeline time").get(1).attr("datetime"));
        Element done = d.selectFirst("table.actions tr.done");
        assertNotNull(done);
        assertTrue(done.text().contains("Cap the pool at 50") && done.text().contains("bob") && done.text().contains("mitigate"));
        assertEquals("2024-04-01", d.selectFirst("table.actions tr.open td:nth-child(4)").text());
        assertEquals(List.of("RES-01"), d.select(".checklist-links a").eachText());
    }

    @Test
    void the_body_and_title_carry_the_postmortem_language_when_it_is_given() {
        Document tagged = app.page("/incidents/fixture-pool-leak");
        assertEquals("en", tagged.selectFirst("div.sections").attr("lang"));
        assertEquals("en", tagged.selectFirst("h1 span[lang]").attr("lang"));
        Document untagged = app.page("/incidents/fixture-old-timeout");
        assertFalse(untagged.selectFirst("div.sections").hasAttr("lang"));
        assertNull(untagged.selectFirst("h1 span[lang]"));
    }

    @Test
    void runnable_blocks_stand_side_by_side_and_leave_the_prose() {
        Document d = app.page("/incidents/fixture-pool-leak");
        Element pair = d.selectFirst("#reproduction .run-pair.side-by-side");
        assertNotNull(pair);
        assertEquals(List.of("before", "after"), pair.select("figure.runnable").eachAttr("data-role"));
        assertTrue(pair.selectFirst("figure.runnable code.language-java").text().contains("leaked++"));
        assertEquals(0, d.select("#reproduction > pre").size(), "runnable code is not repeated in the prose");
        assertTrue(d.selectFirst("#reproduction").text().contains("The before block leaks"));
    }

    @Test
    void mermaid_blocks_are_drawn_with_the_bundled_mermaid() {
        Document d = app.page("/incidents/fixture-old-timeout");
        assertNotNull(d.selectFirst("pre.mermaid"));
        assertNotNull(d.selectFirst("script[src^=/webjars/mermaid/]"));
        assertEquals(200, app.get(d.selectFirst("script[src^=/webjars/mermaid/]").attr("src")).statusCode());
        assertEquals(200, app.get("/webjars/highlightjs/11.11.1/highlight.min.js").statusCode());
        assertTrue(d.select("script[src]").eachAttr("src").stream().noneMatch(s -> s.startsWith("http")));
    }

    @Test
    void unknown_incident_is_a_real_404_page() {
        Document d = app.page("/incidents/no-such-thing", 404);
        assertTrue(d.selectFirst(".message").text().contains("no-such-thing"));
        assertFalse(d.selectFirst(".request-id").text().isBlank());
        assertEquals(404, app.get("/no/such/page").statusCode());
    }

    @Test
    void api_lists_and_shows_incidents_as_json() throws Exception {
        JsonNode list = json.readTree(app.get("/api/incidents?severity=P1").body());
        assertEquals(1, list.get("total").asInt());
        assertEquals("fixture-pool-leak", list.get("items").get(0).get("id").asText());
        JsonNode one = json.readTree(app.get("/api/incidents/fixture-pool-leak").body());
        assertEquals(4200, one.get("timeToResolveSeconds").asInt());
        assertEquals(4, one.get("timeline").size());
        assertEquals("timeline", one.get("sections").get(1).get("kind").asText());
        assertTrue(one.get("sections").get(0).get("html").asText().contains("<p>"));
        assertEquals("leaked=3\n", one.get("codeBlocks").get(0).get("expectedOutput").asText());
        var missing = app.get("/api/incidents/nope");
        assertEquals(404, missing.statusCode());
        assertEquals("application/json", missing.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(json.readTree(missing.body()).get("message").asText().contains("nope"));
    }

    @Test
    void every_response_carries_a_request_id_taken_from_the_caller_when_given() {
        var r = app.get("/incidents", java.util.Map.of("X-Request-Id", "abc-123"));
        assertEquals("abc-123", r.headers().firstValue("X-Request-Id").orElse(null));
        var generated = app.get("/incidents").headers().firstValue("X-Request-Id").orElse("");
        assertTrue(generated.length() >= 16);
        assertTrue(app.get("/").headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    }

    private static List<String> ids(Document d) {
        return d.select("tr.incident-row").eachAttr("data-id");
    }

    @Test
    void a_page_past_the_end_of_the_list_says_where_it_ends_instead_of_no_incidents() {
        Document d = app.page("/incidents?severity=P1&page=50");
        Element past = d.selectFirst("#past-end");
        assertNotNull(past, d.select("table").outerHtml());
        assertTrue(d.select("tr.incident-row").isEmpty());
        assertEquals("There is no page 50: the list ends on page 1.", past.text());
        assertEquals("/incidents?severity=P1", d.selectFirst("td.empty a.button").attr("href"));
        assertEquals("/incidents?severity=P1", d.selectFirst("a[rel=prev]").attr("href"),
                "'newer' leads back to the last page, not to another empty one");
        assertTrue(app.page("/incidents?severity=P1").select("#past-end").isEmpty());
        assertTrue(app.page("/incidents?severity=P4&page=50").select("#past-end").isEmpty(),
                "no match at all is said as such, not as a page past the end");
    }
}
