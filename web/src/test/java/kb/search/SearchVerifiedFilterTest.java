package kb.search;

import com.fasterxml.jackson.databind.JsonNode;
import kb.TestApp;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static kb.search.SearchApps.api;
import static kb.search.SearchApps.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Has verified reproduction" in search: a filter ({@code verified=true}) that combines with the query and the other
 * filters, and a facet count, on the fixture content where one incident has runnable reproductions.
 */
class SearchVerifiedFilterTest {

    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestApp.FIXTURES);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Records a passing run for every runnable block of {@code id}, as the sandbox does after a Run. */
    static void pass(String id) {
        app.services.db().jdbi().useHandle(h -> {
            List<Long> blocks = h.createQuery("SELECT id FROM code_blocks WHERE incident_id = :id AND runnable = TRUE")
                    .bind("id", id).mapTo(Long.class).list();
            assertTrue(blocks.size() >= 2, "the fixture has a before and an after block");
            for (long b : blocks) {
                h.createUpdate("INSERT INTO run_results (cache_key, code_block_id, incident_id, status, passed, body, created_at)"
                        + " VALUES (:k, :b, :id, 'ok', TRUE, '{}', :t)").bind("k", "test-" + b).bind("b", b).bind("id", id)
                        .bind("t", OffsetDateTime.now()).execute();
            }
        });
    }

    @Test
    void verified_true_keeps_only_incidents_whose_reproductions_pass_and_combines_with_query_and_filters() throws Exception {
        JsonNode before = api(app, "", "verified=true");
        assertEquals(0, before.get("total").asInt(), "nothing has run yet");
        assertEquals(0, api(app, "", "").at("/facets/verified").size());

        pass("fixture-pool-leak");
        Thread.sleep(1_100); // the verified set is re-read after a second
        assertEquals(List.of("fixture-pool-leak"), ids(api(app, "", "verified=true")));
        assertEquals(List.of("fixture-pool-leak"), ids(api(app, "pool", "verified=true&severity=P1")));
        assertEquals(0, api(app, "pool", "verified=true&severity=P3").get("total").asInt(), "AND with the other filters");
        assertEquals(0, api(app, "deadline", "verified=true").get("total").asInt(), "AND with the query");
        assertTrue(ids(api(app, "", "")).contains("fixture-old-timeout"), "without the filter both are found");

        JsonNode facet = api(app, "", "").at("/facets/verified");
        assertEquals(1, facet.size());
        assertEquals("true", facet.get(0).get("value").asText());
        assertEquals(1, facet.get(0).get("count").asInt());

        Document page = app.page("/search?q=pool");
        var link = page.select("aside.facets a[href*=verified=true]");
        assertEquals("verified", link.text());
        Document filtered = app.page(link.attr("href"));
        assertEquals(List.of("fixture-pool-leak"), filtered.select("li.hit").eachAttr("data-id"));
        assertTrue(filtered.select("p.active-filters").text().contains("verified: true"));
    }

    @Test
    void a_verified_value_other_than_true_or_false_is_a_400_naming_it() {
        var r = app.get("/api/search?q=pool&verified=yes");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("verified must be 'true' or 'false'"), r.body());
        assertEquals(200, app.get("/api/search?q=pool&verified=false").statusCode());
    }
}
