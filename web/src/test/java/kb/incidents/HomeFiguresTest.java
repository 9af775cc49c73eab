package kb.incidents;

import kb.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The home page's headline figures follow the same rules as the insights page: an incident marked
 * {@code exclude-from-metrics} (a drill) is left out of the median time to resolve, and the median is the
 * nearest-rank one (of two values, the smaller).
 */
class HomeFiguresTest {

    static Path content;
    static TestApp app;

    @BeforeAll
    static void start() throws IOException {
        content = Files.createTempDirectory("kb-home-figures");
        try (Stream<Path> files = Files.walk(TestApp.FIXTURES)) {
            for (Path p : files.toList()) {
                Path to = content.resolve(TestApp.FIXTURES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        // a drill that took thirty days to "resolve": counted, it would be the middle of three values
        String drill = Files.readString(TestApp.FIXTURES.resolve("incidents/old-timeout.md"))
                .replace("id: fixture-old-timeout", "id: fixture-drill")
                .replace("resolved: 2022-07-01T12:30:00Z", "resolved: 2022-07-31T10:00:00Z\nexclude-from-metrics: true");
        Files.writeString(content.resolve("incidents/drill.md"), drill);
        app = TestApp.start(content);
    }

    @AfterAll
    static void stop() throws IOException {
        app.close();
        try (Stream<Path> files = Files.walk(content)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void the_median_time_to_resolve_leaves_out_incidents_excluded_from_metrics() {
        String hero = app.page("/").select(".hero p").text();
        // 1 h 10 min and 2 h 30 min count; the drill's 30 days do not
        assertTrue(hero.contains("3 postmortems"), hero);
        assertTrue(hero.endsWith("median time to resolve 1 h 10 min."), hero);
    }
}
