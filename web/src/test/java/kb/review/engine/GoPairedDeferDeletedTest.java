package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * RES-01/RES-02: an edit deletes the {@code defer v.Close()} written right under v's acquisition and its error check,
 * all three shown in the hunk (a gzip reader, an opened file, query rows, a response body, a dialled connection): the
 * finding is high confidence, since Go code closes such a value nowhere else (round 22, go-07). Clean look-alikes get
 * no high-confidence finding: the defer replaced by a checked close, a file handed to its owner instead, a release
 * kept while its acquisition is edited.
 */
class GoPairedDeferDeletedTest {

    @Test
    void a_deleted_defer_under_its_shown_acquisition_is_reported_at_high_confidence() throws IOException {
        Path root = Path.of("web", "src", "test", "resources", "review", "classes25", "res-paired-defer-deleted");
        Set<String> items = Set.of("RES-01", "RES-02");
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
                    .filter(f -> items.contains(f.item()) && f.confidence() == Finding.Confidence.HIGH)
                    .map(f -> f.path() + ":" + f.line() + ":" + f.item()).distinct().sorted().toList());
        }
        assertEquals(expected.toString().replace("], ", "],\n"), found.toString().replace("], ", "],\n"));
    }
}
