package kb.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kb.TestApp;
import kb.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.OffsetDateTime;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A postmortem stored before timelines were capped (here 2,502 entries, put straight into the database as an
 * old revision left them) is read a page of 1,000 entries at a time, on the page and in the API, on H2 and on
 * PostgreSQL; a timeline within the cap is shown whole with no page links.
 */
class TimelinePagesTest {

    private static final String OLD = "fixture-old-timeout";
    private static final int ADDED = 2_500;
    private static final int TOTAL = ADDED + 2;
    private final ObjectMapper json = new ObjectMapper();

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_huge_old_timeline_is_shown_a_page_at_a_time_with_the_way_to_the_rest(String kind) throws Exception {
        try (TestApp app = TestApp.start(TestDatabases.config(kind, TestApp.FIXTURES))) {
            growTimeline(app.services.db().jdbi());

            var first = app.get("/incidents/" + OLD);
            assertEquals(200, first.statusCode());
            assertTrue(first.body().length() < 700_000, "first page is " + first.body().length() + " chars");
            Document d = org.jsoup.Jsoup.parse(first.body());
            assertEquals(1_000, d.select("ol.timeline > li").size());
            assertEquals("Index node slows down", d.select("ol.timeline > li .tl-text").first().text());
            assertEquals(2, d.select("nav.timeline-pages").size(), "above and below the entries");
            assertTrue(d.selectFirst("nav.timeline-pages").text().startsWith("Entries 1–1000 of 2502 (page 1 of 3)."),
                    d.selectFirst("nav.timeline-pages").text());
            assertNull(d.selectFirst("nav.timeline-pages a[rel=prev]"));
            assertEquals("/incidents/" + OLD + "?timeline=2#timeline", d.selectFirst("nav.timeline-pages a[rel=next]").attr("href"));
            assertNotNull(d.selectFirst("nav.timeline-pages a[href=/incidents/" + OLD + ".md]"), "the whole text, as a file");
            assertEquals(200, app.get("/incidents/" + OLD + ".md").statusCode());

            Document last = app.page("/incidents/" + OLD + "?timeline=3");
            assertEquals(TOTAL - 2_000, last.select("ol.timeline > li").size());
            assertEquals("2001", last.selectFirst("ol.timeline").attr("start"));
            assertEquals("tl-2000", last.selectFirst("ol.timeline > li").id());
            assertEquals("entry 2499", last.select("ol.timeline > li .tl-text").last().text());
            assertEquals("/incidents/" + OLD + "?timeline=2#timeline", last.selectFirst("nav.timeline-pages a[rel=prev]").attr("href"));
            assertNull(last.selectFirst("nav.timeline-pages a[rel=next]"));

            assertEquals(ids(last), ids(app.page("/incidents/" + OLD + "?timeline=99")), "past the end: the last page");
            assertEquals(ids(d), ids(app.page("/incidents/" + OLD + "?timeline=x%27")), "not a number: the first page");

            JsonNode api = json.readTree(app.get("/api/incidents/" + OLD + "?timeline=2").body());
            assertEquals(1_000, api.get("timeline").size());
            assertEquals("entry 998", api.get("timeline").get(0).get("text").asText());
            assertEquals(TOTAL, api.get("timelinePage").get("total").asInt());
            assertEquals(2, api.get("timelinePage").get("page").asInt());
            assertEquals(3, api.get("timelinePage").get("next").asInt());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_timeline_within_the_cap_is_shown_whole_without_page_links(String kind) throws Exception {
        try (TestApp app = TestApp.start(TestDatabases.config(kind, TestApp.FIXTURES))) {
            Document d = app.page("/incidents/fixture-pool-leak?timeline=2");
            assertEquals(4, d.select("ol.timeline > li").size());
            assertTrue(d.select("nav.timeline-pages").isEmpty());
            assertFalse(d.selectFirst("ol.timeline").hasAttr("start"));
            JsonNode api = json.readTree(app.get("/api/incidents/fixture-pool-leak").body());
            assertEquals(4, api.get("timeline").size());
            assertFalse(api.has("timelinePage"));
        }
    }

    /** Appends entries 0..ADDED-1 ("entry N", a minute apart) after the two the file has, as an uncapped save did. */
    private static void growTimeline(Jdbi jdbi) {
        jdbi.useHandle(h -> {
            String start = h.createQuery("SELECT at_time FROM timeline_entries WHERE incident_id = :id AND position = 1")
                    .bind("id", OLD).mapTo(String.class).one();
            OffsetDateTime at = OffsetDateTime.parse(start);
            var batch = h.prepareBatch("INSERT INTO timeline_entries (incident_id, position, at_time, kind, text, html)"
                    + " VALUES (:id, :position, :at, 'note', :text, :html)");
            for (int i = 0; i < ADDED; i++) {
                batch.bind("id", OLD).bind("position", i + 2).bind("at", at.plusMinutes(i + 1).toString())
                        .bind("text", "entry " + i).bind("html", "entry " + i).add();
            }
            batch.execute();
        });
    }

    private static java.util.List<String> ids(Document d) {
        return d.select("ol.timeline > li").eachAttr("id");
    }
}
