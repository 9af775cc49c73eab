package kb.review.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-key resources ({@code {k}} in release templates) and {@code arg-type} acquire entries in a model file. */
class KeyedModelsTest {

    @TempDir
    Path dir;

    @Test
    void a_keyed_model_binds_each_acquisition_to_its_own_key() throws Exception {
        Files.writeString(dir.resolve("java-x.yaml"), """
                language: java
                library: example
                resources:
                  - id: request-context
                    kind: thread-local
                    shows: '{v} entry {k}'
                    escapes: 'false'
                    acquire:
                      - {call: '^Ctx\\\\.put$', track: receiver}
                    release: ['{v}.remove({k})', '{v}.reset()']
                  - id: file-scanner
                    acquire:
                      - {new: 'Scanner', arg-type: '^File$'}
                    release: ['{v}.close()']
                """);
        Models m = Models.load(dir, "rules/models");
        Model ctx = m.resources("java").get(0);
        assertTrue(ctx.keyed());
        Model user = ctx.forKey("\"user\"");
        assertFalse(user.keyed());
        assertTrue(user.boundToKey());
        assertEquals("Ctx entry \"user\"", user.show("Ctx"));
        assertTrue(user.releasePattern("Ctx").matcher("Ctx.remove(\"user\");").find());
        assertTrue(user.releasePattern("Ctx").matcher("Ctx.reset();").find());
        assertFalse(user.releasePattern("Ctx").matcher("Ctx.remove(\"tenant\");").find());
        assertEquals("^File$", m.resources("java").get(1).acquires().get(0).argType().pattern());
    }

    @Test
    void a_bad_arg_type_regex_is_reported_with_its_file_and_line() throws IOException {
        Files.writeString(dir.resolve("java-x.yaml"), """
                language: java
                library: example
                resources:
                  - id: file-scanner
                    acquire:
                      - {new: 'Scanner', arg-type: '(File'}
                    release: ['{v}.close()']
                """);
        Models.ModelFileException e = assertThrows(Models.ModelFileException.class,
                () -> Models.load(dir, "rules/models"));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("rules/models/java-x.yaml:6: 'arg-type' is not a valid regex"), all);
    }
}
