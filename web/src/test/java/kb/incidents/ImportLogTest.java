package kb.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.App;
import kb.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** An import of a folder broken as a whole writes a bounded number of log lines (LOG-01), and loses no problem. */
class ImportLogTest {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ContentImporter.class);

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    @Test
    void thirty_broken_files_give_one_warning_with_the_first_twenty_problems_and_a_count_of_the_rest(@TempDir Path dir)
            throws Exception {
        Path content = copyChecklist(dir);
        for (int i = 0; i < 30; i++) {
            Files.writeString(content.resolve("incidents").resolve("broken-" + i + ".md"), "no front matter here\n");
        }
        App.Services services = App.Services.open(TestApp.config("importlog" + System.nanoTime(), content, Map.of()));
        try {
            var report = services.incidents().importContent(content);
            long problems = report.files().stream().mapToLong(f -> f.problems().size()).sum();
            assertTrue(problems >= 30, "every broken file keeps its problems in the report: " + problems);
            List<ILoggingEvent> warnings = appender.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
            assertEquals(1, warnings.size(), "one warning for the whole import");
            String message = warnings.get(0).getFormattedMessage();
            assertTrue(message.contains(problems + " problem(s)"), message);
            assertTrue(message.contains("... and " + (problems - 20) + " more"), message);
            assertEquals(20, message.lines().filter(l -> l.contains("broken-")).count(), message);
        } finally {
            services.db().close();
        }
    }

    @Test
    void incidents_removed_from_content_are_unlisted_with_one_summary_line(@TempDir Path dir) throws Exception {
        Path content = copyChecklist(dir);
        Path bundled = TestApp.CONTENT.resolve("incidents");
        List<Path> files;
        try (var s = Files.list(bundled)) {
            files = s.filter(p -> p.toString().endsWith(".md")).toList();
        }
        for (Path f : files) {
            Files.copy(f, content.resolve("incidents").resolve(f.getFileName()));
        }
        App.Services services = App.Services.open(TestApp.config("importlog" + System.nanoTime(), content, Map.of()));
        try {
            services.incidents().importContent(content);
            for (Path f : files) {
                Files.delete(content.resolve("incidents").resolve(f.getFileName()));
            }
            appender.list.clear();
            var report = services.incidents().importContent(content);
            assertEquals(files.size(), report.unlisted());
            List<ILoggingEvent> lines = appender.list.stream()
                    .filter(e -> e.getFormattedMessage().contains("no longer in content/")).toList();
            assertEquals(1, lines.size(), "one line for every unlisted incident");
            assertTrue(lines.get(0).getFormattedMessage().startsWith(files.size() + " incident(s)"),
                    lines.get(0).getFormattedMessage());
        } finally {
            services.db().close();
        }
    }

    private static Path copyChecklist(Path dir) throws Exception {
        Path content = dir.resolve("content");
        Files.createDirectories(content.resolve("incidents"));
        Files.createDirectories(content.resolve("checklist"));
        try (var s = Files.list(TestApp.CONTENT.resolve("checklist"))) {
            for (Path f : s.toList()) {
                Files.copy(f, content.resolve("checklist").resolve(f.getFileName()));
            }
        }
        return content;
    }
}
