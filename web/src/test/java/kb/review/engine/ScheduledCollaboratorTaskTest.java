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
import org.junit.jupiter.api.Test;

/**
 * CONC-07 (session 27, round 23's java-26): a periodic task whose lambda only calls a method of another object held in
 * a field or a local (`() -> store.save(snapshot)`, `() -> gateway.push(registry)`), with that method out of sight,
 * is reported at high confidence: the collaborator's method is its work, not a guard written for the task. Clean
 * look-alikes get no high-confidence finding: a lambda that catches everything, a receiver named like a guard, a
 * helper of this class out of the hunk (those two stay at low confidence).
 */
class ScheduledCollaboratorTaskTest {

    @Test
    void a_periodic_lambda_calling_a_collaborator_is_reported_at_high_confidence() throws IOException {
        Path root = Path.of("web", "src", "test", "resources", "review", "classes25", "conc07-collaborator-task");
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
                    .filter(f -> f.item().equals("CONC-07") && f.confidence() == Finding.Confidence.HIGH)
                    .map(f -> f.path() + ":" + f.line() + ":" + f.item()).distinct().sorted().toList());
        }
        assertEquals(expected.toString().replace("], ", "],\n"), found.toString().replace("], ", "],\n"));
    }
}
