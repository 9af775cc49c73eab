package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Session 25's class diffs (review/classes25/CLASS/*.diff): each defect variant names its findings in
 * {@code # expect: path:line:ITEM} lines, each clean look-alike has none. Only the items of the class are compared,
 * so another item's finding on a variant (a default client's TMO-01 beside a leak) neither helps nor hurts.
 */
final class ClassDiffs25 {

    private ClassDiffs25() {
    }

    /** For every diff of the class: what its header expects and what the review found, by file name. */
    static void check(String dir, Set<String> items) {
        Path root = Path.of("web", "src", "test", "resources", "review", "classes25", dir);
        TreeMap<String, List<String>> expected = new TreeMap<>();
        TreeMap<String, List<String>> found = new TreeMap<>();
        List<Path> diffs;
        try (Stream<Path> s = Files.list(root)) {
            diffs = s.filter(p -> p.toString().endsWith(".diff")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path p : diffs) {
            String text;
            try {
                text = Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String name = p.getFileName().toString();
            List<String> want = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.startsWith("# expect: ")) {
                    want.add(line.substring("# expect: ".length()).strip());
                }
            }
            expected.put(name, want);
            found.put(name, TestRules.reviewDiff(text).active().stream().filter(f -> items.contains(f.item()))
                    .map(f -> f.path() + ":" + f.line() + ":" + f.item()).distinct().sorted().toList());
        }
        assertEquals(expected.toString().replace("], ", "],\n"), found.toString().replace("], ", "],\n"));
    }
}
