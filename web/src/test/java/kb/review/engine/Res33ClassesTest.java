package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Session 33 (res33): three resource classes, each as defect diffs and clean look-alikes modelled on real fixes of
 * other repositories (SOURCES.md in each folder). Every defect diff must get exactly its expected findings of the
 * class's item (active, any confidence), every clean one none:
 * <ul>
 * <li>RES-03, a defer in a loop the diff proves by a break no switch or select in view owns (a poll loop that breaks
 * on the final status), by a labelled continue, by a goto back to a label, or in a goroutine literal's select loop
 * ({@code analysis/HiddenLoopDefers});</li>
 * <li>RES-01, a JDBC statement or result set stored in a local of that type from a project helper whose body is out of
 * sight ({@code returns} / {@code local-type} entries of {@code java-jdk.yaml}, {@code DeclaredReturns.localEvidence});
 * a cached statement read out of a container, from a helper in view that lends a field, or a type the imports give
 * from another package or the change declares itself, is not one;</li>
 * <li>RES-02 and RES-01 of {@code removed-release}: a deleted release put back on another name of the same value
 * ({@code last = resp}, {@code InputStream counted = raw}) is a move ({@code engine/ReleaseAliases}); a release of an
 * unrelated value, or an alias nothing closes, is not.</li>
 * </ul>
 */
class Res33ClassesTest {

    @ParameterizedTest
    @CsvSource({
            "res33-go-defer-in-poll-loops, RES-03",
            "res33-java-helper-statements, RES-01",
            "res33-release-moved-to-alias, RES-0"})
    void each_class_diff_gets_exactly_its_expected_findings(String folder, String item) throws IOException {
        Path root = Path.of("web", "src", "test", "resources", "review", "classes25", folder);
        TreeMap<String, List<String>> expected = new TreeMap<>();
        TreeMap<String, List<String>> found = new TreeMap<>();
        List<Path> diffs;
        try (Stream<Path> s = Files.list(root)) {
            diffs = s.filter(p -> p.toString().endsWith(".diff")).sorted().toList();
        }
        for (Path p : diffs) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            List<String> want = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.startsWith("# expect: ")) {
                    want.add(line.substring("# expect: ".length()).strip());
                }
            }
            expected.put(p.getFileName().toString(), want);
            found.put(p.getFileName().toString(), TestRules.reviewDiff(text).active().stream()
                    .filter(f -> f.item().startsWith(item))
                    .map(f -> f.path() + ":" + f.line() + ":" + f.item()).distinct().sorted().toList());
        }
        assertEquals(expected.toString().replace("], ", "],\n"), found.toString().replace("], ", "],\n"));
    }
}
