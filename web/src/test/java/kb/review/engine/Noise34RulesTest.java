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
 * Session 34 (noise34): the evidence a reviewer checks before asking for a thread-local's remove in finally (CONC-04,
 * {@code java-threadlocal-without-finally-remove}), from the false rows of precision sets 17-24 and checked on other
 * repositories (SOURCES.md in the folder). Every defect diff must get exactly its expected findings, every clean one
 * none: a per-thread instance filled lazily when {@code get()} is null ({@code analysis/PerThreadCaches}), a try whose
 * handlers the diff leaves out ({@code engine/CutTryHandlers}), a name declared in view with another type
 * ({@code engine/DeclaredOtherwise}), a configuration holder, a "current" value in preferences, a JavaFX property
 * ({@code analysis/CurrentValues}, {@code java-jdk.yaml}). The same shapes with the caller's value, a shown finally
 * without the remove, a thread-local declared in view, or a holder of the current user stay reported.
 * <p>And for {@code go-shadowed-error-lost} (ERR-01): a shadowed err whose failure branch returns an error (or a
 * result) of its own, or after whose block the outer err is written again or never read, loses nothing; a naked
 * return in the failure branch, or a break before the outer err is returned, still loses the failure.
 */
class Noise34RulesTest {

    @ParameterizedTest
    @CsvSource({
            "noise34-thread-local-evidence, CONC-04, java-threadlocal-without-finally-remove",
            "noise34-go-shadowed-error, ERR-01, go-shadowed-error-lost"})
    void each_class_diff_gets_exactly_its_expected_findings(String folder, String item, String rule)
            throws IOException {
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
                    .filter(f -> f.item().startsWith(item) && f.rule().equals(rule))
                    .map(f -> f.path() + ":" + f.line() + ":" + f.item()).distinct().sorted().toList());
        }
        assertEquals(expected.toString().replace("], ", "],\n"), found.toString().replace("], ", "],\n"));
    }
}
