package kb.search;

import com.fasterxml.jackson.databind.JsonNode;
import kb.TestApp;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static kb.search.SearchApps.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Did you mean" on {@code /search} and in {@code /api/search}, over HTTP on the search fixtures. */
class DidYouMeanTest {

    static TestApp app;

    @BeforeAll
    static void start() {
        app = SearchApps.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** {@code /api/search} for {@code q} with {@code filters} ("service=search&..."; "" for none). */
    static JsonNode api(String q, String filters) {
        return SearchApps.api(app, q, filters);
    }

    static JsonNode suggestion(String q) {
        return api(q, "").get("suggestion");
    }

    @Test
    void a_misspelt_word_that_finds_nothing_gets_the_word_the_index_holds_written_as_a_word() {
        JsonNode body = api("conection", "");
        assertEquals(0, body.get("total").asInt());
        JsonNode s = body.get("suggestion");
        assertEquals("connection", s.get("query").asText(), "the stem 'connect' given back the typed ending");
        assertEquals(api("connection", "").get("total").asLong(), s.get("total").asLong());
        assertTrue(s.get("total").asLong() > 0);
        assertEquals("/search?q=connection", s.get("url").asText());
        // every word of a query is looked at; the right ones stay as typed
        assertEquals("connection pool", suggestion("conection pool").get("query").asText());
        assertEquals("\"connection pool\"", suggestion("\"conection pool\"").get("query").asText(), "a phrase stays one");
        // no ending typed past the stem: the word as a postmortem wrote it, not the stem 'deadlin'
        assertEquals("deadline", suggestion("deadlok").get("query").asText());
    }

    @Test
    void the_page_shows_it_as_a_link_that_runs_the_corrected_query_with_the_same_filters() {
        assertEquals(0, api("dedline", "").get("total").asInt());
        Document d = app.page("/search?q=dedline&service=search&sort=date");
        Element dym = d.selectFirst("#did-you-mean");
        assertNotNull(dym, d.select("main").outerHtml());
        assertEquals("deadline", dym.selectFirst("a").text());
        String href = dym.selectFirst("a").attr("href");
        assertTrue(href.contains("service=search") && href.contains("sort=date") && href.contains("q=deadline"), href);
        Document corrected = app.page(href);
        assertEquals(List.of("search-deadline-missing"), corrected.select("li.hit").eachAttr("data-id"),
                "the filter still applies: mobile-push-slow-vendor has the word too");
        assertTrue(dym.text().contains("(1 incident with the same filters)"), dym.text());
        assertEquals(1, api("dedline", "service=search").at("/suggestion/total").asInt());
    }

    @Test
    void chinese_words_are_never_corrected_into_other_characters() {
        assertEquals(0, api("火山", "").get("total").asInt());
        assertTrue(suggestion("火山").isNull(), "no CJK word is two edits from another in meaning");
        assertTrue(suggestion("数据库火山").isNull());
        // an English misspelling next to a Chinese word is corrected, the Chinese word kept as typed
        assertEquals(0, api("库存 servce", "").get("total").asInt());
        assertEquals("库存 service", suggestion("库存 servce").get("query").asText());
        assertTrue(app.page("/search?q=" + enc("火山")).select("#did-you-mean").isEmpty());
    }

    @Test
    void field_values_are_corrected_among_that_fields_values_and_years_are_left_alone() {
        assertEquals("service:inventory-service", suggestion("service:inventory-servce").get("query").asText());
        assertEquals("title:connection", suggestion("title:conection").get("query").asText());
        assertTrue(suggestion("year:2019").isNull(), "another year is not a spelling of this one");
        assertTrue(suggestion("-conection zzzqqq").isNull(), "an excluded word is what the user typed on purpose");
    }

    @Test
    void a_query_that_finds_enough_gets_no_suggestion() {
        assertTrue(api("connection", "").get("total").asInt() > 2);
        assertTrue(suggestion("connection").isNull());
        assertNull(app.page("/search?q=connection").selectFirst("#did-you-mean"));
    }

    @Test
    void a_misspelling_some_postmortem_holds_too_still_gets_the_common_spelling() throws Exception {
        try (TestApp own = SearchApps.start()) {
            String id = "game-day-drill";
            String original = own.get("/incidents/" + id + ".md").body();
            String edited = original.replace("## Root cause\n\n", "## Root cause\n\nThe conection to the standby was slow. ");
            assertEquals(200, SearchApps.put(own, id, edited, 1).statusCode());
            JsonNode body = SearchApps.api(own, "conection", "");
            assertEquals(List.of(id), SearchApps.ids(body), "the typo is in the index now: one incident, very little");
            JsonNode s = body.get("suggestion");
            assertEquals("connection", s.get("query").asText(), body.toString());
            assertTrue(s.get("total").asLong() > 1, "offered because it finds more");
        }
    }
}
