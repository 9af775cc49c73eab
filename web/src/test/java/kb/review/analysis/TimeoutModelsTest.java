package kb.review.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The needs-timeout section of a model file: what it reads, and every mistake as file:line: message. */
class TimeoutModelsTest {

    @TempDir
    Path dir;

    @Test
    void a_valid_entry_is_read_with_its_constructions_timeouts_and_source_line() throws Exception {
        Files.writeString(dir.resolve("go-x.yaml"), """
                language: go
                library: example
                needs-timeout:
                  - id: thing-client
                    shows: thing.Client
                    built-by:
                      - {literal: '^thing\\\\.Client$'}
                      - {call: '^thing\\\\.Dial$', args: 'tcp'}
                    timeout: ['Timeout', 'ReadTimeout']
                    needs: all
                    disabled: '^0$'
                """);
        Models m = Models.load(dir, "rules/models");
        TimeoutModel t = m.timeouts("go").get(0);
        assertEquals("thing-client", t.id());
        assertEquals(2, t.builds().size());
        assertEquals(TimeoutModel.Via.LITERAL, t.builds().get(0).via());
        assertTrue(t.all());
        assertEquals("rules/models/go-x.yaml:4", t.source());
        assertEquals(List.of(), m.timeouts("java"));
    }

    @Test
    void every_mistake_is_reported_with_its_file_and_line() throws IOException {
        Files.writeString(dir.resolve("java-x.yaml"), """
                language: java
                library: example
                needs-timeout:
                  - id: a
                    shows: A
                    built-by:
                      - {literal: '^A$'}
                    timeout: ['set(']
                  - id: a
                    shows: B
                    built-by:
                      - {call: 'b', new: 'B'}
                    needs: every
                  - id: c
                    shows: C
                    built-by:
                      - {new: 'C', defaults: safe}
                    timeout: ['x']
                    colour: red
                built-once:
                  - id: d
                    shows: D
                    built-by:
                      - {call: 'd', peer: receiver-field}
                never-throws: ['(']
                """);
        Models.ModelFileException e = assertThrows(Models.ModelFileException.class,
                () -> Models.load(dir, "rules/models"));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("rules/models/java-x.yaml:7: 'literal' is not for java"), all);
        assertTrue(all.contains("rules/models/java-x.yaml:8: 'set(' is not a valid regex"), all);
        assertTrue(all.contains("rules/models/java-x.yaml:9: duplicate needs-timeout id 'a'"), all);
        assertTrue(all.contains("rules/models/java-x.yaml:12: a built-by entry needs exactly one of"), all);
        assertTrue(all.contains("rules/models/java-x.yaml:13: needs must be any or all"), all);
        assertTrue(all.contains("rules/models/java-x.yaml:14: 'defaults: safe' needs a 'timeout' list and a"
                + " 'disabled' pattern"), all);
        assertTrue(all.contains("rules/models/java-x.yaml:19: unknown key 'colour'"), all);
        assertTrue(all.contains("rules/models/java-x.yaml:24: peer must be receiver-field, receiver-config or request-handler, in a Go file"), all);
        assertTrue(all.contains("rules/models/java-x.yaml:25: '(' is not a valid regex"), all);
    }
}
