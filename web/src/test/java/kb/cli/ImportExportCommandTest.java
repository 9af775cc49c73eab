package kb.cli;

import kb.App;
import kb.TestApp;
import kb.authoring.Editors;
import kb.incidents.Change;
import kb.format.PostmortemParser;
import kb.system.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportExportCommandTest {

    @TempDir
    Path tmp;
    App.Services services;

    @BeforeEach
    void open() {
        services = App.Services.open(kb.TestApp.config("cli" + System.nanoTime(), tmp, Map.of()));
    }

    @AfterEach
    void close() {
        services.db().close();
    }

    record Run(int exit, List<String> lines) {
    }

    Run run(Object command, String... args) {
        if (command instanceof ImportCommand c) {
            c.services = services;
        } else if (command instanceof ExportCommand c) {
            c.services = services;
        }
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute(args);
        return new Run(exit, out.toString().lines().toList());
    }

    @Test
    void import_reports_each_file_then_a_summary_and_skips_unchanged_files_the_second_time() {
        Path fixtures = TestApp.FIXTURES;
        Run first = run(new ImportCommand(), fixtures.toString());
        assertEquals(0, first.exit(), first.lines().toString());
        assertEquals(List.of(
                "added     " + fixtures.resolve("checklist/RES-01.md"),
                "added     " + fixtures.resolve("checklist/TMO-01.md"),
                "added     " + fixtures.resolve("incidents/old-timeout.md"),
                "added     " + fixtures.resolve("incidents/pool-leak.md"),
                "imported 4 files: 4 added, 0 updated, 0 unchanged, 0 conflicts, 0 invalid"), first.lines());
        Run second = run(new ImportCommand(), fixtures.toString());
        assertTrue(second.lines().stream().limit(4).allMatch(l -> l.startsWith("unchanged ")), second.lines().toString());
        assertEquals("imported 4 files: 0 added, 0 updated, 4 unchanged, 0 conflicts, 0 invalid", second.lines().get(4));
    }

    @Test
    void an_invalid_file_is_listed_with_file_line_messages_and_exit_code_1() throws IOException {
        Path bad = tmp.resolve("bad.md");
        Files.writeString(bad, Editors.postmortem("cli-bad", "Bad", "").replace("severity: P2", "severity: urgent"));
        Path good = tmp.resolve("good.md");
        Files.writeString(good, Editors.postmortem("cli-good", "Good", ""));
        Run r = run(new ImportCommand(), tmp.toString());
        assertEquals(1, r.exit());
        assertEquals("invalid   " + bad, r.lines().get(0));
        assertEquals(bad + ":4: severity 'urgent' must be one of P0, P1, P2, P3, P4", r.lines().get(1));
        assertEquals("added     " + good, r.lines().get(2));
        assertEquals("imported 2 files: 1 added, 0 updated, 0 unchanged, 0 conflicts, 1 invalid", r.lines().get(3));
    }

    @Test
    void a_changed_file_updates_an_imported_incident_but_never_one_edited_in_the_app() throws IOException {
        Path file = tmp.resolve("x.md");
        String v1 = Editors.postmortem("cli-x", "Version one", "");
        Files.writeString(file, v1);
        assertEquals(0, run(new ImportCommand(), file.toString()).exit());
        Files.writeString(file, v1.replace("Version one", "Version two"));
        assertEquals("updated   " + file, run(new ImportCommand(), file.toString()).lines().get(0));

        var parsed = new PostmortemParser().parse(v1.replace("Version one", "Edited in the app"), null).value().orElseThrow();
        services.incidents().save(parsed, Change.edit("alice", "edit", 2));
        Files.writeString(file, v1.replace("Version one", "Version three"));
        Run conflict = run(new ImportCommand(), file.toString());
        assertEquals("conflict  " + file, conflict.lines().get(0));
        assertEquals(0, conflict.exit());
        assertEquals("Edited in the app", services.incidents().header("cli-x").orElseThrow().title());
        assertEquals(1, (int) services.db().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM import_conflicts WHERE incident_id = 'cli-x'").mapTo(Integer.class).one()));
    }

    @Test
    void export_writes_the_content_layout_that_import_reads_back_unchanged() throws IOException {
        services.incidents().importContent(TestApp.FIXTURES);
        Path out = tmp.resolve("out");
        Run export = run(new ExportCommand(), out.toString());
        assertEquals(0, export.exit());
        assertEquals("exported 2 postmortems and 2 checklist items to " + out, export.lines().get(export.lines().size() - 1));
        for (String f : List.of("incidents/fixture-pool-leak.md", "incidents/fixture-old-timeout.md", "checklist/RES-01.md",
                "checklist/TMO-01.md")) {
            String original = Files.readString(TestApp.FIXTURES.resolve(f.replace("fixture-", "")));
            assertEquals(original, Files.readString(out.resolve(f)), f);
        }
        Run again = run(new ImportCommand(), out.toString());
        assertEquals(0, again.exit());
        try (Stream<String> s = again.lines().stream()) {
            assertEquals(4, s.filter(l -> l.startsWith("unchanged ")).count(), again.lines().toString());
        }
    }
}
