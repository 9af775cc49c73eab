package kb.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every bundled file in the repository's {@code content/} folder must be valid: each checklist item,
 * and each postmortem against the ids of the checklist items present (it must also survive a
 * rewrite by {@link PostmortemWriter}). Skipped when the checklist
 * and incidents folders hold no files yet.
 */
class ContentFilesTest {

    /** {@code content/} in the working directory or the nearest parent that has one. */
    private static Path contentDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("content"))) {
                return dir.resolve("content");
            }
        }
        return null;
    }

    private static List<Path> markdown(Path dir) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_bundled_file_is_valid() throws IOException {
        Path content = contentDir();
        List<Path> items = markdown(content == null ? null : content.resolve("checklist"));
        List<Path> incidents = markdown(content == null ? null : content.resolve("incidents"));
        assumeTrue(!items.isEmpty() || !incidents.isEmpty(), "no bundled content in this checkout yet");
        Set<String> ids = new TreeSet<>();
        items.forEach(p -> ids.add(ChecklistParser.baseName(p.getFileName().toString())));
        Stream<DynamicTest> checklist = items.stream().map(p -> DynamicTest.dynamicTest("checklist/" + p.getFileName(),
                () -> assertValid(p, new ChecklistParser().parse(Files.readString(p), p.getFileName().toString()))));
        Stream<DynamicTest> postmortems = incidents.stream().map(p -> DynamicTest.dynamicTest("incidents/" + p.getFileName(),
                () -> assertValidAndRewritable(p, items.isEmpty() ? null : ids)));
        return Stream.concat(checklist, postmortems);
    }

    /** Valid, and {@link PostmortemWriter#write} gives a file with the same sections and a stable text. */
    private static void assertValidAndRewritable(Path file, Set<String> ids) throws IOException {
        PostmortemParser parser = new PostmortemParser();
        Parsed<Postmortem> parsed = parser.parse(Files.readString(file), ids);
        assertValid(file, parsed);
        PostmortemWriter writer = new PostmortemWriter();
        String written = writer.write(parsed.value().orElseThrow());
        Postmortem again = parser.parse(written, ids).value().orElseThrow();
        assertEquals(parsed.value().get().sections().stream().map(Section::markdown).toList(),
                again.sections().stream().map(Section::markdown).toList());
        assertEquals(written, writer.write(again));
    }

    private static void assertValid(Path file, Parsed<?> parsed) {
        assertEquals(List.of(), parsed.problems().stream().map(p -> p.format(file.toString())).toList());
    }
}
