package kb.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import kb.TestApp;
import kb.accounts.Accounts;
import kb.accounts.Logins;
import kb.accounts.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One diff cannot make an unbounded review: findings are capped at write time and read page by page. */
class ReviewCapsTest {

    static TestApp app;
    static String token;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestApp.CONTENT);
        token = new Accounts(app.services.db().jdbi()).createToken(Logins.user(app, Role.EDITOR), "ci").token();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** A new Go file with {@code n} goroutines started without a recover: one finding each. */
    static String goroutines(int n) {
        StringBuilder body = new StringBuilder("+package work\n+\n+func Start() {\n");
        for (int i = 0; i < n; i++) {
            body.append("+\tgo func() { step").append(i).append("() }()\n");
        }
        body.append("+}\n");
        int lines = n + 4;
        return "diff --git a/work/start.go b/work/start.go\nnew file mode 100644\nindex 0000000..1111111\n"
                + "--- /dev/null\n+++ b/work/start.go\n@@ -0,0 +1," + lines + " @@\n" + body;
    }

    static HttpResponse<String> post(String diff) {
        return app.send(HttpRequest.newBuilder(URI.create(app.base + "/api/reviews"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/x-diff")
                .POST(HttpRequest.BodyPublishers.ofString(diff)).build());
    }

    @Test
    void a_diff_with_more_findings_than_the_cap_is_refused_with_the_count() throws Exception {
        int before = ReviewDiffs.JSON.readTree(app.get("/api/reviews").body()).size();
        HttpResponse<String> r = post(goroutines(SavedReviews.MAX_FINDINGS + 50));
        assertEquals(422, r.statusCode(), r.body());
        String message = ReviewDiffs.JSON.readTree(r.body()).path("message").asText();
        assertTrue(message.contains((SavedReviews.MAX_FINDINGS + 50) + " findings")
                && message.contains("at most " + SavedReviews.MAX_FINDINGS), message);
        assertEquals(before, ReviewDiffs.JSON.readTree(app.get("/api/reviews").body()).size(), "nothing stored");
    }

    @Test
    void a_review_with_many_findings_is_shown_a_page_at_a_time() throws Exception {
        HttpResponse<String> r = post(goroutines(250));
        assertEquals(201, r.statusCode(), r.body());
        long id = ReviewDiffs.JSON.readTree(r.body()).path("id").asLong();
        assertEquals(250, ReviewDiffs.JSON.readTree(r.body()).path("findings").size(), "the API keeps them all");

        Document first = app.page("/reviews/" + id);
        assertEquals(ReviewPages.FINDINGS_PER_PAGE, first.select("tr.finding").size());
        assertTrue(first.selectFirst("#findings-pager").text().contains("1–100 of 250"), first.selectFirst("#findings-pager").text());
        assertNull(first.selectFirst("#findings-pager a[rel=prev]"));
        assertNotNull(first.selectFirst("#findings-pager a[rel=next]"));

        Document last = app.page("/reviews/" + id + "?page=3");
        assertEquals(50, last.select("tr.finding").size());
        assertNull(last.selectFirst("#findings-pager a[rel=next]"));
        assertEquals("/reviews/" + id + "?page=2#findings", last.selectFirst("#findings-pager a[rel=prev]").attr("href"));
        assertEquals("250", last.selectFirst("#count-advice").text().isEmpty() ? "" : String.valueOf(
                Integer.parseInt(last.selectFirst("#count-blocker").text()) + Integer.parseInt(last.selectFirst("#count-warning").text())
                        + Integer.parseInt(last.selectFirst("#count-advice").text())), "the counts cover every page");
        assertEquals(50, app.page("/reviews/" + id + "?page=99").select("tr.finding").size(), "past the end: the last page");
    }
}
