package kb.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code review} takes its rules from when the user names no content folder, and the copy in the jar. */
class ReviewContentDirTest {

    @TempDir
    Path tmp;

    private final StringWriter said = new StringWriter();
    private final PrintWriter err = new PrintWriter(said, true);

    @Test
    void a_folder_the_user_names_is_used_as_named_even_when_it_does_not_exist() throws IOException {
        Path named = tmp.resolve("nowhere");
        assertEquals(named, ReviewCommand.contentDir(named, Map.of(), tmp, err));
        Path fromEnv = ReviewCommand.contentDir(null, Map.of("KB_CONTENT_DIR", named.toString()), tmp, err);
        assertEquals(named.toAbsolutePath().normalize(), fromEnv);
        assertEquals("", said.toString(), "nothing said when the user chose");
    }

    @Test
    void a_content_folder_with_rules_in_the_working_directory_wins_over_the_bundled_one() throws IOException {
        Files.createDirectories(tmp.resolve("content/rules"));
        assertEquals(tmp.resolve("content"), ReviewCommand.contentDir(null, Map.of(), tmp, err));
        assertEquals("", said.toString());
    }

    @Test
    void without_one_and_with_a_content_folder_that_is_not_a_knowledge_base_the_bundled_rules_are_used_and_said()
            throws IOException {
        Files.createDirectories(tmp.resolve("content/posts"));      // a static site's content/, say
        Path used = ReviewCommand.contentDir(null, Map.of(), tmp, err);
        assertTrue(said.toString().contains("no rules in " + tmp.resolve("content")), said.toString());
        assertTrue(said.toString().contains("packed in this jar"), said.toString());
        assertSameFiles(Path.of("content"), used);
    }

    @Test
    void the_copy_in_a_jar_is_extracted_whole_and_byte_for_byte() throws IOException {
        Map<String, byte[]> files = Map.of(
                "rules/README.md", "# rules\n".getBytes(StandardCharsets.UTF_8),
                "rules/RES-01.yaml", "id: RES-01\n".getBytes(StandardCharsets.UTF_8),
                "rules/models/go-stdlib.yaml", "models: []\n".getBytes(StandardCharsets.UTF_8),
                "checklist/RES-01.md", "# RES-01 — 关闭资源\n".getBytes(StandardCharsets.UTF_8));
        Path jar = tmp.resolve("with space/kb.jar");
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("kb/Other.class"));
            j.write(new byte[] {1, 2, 3});
            for (var f : files.entrySet()) {
                j.putNextEntry(new JarEntry(BundledContent.ROOT + "/" + f.getKey()));
                j.write(f.getValue());
            }
        }
        URI marker = URI.create("jar:" + jar.toUri() + "!/" + BundledContent.ROOT + "/rules/README.md");
        Path dir = BundledContent.locate(marker);
        for (var f : files.entrySet()) {
            assertArrayEquals(f.getValue(), Files.readAllBytes(dir.resolve(f.getKey())), f.getKey());
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            assertEquals(files.size(), walk.filter(Files::isRegularFile).count(), "nothing but the content");
        }
    }

    private static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<Path> want = regularFiles(expected);
        assertEquals(want, regularFiles(actual));
        assertTrue(want.contains(Path.of("rules/RES-01.yaml")), want.toString());
        for (Path p : want) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(p)), Files.readAllBytes(actual.resolve(p)),
                    p.toString());
        }
    }

    private static List<Path> regularFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
