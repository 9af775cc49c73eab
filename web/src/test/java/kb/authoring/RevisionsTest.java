package kb.authoring;

import kb.TestApp;
import kb.incidents.Parts.Revision;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Editing an existing incident: exact source in the editor, new revisions, stale saves, history and restore. */
class RevisionsTest {

    static final String ID = "fixture-pool-leak";
    TestApp app;

    @BeforeEach
    void start() {
        app = Editors.start(TestApp.FIXTURES);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void the_editor_opens_the_current_revisions_exact_source_and_saving_adds_a_revision() {
        Document form = Editors.page(app, "/incidents/" + ID + "/edit", 200);
        String source = revision(1).source();
        assertEquals(source, Editors.textarea(form));
        assertEquals("1", form.selectFirst("input[name=baseRevision]").val());

        String edited = source.replace("severity: P1", "severity: P0");
        HttpResponse<String> r = Editors.submit(app, "/incidents/" + ID + "/edit", edited, "save", 1);
        assertEquals(303, r.statusCode(), r.body());
        Revision two = revision(2);
        assertEquals("edit", two.origin());
        assertEquals("alice", two.author());
        assertEquals(edited, two.source());
        assertEquals("P0", app.page("/incidents/" + ID).selectFirst("h1 .sev").text());
    }

    @Test
    void stale_edit_is_rejected_and_keeps_the_authors_text() {
        String source = revision(1).source();
        String bobs = source.replace("Rollback finished", "Rollback finished on all nodes");
        assertEquals(303, Editors.submit(app, "/incidents/" + ID + "/edit", bobs, "save", 1).statusCode());

        String mine = (source.replace("Cap the pool at 50", "Cap the pool at 40") + "\nMy extra paragraph  \n").replace("\n", "\r\n");
        HttpResponse<String> r = Editors.submit(app, "/incidents/" + ID + "/edit", mine, "save", 1);
        assertEquals(409, r.statusCode());
        Document d = Jsoup.parse(r.body());
        assertEquals(mine, Editors.textarea(d), "my text, byte for byte");
        assertEquals(bobs, Editors.textarea(d, "current-text"), "the newer revision, to merge from");
        assertEquals("2", d.selectFirst("input[name=baseRevision]").val(), "saving again is based on what I have now seen");
        List<String> added = d.select("#stale pre.diff .diff-add").eachText();
        List<String> removed = d.select("#stale pre.diff .diff-del").eachText();
        assertTrue(added.contains("+- [x] Cap the pool at 40 (owner: bob, type: mitigate)"), added.toString());
        assertTrue(removed.contains("-- 02:40 [mitigate] Rollback finished on all nodes"), removed.toString());
        assertTrue(d.getElementById("notice").text().contains("Nothing was overwritten"));
        assertEquals(bobs, revision(2).source(), "nothing was overwritten");
        assertEquals(2, dao().revisions(ID).size());

        HttpResponse<String> merged = Editors.submit(app, "/incidents/" + ID + "/edit", mine, "save", 2);
        assertEquals(303, merged.statusCode());
        assertEquals(3, dao().header(ID).orElseThrow().currentRevision());
    }

    @Test
    void history_lists_every_revision_with_author_origin_and_diff() {
        String source = revision(1).source();
        String two = source.replace("An exception path skipped `close()`.", "An exception path skipped `close()` <b>twice</b>.");
        assertEquals(303, Editors.submit(app, "/incidents/" + ID + "/edit", two, "save", 1).statusCode());

        Document d = Editors.page(app, "/incidents/" + ID + "/history", 200);
        List<Element> revisions = d.select("li.revision");
        assertEquals(List.of("2", "1"), revisions.stream().map(e -> e.attr("data-revision")).toList());
        assertEquals("alice", revisions.get(0).selectFirst(".author").text());
        assertEquals("edit", revisions.get(0).selectFirst(".origin").text());
        assertEquals("content", revisions.get(1).selectFirst(".author").text());
        assertEquals("import", revisions.get(1).selectFirst(".origin").text());
        assertEquals(List.of("+An exception path skipped `close()` <b>twice</b>."),
                revisions.get(0).select(".diff-add").eachText(), "the diff is text, not markup");
        assertEquals(List.of("-An exception path skipped `close()`."), revisions.get(0).select(".diff-del").eachText());
        assertTrue(revisions.get(0).select("b").isEmpty());
        kb.accounts.Logins.assertSentToSignIn(app.get("/incidents/" + ID + "/history"), "/incidents/" + ID + "/history");
    }

    @Test
    void restoring_an_old_revision_adds_a_new_revision_with_its_text() {
        String source = revision(1).source();
        assertEquals(303, Editors.submit(app, "/incidents/" + ID + "/edit", source.replace("P1", "P3"), "save", 1).statusCode());
        Document history = Editors.page(app, "/incidents/" + ID + "/history", 200);
        Element form = history.selectFirst("li.revision[data-revision=1] form.restore");
        assertNotNull(form);
        assertEquals("2", form.selectFirst("input[name=baseRevision]").val());

        HttpResponse<String> r = Editors.postForm(app, form.attr("action"), Map.of("_csrf", "", "baseRevision", "2"), "alice");
        assertEquals(303, r.statusCode(), r.body());
        Revision three = revision(3);
        assertEquals("restore", three.origin());
        assertEquals(source, three.source());
        assertEquals("P1", app.page("/incidents/" + ID).selectFirst("h1 .sev").text());
        assertEquals(3, dao().revisions(ID).size(), "the history keeps every revision");

        HttpResponse<String> stale = Editors.postForm(app, form.attr("action"), Map.of("_csrf", "", "baseRevision", "2"), "alice");
        assertEquals(409, stale.statusCode());
        assertEquals(3, dao().revisions(ID).size(), "a restore based on an old page restores nothing");
    }

    @Test
    void any_revision_can_be_downloaded_as_markdown() {
        String source = revision(1).source();
        assertEquals(303, Editors.submit(app, "/incidents/" + ID + "/edit", source.replace("P1", "P3"), "save", 1).statusCode());
        assertEquals(source, Editors.get(app, "/incidents/" + ID + "/revisions/1.md").body());
        assertEquals(source.replace("P1", "P3"), app.get("/incidents/" + ID + ".md").body());
        assertEquals(404, Editors.get(app, "/incidents/" + ID + "/revisions/9.md").statusCode());
    }

    private Revision revision(int n) {
        return dao().revision(ID, n).orElseThrow();
    }

    private kb.incidents.Incidents dao() {
        return app.services.incidents();
    }
}
