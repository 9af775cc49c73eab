package kb.incidents;

import kb.App;
import kb.TestApp;
import kb.system.Config;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kb.checklist.Checklist;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.List;

/** Everything shipped in content/ imports with zero errors. */
class BundledContentTest {

    @Test
    void every_bundled_file_imports_without_a_single_problem() throws Exception {
        App.Services services = App.Services.open(kb.TestApp.config("bundled" + System.nanoTime(), TestApp.CONTENT, Map.of()));
        try {
            var report = services.incidents().importContent(TestApp.CONTENT);
            String problems = report.files().stream()
                    .flatMap(f -> f.problems().stream().map(p -> p.format(TestApp.CONTENT.relativize(f.file()).toString())))
                    .collect(Collectors.joining("\n"));
            assertEquals("", problems, "content/ must import cleanly");
            long incidentFiles;
            try (var s = Files.list(TestApp.CONTENT.resolve("incidents"))) {
                incidentFiles = s.filter(p -> p.toString().endsWith(".md")).count();
            }
            assertTrue(incidentFiles >= 2, "content/ ships postmortems");
            assertEquals(incidentFiles, (long) services.incidents().counts().get("incidents"));
            assertTrue(services.incidents().counts().get("checklistItems") >= 5, "content/ ships checklist items");
            checkLinksAndPairs(services.db().jdbi());
        } finally {
            services.db().close();
        }
    }

    /**
     * The content issue's rules: every incident links a checklist item, every blocker item is backed by an
     * incident, and each before/after pair states different expected output (a pair that prints the same
     * thing shows nothing).
     */
    private static void checkLinksAndPairs(Jdbi jdbi) {
        List<String> broken = new ArrayList<>();
        var incidents = new Incidents(jdbi);
        for (IncidentHeader row : incidents.all()) {
            Incident i = incidents.load(row.id()).orElseThrow();
            if (i.checklist().isEmpty()) {
                broken.add(row.id() + " links no checklist item");
            }
            if (i.codeBlocks().stream().noneMatch(b -> b.runnable() && "before".equals(b.role()))
                    || i.codeBlocks().stream().noneMatch(b -> b.runnable() && "after".equals(b.role()))) {
                broken.add(row.id() + " has no runnable before/after pair");
            }
            for (var pair : i.runPairs("reproduction")) {
                if (pair.before() != null && pair.after() != null
                        && java.util.Objects.equals(pair.before().expectedOutput(), pair.after().expectedOutput())) {
                    broken.add(row.id() + ": the before block at line " + pair.before().line()
                            + " expects the same output as its after block");
                }
                if ((pair.before() != null && pair.before().expectedOutput() == null)
                        || (pair.after() != null && pair.after().expectedOutput() == null)) {
                    broken.add(row.id() + ": a runnable block has no // Output: block");
                }
            }
        }
        Checklist checklist = new Checklist(jdbi);
        for (String id : checklist.ids()) {
            var item = checklist.item(id).orElseThrow();
            if (item.severity().equals("blocker") && checklist.incidents(id).isEmpty()) {
                broken.add("blocker item " + item.id() + " is backed by no incident");
            }
        }
        assertEquals(List.of(), broken);
    }
}
