package kb.search;

import com.fasterxml.jackson.databind.JsonNode;
import kb.TestApp;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static kb.search.SearchApps.api;
import static kb.search.SearchApps.enc;
import static kb.search.SearchApps.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Search over the 32-incident fixture set, through the real app's page and API. */
class SearchTest {

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
    void a_two_character_chinese_query_finds_the_postmortem_written_in_chinese() {
        assertEquals("zh-inventory-pool", ids(app, "耗尽").get(0));
        assertTrue(ids(app, "超时").contains("zh-gateway-timeout"), ids(app, "超时").toString());
        // the bigram must match as a unit: 时区 (time zone) appears only in the cron postmortem
        assertEquals(List.of("zh-cron-timezone"), ids(app, "时区"));
    }

    @Test
    void a_one_character_chinese_query_still_finds_it() {
        List<String> hits = ids(app, "池");
        assertTrue(hits.contains("zh-inventory-pool"), hits.toString());
        assertTrue(hits.contains("zh-gateway-timeout"), "线程池 has the character too: " + hits);
        assertFalse(hits.contains("pay-sql-open-per-call"), hits.toString());
    }

    @Test
    void a_longer_chinese_query_matches_its_characters_in_order() {
        assertEquals(List.of("zh-inventory-pool"), ids(app, "数据库连接池"));
        assertEquals(List.of(), ids(app, "池连接"), "the same characters in another order are another word");
    }

    @Test
    void full_width_and_upper_case_letters_match_their_plain_form() {
        assertEquals(ids(app, "sigterm"), ids(app, "ＳＩＧＴＥＲＭ"));
        assertTrue(ids(app, "SIGTERM").contains("deploy-drops-requests"));
    }

    @Test
    void english_words_match_other_forms_of_the_same_word() {
        assertTrue(ids(app, "leaks").contains("proxy-body-leak"), "leaking in the root cause");
        assertTrue(ids(app, "retried").contains("circuit-breaker-missing"));
    }

    @Test
    void a_word_in_the_title_ranks_above_the_same_word_in_other_sections() {
        // caches: title and root cause of one; "cached" only in the timeline of the other
        assertEquals(List.of("readiness-probe-lies", "orders-db-pool-per-request"), ids(app, "cache"));
        // deadline: root cause and action item of one, timeline of the other, root cause of a third
        List<String> hits = ids(app, "deadline");
        assertEquals(Set.of("search-deadline-missing", "mobile-push-slow-vendor"), Set.copyOf(hits));
    }

    @Test
    void a_phrase_matches_only_its_words_in_order() {
        List<String> phrase = ids(app, "\"open files\"");
        assertTrue(phrase.containsAll(List.of("crawler-defer-in-loop", "webhook-fd-exhaustion", "proxy-body-leak")),
                phrase.toString());
        assertEquals(List.of(), ids(app, "\"files open\""));
        assertFalse(ids(app, "\"connection pool\"").contains("checkout-no-timeout"));
    }

    @Test
    void excluded_words_and_labels_remove_their_incidents() {
        assertTrue(ids(app, "timeout").contains("checkout-no-timeout"));
        List<String> withoutJava = ids(app, "timeout -tag:java");
        assertFalse(withoutJava.contains("checkout-no-timeout"), withoutJava.toString());
        assertFalse(withoutJava.isEmpty());
        assertFalse(ids(app, "timeout -fraud").contains("checkout-no-timeout"));
    }

    @Test
    void field_values_match_exact_labels_in_any_case() {
        Set<String> expected = Set.of("pay-sql-open-per-call", "orders-db-pool-per-request", "zh-inventory-pool");
        assertEquals(expected, Set.copyOf(ids(app, "checklist:RES-04")));
        assertEquals(expected, Set.copyOf(ids(app, "checklist:res-04")));
        assertEquals(List.of("pay-sql-open-per-call"), ids(app, "id:pay-sql-open-per-call"));
        assertEquals(Set.of("deploy-drops-requests", "pay-sql-open-per-call"), Set.copyOf(ids(app, "service:payment-api")));
        assertEquals(List.of("readiness-probe-lies"), ids(app, "title:caches"));
    }

    @Test
    void malformed_queries_fall_back_to_plain_words_and_say_so() {
        JsonNode unclosed = api(app, "\"open files", "");
        assertFalse(ids(unclosed).isEmpty());
        assertTrue(unclosed.get("notices").get(0).asText().contains("not closed"), unclosed.toString());

        JsonNode unknown = api(app, "colour:blue timeout", "");
        assertTrue(unknown.get("notices").get(0).asText().contains("no field 'colour'"), unknown.toString());

        for (String q : List.of("((", "tag:", "-", "\"", "AND OR NOT", "*", "?", "a:b:c", "title:\"", "\\", "''''",
                "id:\"unterminated", "-\"\"", "x".repeat(5000), "tag:go)(", "{!lucene}x", "🙂")) {
            var r = app.get("/search?q=" + enc(q));
            assertEquals(200, r.statusCode(), "query " + q + ": " + r.body());
            assertEquals(200, app.get("/api/search?q=" + enc(q)).statusCode(), q);
        }
        // a stop word is too common; a symbol has nothing to search: each is said as what it is
        assertEquals("Too common to search for: AND.", api(app, "AND", "").get("notices").get(0).asText());
        JsonNode symbol = api(app, "title:( timeout", "");
        assertEquals(List.of("Left out, as it has no letter or digit to search for: (."),
                List.of(symbol.get("notices").get(0).asText()), symbol.toString());
        assertFalse(ids(symbol).isEmpty(), "the words around it are still searched");
        // a NUL is refused at the door like in every other input, naming the parameter
        assertEquals(400, app.get("/search?q=" + enc("\u0000")).statusCode());
        assertEquals(400, app.get("/api/search?q=" + enc("\u0000")).statusCode());
        Document page = app.page("/search?q=" + enc("\"open files"));
        assertNotNull(page.selectFirst("p.notice"), "the page tells the user");
    }

    @Test
    void filters_combine_with_the_query_and_bad_filters_name_the_parameter() {
        assertEquals(Set.of("zh-gateway-timeout"), Set.copyOf(ids(api(app, "timeout 超时", "severity=P0"))));
        JsonNode p1 = api(app, "connections", "severity=P1&size=50");
        assertTrue(ids(p1).containsAll(List.of("orders-db-pool-per-request", "zh-inventory-pool")), p1.toString());
        p1.get("hits").forEach(h -> assertEquals("P1", h.get("severity").asText(), h.toString()));
        assertTrue(ids(app, "connections").contains("pay-sql-open-per-call"), "a P0 without the filter");
        assertEquals(List.of("checkout-no-timeout"), ids(api(app, "timeouts", "service=fraud-api")));
        assertEquals(Set.of("zh-cron-timezone", "billing-dst-double-charge"),
                Set.copyOf(ids(api(app, "", "checklist=TIME-01&severity=P1"))));
        assertEquals(List.of("report-utc-midnight"), ids(api(app, "", "checklist=TIME-01&year=2024&category=data-integrity&tag=sql")));
        var bad = app.get("/api/search?q=x&severity=P9");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("severity"), bad.body());
        assertEquals(400, app.get("/api/search?q=x&year=twenty").statusCode());
        assertEquals(400, app.get("/api/search?q=x&page=0").statusCode());
    }

    @Test
    void hits_carry_id_title_severity_start_score_and_a_highlighted_snippet() {
        JsonNode r = api(app, "sigterm", "");
        JsonNode hit = r.get("hits").get(0);
        assertEquals("deploy-drops-requests", hit.get("id").asText());
        assertEquals("Every deploy dropped in-flight payments", hit.get("title").asText());
        assertEquals("P2", hit.get("severity").asText());
        assertTrue(hit.get("started").asText().startsWith("2024-05-05T15:00"), hit.toString());
        assertTrue(hit.get("score").asDouble() > 0);
        assertTrue(hit.get("snippet").asText().contains("<mark>SIGTERM</mark>"), hit.toString());
    }

    @Test
    void facet_counts_cover_every_match_not_just_the_page() {
        JsonNode r = api(app, "timeout", "size=1");
        long total = r.get("total").asLong();
        assertTrue(total >= 4, r.toString());
        int sum = 0;
        for (JsonNode f : r.get("facets").get("severity")) {
            sum += f.get("count").asInt();
        }
        assertEquals(total, sum, "every incident has one severity");
        assertEquals(1, r.get("hits").size());
        Document page = app.page("/search?q=timeout&size=1");
        Element next = page.selectFirst("a[rel=next]");
        assertNotNull(next);
        Document second = app.page(next.attr("href"));
        assertEquals(1, second.select("li.hit").size());
        assertFalse(page.selectFirst("li.hit").attr("data-id").equals(second.selectFirst("li.hit").attr("data-id")));
        assertFalse(page.select(".facets a").isEmpty());
    }

    @Test
    void an_empty_result_suggests_what_would_find_something() {
        Document page = app.page("/search?q=" + enc("sigterm kubernetesxyz"));
        assertNotNull(page.selectFirst("section.empty"));
        List<String> suggestions = page.select("section.empty li a").eachText();
        assertTrue(suggestions.contains("sigterm"), suggestions.toString());
        Document filtered = app.page("/search?q=sigterm&severity=P0");
        assertTrue(filtered.select("section.empty li a").eachText().stream().anyMatch(s -> s.contains("without filters")));
    }

    @Test
    void every_page_has_a_search_box_in_its_header() {
        for (String path : List.of("/", "/incidents", "/checklist", "/incidents/zh-cron-timezone", "/search?q=x")) {
            Element form = app.page(path).selectFirst("header form[role=search][action=/search]");
            assertNotNull(form, path);
            assertNotNull(form.selectFirst("input[type=search][name=q]"), path);
        }
        assertEquals("时区", app.page("/search?q=" + enc("时区")).selectFirst("header input[name=q]").val());
    }

    @Test
    void what_the_user_typed_and_the_content_are_escaped_in_results() {
        Document page = app.page("/search?q=" + enc("<script>alert(1)</script> sigterm"));
        assertTrue(page.select("script").stream().noneMatch(s -> s.data().contains("alert(1)")));
        Set<String> marks = page.select("li.hit mark").eachText().stream().collect(Collectors.toSet());
        assertTrue(marks.isEmpty() || marks.stream().allMatch(m -> !m.contains("<")), marks.toString());
    }

    @Test
    void a_page_past_the_end_of_the_results_says_where_they_end() {
        Document d = app.page("/search?q=timeout&page=60");
        assertTrue(d.select("ol.hit-list li").isEmpty());
        Element past = d.selectFirst("#past-end");
        assertNotNull(past, d.select("main").outerHtml());
        assertTrue(past.text().startsWith("There is no page 60: the "), past.text());
        assertTrue(past.text().contains("results end on page 1."), past.text());
        assertEquals("/search?q=timeout", past.selectFirst("a").attr("href"));
        assertEquals("/search?q=timeout", d.selectFirst("a[rel=prev]").attr("href"));
        assertTrue(app.page("/search?q=timeout").select("#past-end").isEmpty());
        assertTrue(app.page("/search?q=zzzqqqx&page=3").select("#past-end").isEmpty(), "no match at all is the empty state");
    }
}
