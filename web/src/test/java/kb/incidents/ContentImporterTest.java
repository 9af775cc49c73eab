package kb.incidents;

import kb.App;
import kb.format.Postmortem;
import kb.format.PostmortemParser;
import kb.system.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentImporterTest {

    @TempDir
    Path content;
    App.Services services;
    ContentImporter importer;

    @BeforeEach
    void setUp() throws IOException {
        copyTree(kb.TestApp.FIXTURES, content);
        services = App.Services.open(kb.TestApp.config("imp" + System.nanoTime(), content, Map.of()));
        importer = new ContentImporter(services.db().jdbi());
    }

    @AfterEach
    void tearDown() {
        services.db().close();
    }

    @Test
    void second_import_of_unchanged_files_skips_them() {
        var first = importer.importContent(content);
        assertEquals(4, first.count(ImportReport.Outcome.ADDED), "two checklist items and two incidents");
        var second = importer.importContent(content);
        assertEquals(4, second.count(ImportReport.Outcome.UNCHANGED));
        assertEquals(1, dao().find("fixture-pool-leak").orElseThrow().currentRevision());
    }

    @Test
    void a_changed_file_becomes_a_new_revision_with_its_exact_source() throws IOException {
        importer.importContent(content);
        Path file = content.resolve("incidents/pool-leak.md");
        String changed = Files.readString(file).replace("severity: P1", "severity: P0");
        Files.writeString(file, changed);
        var report = importer.importContent(content);
        assertEquals(1, report.count(ImportReport.Outcome.UPDATED));
        var row = dao().find("fixture-pool-leak").orElseThrow();
        assertEquals(2, row.currentRevision());
        assertEquals("P0", row.severity());
        assertEquals(changed, dao().revision("fixture-pool-leak", 2).orElseThrow().source());
        assertTrue(dao().revision("fixture-pool-leak", 1).orElseThrow().source().contains("severity: P1"));
    }

    @Test
    void a_removed_file_unlists_its_incident_and_keeps_history() throws IOException {
        importer.importContent(content);
        Files.delete(content.resolve("incidents/old-timeout.md"));
        var report = importer.importContent(content);
        assertEquals(1, report.unlisted());
        var row = dao().find("fixture-old-timeout").orElseThrow();
        assertFalse(row.listed());
        assertEquals(1, dao().revisions("fixture-old-timeout").size());
    }

    @Test
    void an_invalid_file_is_reported_with_lines_and_does_not_stop_the_others() throws IOException {
        Files.writeString(content.resolve("incidents/broken.md"), "---\nid: Broken Id\ntitle: x\n---\n## Summary\n");
        var report = importer.importContent(content);
        assertFalse(report.ok());
        var broken = report.files().stream().filter(f -> f.outcome() == ImportReport.Outcome.INVALID).findFirst().orElseThrow();
        assertTrue(broken.file().endsWith("broken.md"));
        assertTrue(broken.problems().stream().anyMatch(p -> p.line() == 2), "the bad id is reported on line 2");
        assertTrue(dao().find("fixture-pool-leak").isPresent());
    }

    @Test
    void an_incident_edited_in_the_app_is_not_overwritten_by_its_changed_file() throws IOException {
        importer.importContent(content);
        Postmortem edited = new PostmortemParser().parse(Files.readString(content.resolve("incidents/pool-leak.md"))
                .replace("title: Checkout API stalls", "title: Edited in the app"), null).value().orElseThrow();
        services.incidents().save(edited, Change.edit("alice", "edit", 1));
        Path file = content.resolve("incidents/pool-leak.md");
        Files.writeString(file, Files.readString(file).replace("severity: P1", "severity: P2"));

        var report = importer.importContent(content);

        assertEquals(1, report.count(ImportReport.Outcome.CONFLICT));
        var row = dao().find("fixture-pool-leak").orElseThrow();
        assertTrue(row.title().startsWith("Edited in the app"));
        assertEquals("P1", row.severity());
        int conflicts = services.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM import_conflicts")
                .mapTo(Integer.class).one());
        assertEquals(1, conflicts);
    }

    @Test
    void a_stale_save_is_refused() {
        importer.importContent(content);
        Postmortem p = new PostmortemParser().parse(dao().revision("fixture-pool-leak", 1).orElseThrow().source(), null)
                .value().orElseThrow();
        IncidentStore store = new IncidentStore(services.db().jdbi());
        store.save(p, Change.edit("alice", "edit", 1));
        var e = org.junit.jupiter.api.Assertions.assertThrows(StaleRevisionException.class,
                () -> store.save(p, Change.edit("bob", "edit", 1)));
        assertEquals(2, e.current());
    }

    private IncidentDao dao() {
        return services.db().jdbi().onDemand(IncidentDao.class);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
