package kb.review.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The models' round-trips key (LOG-01's pacing calls): read per language, every mistake reported as file:line. */
class RoundTripModelsTest {

    @TempDir
    Path dir;

    @Test
    void round_trip_patterns_are_read_for_the_language_of_their_file() throws Exception {
        Files.writeString(dir.resolve("java-rpc.yaml"), """
                language: java
                library: our RPC client
                round-trips:
                  - '\\.fetchPage$'
                """);
        Files.writeString(dir.resolve("go-rpc.yaml"), """
                language: go
                library: our RPC client
                round-trips: ['\\.Call$']
                """);
        Models models = Models.load(dir, "rules/models");
        assertEquals(List.of("\\.fetchPage$"), models.roundTrips("java").stream().map(Pattern::pattern).toList());
        assertEquals(List.of("\\.Call$"), models.roundTrips("go").stream().map(Pattern::pattern).toList());
    }

    @Test
    void a_bad_entry_is_reported_at_its_own_line() throws Exception {
        Files.writeString(dir.resolve("java-rpc.yaml"), """
                language: java
                library: our RPC client
                round-trips:
                  - '\\.fetchPage$'
                  - '(unclosed'
                  - {call: '\\.send$'}
                  - '.*'
                  - '(?i)'
                """);
        Models.ModelFileException e = assertThrows(Models.ModelFileException.class,
                () -> Models.load(dir, "rules/models"));
        assertEquals(4, e.problems().size(), e.getMessage());
        assertEquals("rules/models/java-rpc.yaml:5: '(unclosed' is not a valid regex: Unclosed group",
                e.problems().get(0));
        assertEquals("rules/models/java-rpc.yaml:6: 'round-trips' entries must be non-empty callee patterns",
                e.problems().get(1));
        assertEquals("rules/models/java-rpc.yaml:7: round-trip pattern '.*' matches every callee: name the client's "
                + "calls", e.problems().get(2));
        assertEquals("rules/models/java-rpc.yaml:8: round-trip pattern '(?i)' matches every callee: name the client's "
                + "calls", e.problems().get(3));
    }

    @Test
    void round_trips_given_as_one_text_instead_of_a_list_is_reported() throws Exception {
        Files.writeString(dir.resolve("go-rpc.yaml"), """
                language: go
                library: our RPC client
                round-trips: '\\.Call$'
                """);
        Models.ModelFileException e = assertThrows(Models.ModelFileException.class,
                () -> Models.load(dir, "rules/models"));
        assertEquals(List.of("rules/models/go-rpc.yaml:3: 'round-trips' must be a list of callee patterns"),
                e.problems());
    }
}
