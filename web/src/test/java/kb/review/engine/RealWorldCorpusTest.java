package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real-world corpus ({@code review/realworld}, sources in its SOURCES file): diffs modelled on public fix commits,
 * each written as the change that introduces the defect, plus clean look-alikes. Kept apart from the unit corpus.
 * Every finding of every rule counts: one that no {@code # expect:} line names is a false positive. The floors are
 * recall 0.85 and precision 0.90 per language and overall; the per-rule figures are printed.
 */
class RealWorldCorpusTest {

    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "realworld");

    record Case(String name, String language, Set<String> expected, Set<String> found) {
    }

    /** True positives, false positives and false negatives of one group. */
    static final class Score {
        int tp;
        int fp;
        int fn;

        double precision() {
            return tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : tp / (double) (tp + fn);
        }

        @Override
        public String toString() {
            return String.format("tp=%d fp=%d fn=%d precision=%.3f recall=%.3f", tp, fp, fn, precision(), recall());
        }
    }

    private static List<Case> cases;
    private static final Map<String, Score> byLanguage = new TreeMap<>();
    private static final Map<String, Score> byRule = new TreeMap<>();
    private static final Score overall = new Score();
    private static final List<String> misses = new ArrayList<>();

    @BeforeAll
    static void review_every_case() throws IOException {
        cases = new ArrayList<>();
        try (Stream<Path> s = Files.list(DIR)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".diff")).sorted().toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                Set<String> expected = new TreeSet<>();
                for (String line : text.split("\n")) {
                    if (line.startsWith("# expect: ")) {
                        expected.add(line.substring("# expect: ".length()).strip());
                    }
                }
                Set<String> found = new TreeSet<>();
                for (Finding f : TestRules.reviewDiff(text).active()) {
                    found.add(f.path() + ":" + f.line() + ":" + f.rule());
                }
                String name = p.getFileName().toString();
                cases.add(new Case(name, name.substring(0, name.indexOf('-')), expected, found));
            }
        }
        for (Case c : cases) {
            Score lang = byLanguage.computeIfAbsent(c.language(), k -> new Score());
            for (String f : c.found()) {
                Score rule = byRule.computeIfAbsent(c.language() + " " + rule(f), k -> new Score());
                if (c.expected().contains(f)) {
                    lang.tp++;
                    rule.tp++;
                    overall.tp++;
                } else {
                    lang.fp++;
                    rule.fp++;
                    overall.fp++;
                    misses.add("false positive " + c.name() + " " + f);
                }
            }
            for (String e : c.expected()) {
                if (!c.found().contains(e)) {
                    lang.fn++;
                    byRule.computeIfAbsent(c.language() + " " + rule(e), k -> new Score()).fn++;
                    overall.fn++;
                    misses.add("missed " + c.name() + " " + e);
                }
            }
        }
        System.out.println("real-world corpus: " + cases.size() + " diffs, overall " + overall);
        byLanguage.forEach((k, v) -> System.out.println("  " + k + ": " + v));
        byRule.forEach((k, v) -> System.out.println("  " + k + ": " + v));
        misses.forEach(m -> System.out.println("  " + m));
    }

    private static String rule(String key) {
        return key.substring(key.lastIndexOf(':') + 1);
    }

    @Test
    void corpus_has_sixty_defect_diffs_and_twenty_clean_look_alikes_with_a_source_each() throws IOException {
        long defects = cases.stream().filter(c -> !c.expected().isEmpty()).count();
        long clean = cases.size() - defects;
        assertTrue(defects >= 60, "defect diffs: " + defects);
        assertTrue(clean >= 20, "clean diffs: " + clean);
        String sources = Files.readString(DIR.resolve("SOURCES"), StandardCharsets.UTF_8);
        for (Case c : cases) {
            String stem = c.name().replace(".diff", "");
            assertTrue(sources.contains(stem + " "), "SOURCES names no source for " + c.name());
        }
    }

    @Test
    void recall_is_at_least_085_and_precision_at_least_090_per_language_and_overall() {
        String report = String.join("\n", misses);
        for (var e : byLanguage.entrySet()) {
            assertTrue(e.getValue().recall() >= 0.85, e.getKey() + " recall " + e.getValue() + "\n" + report);
            assertTrue(e.getValue().precision() >= 0.90, e.getKey() + " precision " + e.getValue() + "\n" + report);
        }
        assertTrue(overall.recall() >= 0.85, "overall recall " + overall + "\n" + report);
        assertTrue(overall.precision() >= 0.90, "overall precision " + overall + "\n" + report);
        assertTrue(byLanguage.keySet().containsAll(List.of("go", "java")), "both languages: " + byLanguage.keySet());
    }
}
