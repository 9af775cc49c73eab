package kb.review.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The context-variants section for Java: deadline parameters and unbounded waits, every mistake as file:line. */
class ContextModelsTest {

    @TempDir
    Path dir;

    @Test
    void a_java_entry_is_read_with_its_given_parameters_and_call_patterns() throws Exception {
        Files.writeString(dir.resolve("java-x.yaml"), """
                language: java
                library: example
                context-variants:
                  - id: waits
                    given:
                      - {type: '^Duration$', name: 'timeout'}
                    calls:
                      - {call: '\\\\.get$', args: '^\\\\(\\\\)$', use: 'get({ctx})', bounded: 'orTimeout'}
                """);
        ContextModel m = Models.load(dir, "rules/models").variants().get(0);
        assertEquals("java", m.language());
        assertEquals("^Duration$", m.given().get(0).type().pattern());
        assertEquals("orTimeout", m.calls().get(0).bounded().pattern());
        assertEquals("rules/models/java-x.yaml:4", m.source());
    }

    @Test
    void a_java_entry_without_given_a_go_entry_with_it_and_bad_keys_are_reported_with_their_lines() throws Exception {
        Files.writeString(dir.resolve("java-x.yaml"), """
                language: java
                library: example
                context-variants:
                  - id: waits
                    calls:
                      - {call: '\\\\.take$', use: 'poll({ctx})', timeout: 'x'}
                  - id: other
                    given:
                      - {name: 'timeout'}
                    calls:
                      - {call: '(', use: 'x'}
                """);
        Files.writeString(dir.resolve("go-x.yaml"), """
                language: go
                library: example
                context-variants:
                  - id: ctx
                    given:
                      - {type: 'Context'}
                    calls:
                      - {call: '^context\\\\.TODO$', use: '{ctx}'}
                """);
        Models.ModelFileException e = assertThrows(Models.ModelFileException.class,
                () -> Models.load(dir, "rules/models"));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("rules/models/java-x.yaml:4: a java context-variants entry needs 'given'"), all);
        assertTrue(all.contains("rules/models/java-x.yaml:6: unknown key 'timeout'"), all);
        assertTrue(all.contains("rules/models/java-x.yaml:9: a given parameter needs 'type'"), all);
        assertTrue(all.contains("rules/models/java-x.yaml:11: 'call' is not a valid regex"), all);
        assertTrue(all.contains("rules/models/go-x.yaml:6: 'given' is for java model files"), all);
    }
}
