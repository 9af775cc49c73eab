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

/** Everything shipped in content/ imports with zero errors. */
class BundledContentTest {

    @Test
    void every_bundled_file_imports_without_a_single_problem() throws Exception {
        App.Services services = App.Services.open(Config.forTests("bundled" + System.nanoTime(), TestApp.CONTENT, Map.of()));
        try {
            var report = services.importer().importContent(TestApp.CONTENT);
            String problems = report.files().stream()
                    .flatMap(f -> f.problems().stream().map(p -> p.format(TestApp.CONTENT.relativize(f.file()).toString())))
                    .collect(Collectors.joining("\n"));
            assertEquals("", problems, "content/ must import cleanly");
            long incidentFiles;
            try (var s = Files.list(TestApp.CONTENT.resolve("incidents"))) {
                incidentFiles = s.filter(p -> p.toString().endsWith(".md")).count();
            }
            assertTrue(incidentFiles >= 2, "content/ ships postmortems");
            assertEquals(incidentFiles, (long) services.importer().counts().get("incidents"));
            assertTrue(services.importer().counts().get("checklistItems") >= 5, "content/ ships checklist items");
        } finally {
            services.db().close();
        }
    }
}
