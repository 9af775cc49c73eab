package kb.ui;

import kb.TestApp;
import kb.accounts.Logins;
import kb.accounts.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server-rendered parts of the reading pages (no JavaScript needed), on the bundled content. */
class PageStructureTest {

    static final String INCIDENT = "/incidents/payment-502-sql-open-per-call";
    static TestApp app;
    static Logins.Login admin;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestApp.CONTENT);
        admin = Logins.sessionCookie(app, Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void the_table_of_contents_links_every_section_and_every_heading_links_to_itself() {
        Document d = app.page(INCIDENT);
        List<String> toc = d.select("nav.toc a").eachAttr("href");
        List<String> sections = d.select("section.section").eachAttr("id").stream().map(id -> "#" + id).toList();
        assertEquals(sections, toc);
        assertTrue(sections.size() > 5, sections.toString());
        for (Element h : d.select("section.section > h2")) {
            assertEquals("#" + h.parent().id(), h.selectFirst("a.anchor").attr("href"));
        }
    }

    @Test
    void the_timeline_axis_places_every_entry_in_time_order_and_marks_detect_mitigate_resolve() {
        Document d = app.page(INCIDENT);
        List<Element> marks = d.select(".axis .axis-mark");
        List<Element> entries = d.select("ol.timeline > li");
        assertEquals(entries.size(), marks.size());
        double previous = -1;
        for (int i = 0; i < marks.size(); i++) {
            Element entry = d.getElementById(marks.get(i).attr("href").substring(1));
            assertNotNull(entry, "mark " + i + " links to its entry");
            double left = Double.parseDouble(marks.get(i).attr("style").replaceAll(".*left:([0-9.]+)%.*", "$1"));
            assertTrue(left >= 0 && left <= 100, "left " + left);
            assertTrue(left >= previous, "the entries of this incident are listed in time order, so are the marks");
            previous = left;
        }
        assertEquals(100.0, previous, "the last entry (the resolution) ends the axis");
        assertEquals("Time to detect " + d.getElementById("ttd").text(), d.select(".axis-span.ttd .lbl").text());
        assertEquals("Time to resolve " + d.getElementById("ttr").text(), d.select(".axis-span.ttr .lbl").text());
        assertFalse(d.select(".axis .axis-gap").isEmpty(), "the quiet day before the resolution shows as a gap");
    }

    @Test
    void before_and_after_read_as_one_diff_holding_every_line_of_both_with_the_run_slot_above_the_code() {
        Document d = app.page(INCIDENT);
        Element pair = d.selectFirst(".run-pair[data-view=diff]");
        assertNotNull(pair);
        String before = pair.selectFirst("figure[data-role=before] pre").wholeText();
        String after = pair.selectFirst("figure[data-role=after] pre").wholeText();
        List<String> oldSide = new ArrayList<>();
        List<String> newSide = new ArrayList<>();
        for (Element row : pair.select(".code-diff .dl")) {
            String text = row.selectFirst(".tx").wholeText();
            if (!row.hasClass("dl-add")) {
                oldSide.add(text);
            }
            if (!row.hasClass("dl-del")) {
                newSide.add(text);
            }
        }
        assertEquals(before.strip(), String.join("\n", oldSide).strip());
        assertEquals(after.strip(), String.join("\n", newSide).strip());
        assertFalse(pair.select(".dl-add").isEmpty());
        assertFalse(pair.select(".dl-del").isEmpty());
        for (Element figure : pair.select("figure.runnable")) {
            assertEquals("run-slot", figure.child(1).className(), "the result slot comes before the code");
        }
    }

    @Test
    void a_review_shows_its_diff_with_each_finding_under_the_line_it_is_about() {
        String path = PagesBrowserTest.createReview(app, admin);
        Document d = Jsoup.parse(Logins.get(app, admin, path).body());
        Element finding = d.selectFirst(".review-file .inline-finding[data-item=RES-02]");
        assertNotNull(finding, d.select(".review-file").outerHtml());
        String where = d.selectFirst("#findings tr.finding[data-item=RES-02] .where code").text();
        Element line = finding.parent().previousElementSibling();
        assertEquals(where, "client/fetch.go:" + line.select(".ln").get(1).text(), "the finding sits under its line");
        assertTrue(line.selectFirst(".tx").text().contains("http.Get(url)"), line.text());
        assertNotNull(finding.selectFirst("a[href=/checklist/RES-02]"));
        assertNotNull(finding.selectFirst("a.incident-link[href^=/incidents/]"), "the incident behind the item is linked");
        assertTrue(finding.selectFirst("details.fix").text().contains("defer resp.Body.Close()"), "the fix is suggested");
        assertEquals(d.select("#findings tr.finding").size(), d.select(".inline-finding").size(),
                "every finding of this diff lands on a shown line");
    }

    @Test
    void admin_redirects_to_the_users_page() {
        HttpResponse<String> r = Logins.get(app, admin, "/admin");
        assertEquals(302, r.statusCode());
        assertEquals("/admin/users", r.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void history_shows_readable_times_with_the_exact_time_for_machines() {
        Document d = Jsoup.parse(Logins.get(app, admin, INCIDENT + "/history").body());
        Element time = d.selectFirst(".revision time");
        assertTrue(time.attr("datetime").matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), time.attr("datetime"));
        assertTrue(time.text().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d(:\\d\\d)? UTC"), time.text());
    }

    @Test
    void the_footer_labels_the_request_id_instead_of_showing_it_bare() {
        Element footer = app.page("/").selectFirst("footer");
        assertTrue(footer.text().contains("request id " + footer.selectFirst(".request-id").text()), footer.text());
    }

    @Test
    void active_filters_show_as_chips_that_each_remove_one_filter() {
        Document d = app.page("/incidents?severity=P0&tag=go");
        List<String> removals = d.select(".active-filters a").eachAttr("href");
        assertEquals(List.of("/incidents?tag=go", "/incidents?severity=P0"), removals);
        assertEquals(List.of("severity: P0 ×", "tag: go ×"), d.select(".active-filters a").eachText());
    }

    @Test
    void empty_lists_say_what_to_do_next() {
        Document none = app.page("/incidents?tag=no-such-tag");
        assertEquals("/incidents", none.selectFirst("td.empty a.button").attr("href"));
        try (TestApp fresh = TestApp.start(TestApp.FIXTURES)) {
            Document reviews = Jsoup.parse(Logins.get(fresh, Logins.sessionCookie(fresh, Role.EDITOR), "/reviews").body());
            assertEquals("/reviews/new", reviews.selectFirst("td.empty a.button").attr("href"));
        }
    }
}
