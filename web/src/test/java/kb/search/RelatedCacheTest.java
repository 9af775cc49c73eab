package kb.search;

import com.fasterxml.jackson.databind.JsonNode;
import kb.TestApp;
import kb.system.Web;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Remembered related lists never show a changed incident as it was, and age out after their bound. */
class RelatedCacheTest {

    private static final List<Related> LIST = List.of(
            new Related("b", "B", "P1", 3.0, List.of("also RES-01")),
            new Related("c", "C", "P2", 1.5, List.of("same service api")));

    private final AtomicLong now = new AtomicLong();
    private final RelatedCache cache = new RelatedCache(Duration.ofSeconds(60), now::get);

    @Test
    void a_list_is_kept_until_its_bound_and_then_recomputed() {
        cache.put("a", false, 5, cache.epoch(), LIST);
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertEquals(LIST, cache.get("a", false, 5));
        assertNull(cache.get("a", true, 5), "drafts shown or not are different lists");
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertNull(cache.get("a", false, 5));
    }

    @Test
    void a_change_drops_the_incidents_own_list_and_every_list_that_shows_it() {
        cache.put("a", false, 5, cache.epoch(), LIST);
        cache.put("b", false, 5, cache.epoch(), List.of());
        cache.put("d", false, 5, cache.epoch(), List.of(new Related("e", "E", "P3", 2, List.of())));
        cache.changed(Set.of("c"));
        assertNull(cache.get("a", false, 5), "a shows c, whose title or state may have changed");
        assertNotNull(cache.get("b", false, 5));
        cache.changed(Set.of("b"));
        assertNull(cache.get("b", false, 5));
        assertNotNull(cache.get("d", false, 5));
        cache.changed(null);
        assertNull(cache.get("d", false, 5), "a rebuild drops everything");
    }

    @Test
    void a_list_computed_across_a_change_is_not_kept() {
        long before = cache.epoch();
        cache.changed(Set.of("z"));
        cache.put("a", false, 5, before, LIST);
        assertNull(cache.get("a", false, 5));
    }

    @Test
    void an_edited_related_incident_shows_its_new_title_on_the_next_page() throws IOException {
        try (TestApp app = SearchApps.start()) {
            String id = "pay-sql-open-per-call";
            String other = "orders-db-pool-per-request";
            assertEquals("Order service exhausted PostgreSQL connections during the sale", title(app, id, other));
            String markdown = app.get("/incidents/" + other + ".md").body();
            HttpResponse<String> put = SearchApps.put(app, other, markdown.replace(
                    "title: Order service exhausted", "title: Order service used up"), 1);
            assertEquals(200, put.statusCode(), put.body());
            assertEquals("Order service used up PostgreSQL connections during the sale", title(app, id, other));
        }
    }

    private static String title(TestApp app, String id, String other) throws IOException {
        JsonNode related = Web.objectMapper().readTree(app.get("/api/incidents/" + id + "/related").body()).get("related");
        for (JsonNode r : related) {
            if (r.get("id").asText().equals(other)) {
                return r.get("title").asText();
            }
        }
        throw new AssertionError(other + " is not related to " + id + ": " + related);
    }
}
