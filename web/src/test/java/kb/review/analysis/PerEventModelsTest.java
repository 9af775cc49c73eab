package kb.review.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The models' per-event key (session 48): read per language, every mistake reported as file:line. */
class PerEventModelsTest {

    @TempDir
    Path dir;

    @Test
    void per_event_entries_are_read_for_the_language_of_their_file() throws Exception {
        Files.writeString(dir.resolve("java-ours.yaml"), """
                language: java
                library: our message bus
                per-event:
                  - kind: bus-handler
                    methods: 'onBusMessage'
                    types: '\\bBusHandler\\b'
                    holds: 'message'
                """);
        Models models = Models.load(dir, "rules/models");
        assertEquals(List.of("bus-handler"), models.perEvent("java").stream().map(PerEventEntries.PerEvent::kind)
                .toList());
        assertTrue(models.perEvent("go").isEmpty());
    }

    @Test
    void a_bad_entry_is_reported_at_its_own_line() throws Exception {
        Files.writeString(dir.resolve("java-ours.yaml"), """
                language: java
                library: our message bus
                per-event:
                  - kind: no-method
                    types: '\\bBusHandler\\b'
                  - kind: holds-alone
                    methods: 'onBusMessage'
                    holds: 'message'
                  - kind: any-name
                    methods: '\\w+'
                  - kind: bad-regex
                    methods: '(unclosed'
                """);
        Models.ModelFileException e = assertThrows(Models.ModelFileException.class,
                () -> Models.load(dir, "rules/models"));
        assertEquals(List.of(
                "rules/models/java-ours.yaml:4: per-event entry 'no-method' needs 'methods', 'params' or 'annotations'",
                "rules/models/java-ours.yaml:8: per-event entry 'holds-alone': 'holds' is read only with 'types'",
                "rules/models/java-ours.yaml:10: per-event entry 'any-name': 'methods' matches every method name",
                "rules/models/java-ours.yaml:12: '(unclosed' is not a valid regex: Unclosed group"), e.problems());
    }
}
