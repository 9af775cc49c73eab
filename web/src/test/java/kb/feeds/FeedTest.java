package kb.feeds;

import kb.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Atom feeds checked against the RFC 4287 rules a feed reader relies on. */
class FeedTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(Path.of("web/src/test/resources/search/content").toAbsolutePath());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void the_feed_has_unique_ids_updated_times_authors_summaries_and_links() throws Exception {
        var r = app.get("/feed.atom");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
        Element feed = parse(r.body());
        assertEquals("feed", feed.getLocalName());
        assertEquals(ATOM, feed.getNamespaceURI());
        for (String required : List.of("id", "title", "updated")) {
            assertEquals(1, children(feed, required).size(), "feed has one " + required);
        }
        assertTrue(URI.create(text(feed, "id")).isAbsolute());
        OffsetDateTime.parse(text(feed, "updated"));
        assertTrue(children(feed, "link").stream().anyMatch(l -> l.getAttribute("rel").equals("self")));
        List<Element> entries = children(feed, "entry");
        assertEquals(34, entries.size());
        Set<String> ids = new HashSet<>();
        OffsetDateTime previous = null;
        for (Element e : entries) {
            assertTrue(ids.add(text(e, "id")), "entry ids are unique");
            assertFalse(text(e, "title").isBlank());
            OffsetDateTime updated = OffsetDateTime.parse(text(e, "updated"));
            assertTrue(previous == null || !updated.isAfter(previous), "newest first");
            previous = updated;
            OffsetDateTime.parse(text(e, "published"));
            assertFalse(children(e, "author").isEmpty(), "every entry has an author (or the feed has one)");
            assertNotNull(children(children(e, "author").get(0), "name").get(0));
            assertFalse(text(e, "summary").isBlank());
            Element link = children(e, "link").get(0);
            assertEquals("alternate", link.getAttribute("rel"));
            assertTrue(link.getAttribute("href").startsWith("http://localhost:7070/incidents/"));
        }
        assertTrue(ids.contains("tag:localhost,2024:incident/zh-cron-timezone"));
    }

    @Test
    void service_and_checklist_feeds_hold_only_their_incidents() throws Exception {
        Element feed = parse(app.get("/feeds/services/payment-api.atom").body());
        List<String> links = new ArrayList<>();
        children(feed, "entry").forEach(e -> links.add(children(e, "link").get(0).getAttribute("href")));
        assertEquals(Set.of("http://localhost:7070/incidents/pay-sql-open-per-call",
                "http://localhost:7070/incidents/deploy-drops-requests"), Set.copyOf(links));
        Element item = parse(app.get("/feeds/checklist/TIME-01.atom").body());
        assertEquals(3, children(item, "entry").size());
        assertEquals(0, children(parse(app.get("/feeds/services/nobody.atom").body()), "entry").size(),
                "an unknown service is an empty, valid feed");
    }

    @Test
    void an_unknown_checklist_item_has_no_feed_and_the_answer_says_so() {
        var r = app.get("/feeds/checklist/NOPE-99.atom");
        assertEquals(404, r.statusCode());
        String text = org.jsoup.Jsoup.parse(r.body()).text();
        assertTrue(text.contains("There is no checklist item 'NOPE-99'"), text);
    }

    @Test
    void a_service_name_of_any_characters_makes_a_valid_self_link_and_id() throws Exception {
        Element feed = parse(app.get("/feeds/services/" + "a%20b%3Cc" + ".atom").body());
        Element self = children(feed, "link").stream().filter(l -> l.getAttribute("rel").equals("self")).findFirst().orElseThrow();
        assertEquals("http://localhost:7070/feeds/services/a%20b%3Cc.atom", self.getAttribute("href"));
        URI.create(self.getAttribute("href"));
        assertEquals("tag:localhost,2024:feed/feeds/services/a%20b%3Cc.atom", children(feed, "id").get(0).getTextContent());
        assertEquals("Postmortems of a b<c · Postmortem KB", children(feed, "title").get(0).getTextContent());
    }

    @Test
    void the_pages_a_feed_follows_point_feed_readers_and_people_to_it() {
        org.jsoup.nodes.Document list = app.page("/incidents?service=payment-api");
        assertEquals("/feeds/services/payment-api.atom",
                list.select("link[rel=alternate][type=application/atom+xml][title='Postmortems of payment-api']").attr("href"));
        assertEquals("/feeds/services/payment-api.atom", list.select("#result-count a.feed-link").attr("href"));
        org.jsoup.nodes.Document item = app.page("/checklist/TIME-01");
        assertEquals("/feeds/checklist/TIME-01.atom",
                item.select("link[rel=alternate][title='Postmortems behind TIME-01']").attr("href"));
        assertEquals(1, app.page("/incidents").select("link[rel=alternate]").size(), "the list of all incidents: the main feed");
        assertEquals(1, app.page("/incidents?service=payment-api&service=billing").select("link[rel=alternate]").size(),
                "two services have no single feed");
    }

    private static Element parse(String xml) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return d.getDocumentElement();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ATOM.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        return children(parent, name).get(0).getTextContent();
    }
}
