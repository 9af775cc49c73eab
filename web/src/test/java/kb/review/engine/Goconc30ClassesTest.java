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
 * Session 30 (goconc30): four Go classes of concurrency and context defects, each as defect diffs and clean
 * look-alikes modelled on real fixes of other repositories (SOURCES.md in each folder). Every defect diff must get
 * exactly its expected findings of the class's item (active, any confidence), every clean one none:
 * <ul>
 * <li>TMO-02, a call with a context-taking twin ({@code exec.Command}, {@code net.DialTimeout}, an http.Client's
 * {@code Get}) or a fresh root context from a project constructor or a helper of the file, where the caller's context
 * is in scope ({@code models/go-context-twins-30.yaml}, {@code analysis/FreshRoots});</li>
 * <li>CONC-05, a sleep that replaces a select on a cancellation and a timer, whatever expression reaches the
 * cancellation ({@code c.Request.Context().Done()}) or the timer ({@code s.clock.After}, a timer's C);</li>
 * <li>CONC-02, a goroutine whose semaphore slot is taken inside it, and a deleted slot or once-per-key guard before
 * a kept {@code go} ({@code go-slot-taken-inside-goroutine}, {@code engine/DeletedSpawnGuards});</li>
 * <li>RES-03, a defer in a retry loop whose turn continues after it, with the loop's header above the hunk.</li>
 * </ul>
 */
class Goconc30ClassesTest {

    @ParameterizedTest
    @CsvSource({
            "goconc30-context-twins, TMO-02",
            "goconc30-sleep-replaces-cancellable-wait, CONC-05",
            "goconc30-spawn-bounds, CONC-02",
            "goconc30-defer-in-retry-loops, RES-03"})
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
                    .filter(f -> f.item().equals(item))
                    .map(f -> f.path() + ":" + f.line() + ":" + f.item()).distinct().sorted().toList());
        }
        assertEquals(expected.toString().replace("], ", "],\n"), found.toString().replace("], ", "],\n"));
    }
}
