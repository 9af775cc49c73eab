package kb.cli;

import picocli.CommandLine;
import kb.TestApp;
import kb.authoring.Editors;
import kb.incidents.Incident;
import kb.incidents.Incidents;
import kb.incidents.IncidentHeader;
import kb.incidents.Parts.CodeBlockRow;
import kb.incidents.Parts.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bundled postmortem survives import → export ({@code export DIR} and {@code GET /incidents/{id}.md})
 * → import ({@code import DIR}) as an identical record, and exporting again gives the same text.
 */
class ExportRoundTripTest {

    @TempDir
    Path tmp;

    @Test
    void every_bundled_postmortem_round_trips_through_export_to_an_identical_record() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(TestApp.CONTENT.resolve("incidents"))) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertTrue(files.size() >= 2, "content/incidents ships postmortems");
        try (TestApp first = Editors.start(TestApp.CONTENT); TestApp second = Editors.start(tmp.resolve("empty"))) {
            Map<String, String> exported = exportEach(first, files);
            Path dir = tmp.resolve("exported");
            ExportCommand export = new ExportCommand();
            export.services = first.services;
            assertEquals(0, new CommandLine(export).setOut(new PrintWriter(new StringWriter())).execute(dir.toString()));

            ImportCommand importer = new ImportCommand();
            importer.services = second.services;
            StringWriter out = new StringWriter();
            int exit = new CommandLine(importer).setOut(new PrintWriter(out)).execute(dir.toString());
            assertEquals(0, exit, out.toString());
            assertTrue(out.toString().lines().filter(l -> l.startsWith("incidents") || l.contains("/incidents/"))
                    .allMatch(l -> l.startsWith("added ")), out.toString());

            for (String id : exported.keySet()) {
                assertEquals(exported.get(id), Files.readString(dir.resolve("incidents/" + id + ".md")), id + ": CLI and HTTP agree");
                assertEquals(comparable(first, id), comparable(second, id), id + ": the re-imported record is identical");
                assertEquals(exported.get(id), Editors.get(second, "/incidents/" + id + ".md").body(),
                        id + ": exporting again gives the same text");
            }
        }
    }

    @Test
    void export_zip_holds_every_listed_postmortem_and_checklist_item_as_files() throws Exception {
        try (TestApp app = Editors.start(TestApp.FIXTURES)) {
            String draft = Editors.postmortem("zip-draft", "Draft", "").replace("severity: P2", "severity: P2\nstatus: draft");
            assertEquals(303, Editors.submit(app, "/incidents/new", draft, "save", null).statusCode());

            Map<String, String> editor = unzip(app, Map.of(Editors.EDITOR, "alice"));
            assertEquals(Set.of("checklist/RES-01.md", "checklist/TMO-01.md", "incidents/fixture-old-timeout.md",
                    "incidents/fixture-pool-leak.md", "incidents/zip-draft.md"), editor.keySet());
            assertEquals(Files.readString(TestApp.FIXTURES.resolve("checklist/RES-01.md")), editor.get("checklist/RES-01.md"));
            assertEquals(draft, editor.get("incidents/zip-draft.md"));
            assertEquals(Files.readString(TestApp.FIXTURES.resolve("incidents/pool-leak.md")),
                    editor.get("incidents/fixture-pool-leak.md"));
            assertTrue(!unzip(app, Map.of()).containsKey("incidents/zip-draft.md"), "readers get no drafts");
        }
    }

    private static Map<String, String> exportEach(TestApp app, List<Path> files) {
        Map<String, String> out = new TreeMap<>();
        for (IncidentHeader row : app.services.incidents().all()) {
            HttpResponse<String> r = Editors.get(app, "/incidents/" + row.id() + ".md");
            assertEquals(200, r.statusCode());
            assertEquals("text/markdown; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
            out.put(row.id(), r.body());
        }
        assertEquals(files.size(), out.size());
        return out;
    }

    /** Every stored part of an incident, without what differs by construction (times, generated ids). */
    private static List<Object> comparable(TestApp app, String id) {
        Incident i = new Incidents(app.services.db().jdbi()).load(id).orElseThrow();
        IncidentHeader h = i.header();
        List<Object> header = List.of(h.id(), h.title(), h.severity(), h.status(), h.started(), String.valueOf(h.detected()),
                String.valueOf(h.mitigated()), String.valueOf(h.resolved()), h.startedAt().toInstant(), h.startedYear(),
                String.valueOf(h.ttdSeconds()), String.valueOf(h.ttmSeconds()), String.valueOf(h.ttrSeconds()),
                String.valueOf(h.lang()), String.valueOf(h.sourceUrl()), h.currentRevision(), h.listed());
        List<CodeBlockRow> blocks = i.codeBlocks().stream().map(b -> new CodeBlockRow(0, b.incidentId(), b.position(),
                b.language(), b.info(), b.runnable(), b.role(), b.code(), b.expectedOutput(), b.sectionKind(), b.line())).toList();
        Revision rev = app.services.incidents().revision(id, h.currentRevision()).orElseThrow();
        return List.of(header, i.sections(), i.timeline(), i.actionItems(), blocks, i.services(), i.tags(), i.categories(),
                i.authors(), i.checklist(), rev.source(), rev.contentHash());
    }

    private static Map<String, String> unzip(TestApp app, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.base + "/export.zip"));
        headers.forEach(b::header);
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("application/zip", r.headers().firstValue("Content-Type").orElseThrow());
        Map<String, String> files = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                files.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

}
