package kb.review.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code exception-paths} key of a resource: read, defaulted, and validated with its file and line. */
class ExceptionPathsModelTest {

    @TempDir
    Path dir;

    @Test
    void exception_paths_false_asks_for_normal_paths_only_and_the_default_follows_exceptions() throws Exception {
        Files.writeString(dir.resolve("java-x.yaml"), """
                language: java
                library: example
                resources:
                  - id: buffer
                    exception-paths: 'false'
                    acquire:
                      - {call: '^Buffers\\.take$'}
                    release: ['{v}.release()']
                  - id: stream
                    acquire:
                      - {new: 'Stream'}
                    release: ['{v}.close()']
                """);
        Models m = Models.load(dir, "rules/models");
        assertTrue(m.resources("java").get(0).normalPathsOnly());
        assertFalse(m.resources("java").get(1).normalPathsOnly());
    }

    @Test
    void a_bad_value_and_a_go_model_are_reported_with_file_and_line() throws IOException {
        Files.writeString(dir.resolve("java-x.yaml"), """
                language: java
                library: example
                resources:
                  - id: buffer
                    exception-paths: 'sometimes'
                    acquire:
                      - {call: '^Buffers\\.take$'}
                    release: ['{v}.release()']
                """);
        Files.writeString(dir.resolve("go-x.yaml"), """
                language: go
                library: example
                resources:
                  - id: go-buffer
                    exception-paths: 'false'
                    acquire:
                      - {call: '^buffers\\.Take$'}
                    release: ['{v}.Release()']
                """);
        Models.ModelFileException e = assertThrows(Models.ModelFileException.class,
                () -> Models.load(dir, "rules/models"));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("rules/models/java-x.yaml:5: exception-paths must be true or false"), all);
        assertTrue(all.contains("rules/models/go-x.yaml:5: exception-paths is for Java models"), all);
    }
}
