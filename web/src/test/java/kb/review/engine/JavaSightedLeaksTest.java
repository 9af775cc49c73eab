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
 * RES-01/RES-02 in a Java method the diff shows only in part: the confidence the review gives a leak. Each
 * {@code # expect:} line of review/classes25/res-unwrapped-whole names the finding and its confidence. (Session 27's
 * sighted-leak class, which raised leaks in partly shown methods to high confidence, was taken out at the merge: it
 * contradicted the low-confidence contract of ReviewPagesTest, OutputsTest and CutJavaHunksTest.)
 */
class JavaSightedLeaksTest {

    /**
     * Round 23's java-03 and java-08: a resource taken out of its try-with-resources in a method the diff shows from
     * its header to its closing brace, with no close of it there, is sure (the deleted header was its only close); the
     * same edit in a method whose header is unseen stays low, and a close added by hand, an in-memory writer and a
     * stream handed back to the caller are clean.
     */
    @Test
    void a_resource_unwrapped_in_a_method_shown_whole_is_sure() throws IOException {
        assertConfidence("res-unwrapped-whole", 9);
    }

    /** Each diff's {@code # expect: path:line:ITEM:CONFIDENCE} lines against the RES findings the review makes. */
    private static void assertConfidence(String dir, int count) throws IOException {
        Path root = Path.of("web", "src", "test", "resources", "review", "classes25", dir);
        TreeMap<String, List<String>> expected = new TreeMap<>();
        TreeMap<String, List<String>> found = new TreeMap<>();
        List<Path> diffs;
        try (Stream<Path> s = Files.list(root)) {
            diffs = s.filter(p -> p.toString().endsWith(".diff")).sorted().toList();
        }
        for (Path p : diffs) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            String name = p.getFileName().toString();
            List<String> want = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.startsWith("# expect: ")) {
                    want.add(line.substring("# expect: ".length()).strip());
                }
            }
            expected.put(name, want);
            found.put(name, TestRules.reviewDiff(text).active().stream()
                    .filter(f -> Set.of("RES-01", "RES-02").contains(f.item()))
                    .map(f -> f.path() + ":" + f.line() + ":" + f.item() + ":" + f.confidence())
                    .distinct().sorted().toList());
        }
        assertEquals(count, diffs.size());
        assertEquals(expected.toString().replace("], ", "],\n"), found.toString().replace("], ", "],\n"));
    }
}
