package kb.review.engine;

import kb.review.rules.Rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The labelled corpus: each diff under {@code review/corpus} lists the findings a careful reviewer expects
 * ({@code # expect: path:line:rule}) and the rules it is a negative case for ({@code # negative-for: ...}).
 */
class CorpusTest {

    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "corpus");

    record Case(String name, String diff, Set<String> expected, Set<String> negativeFor) {

        Set<String> found() {
            Set<String> out = new TreeSet<>();
            for (Finding f : TestRules.reviewDiff(diff).active()) {
                out.add(f.path() + ":" + f.line() + ":" + f.rule());
            }
            return out;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(DIR)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".diff")).sorted().toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                Set<String> expected = new TreeSet<>();
                Set<String> negative = new TreeSet<>();
                for (String line : text.split("\n")) {
                    if (line.startsWith("# expect: ") && !line.equals("# expect: none")) {
                        expected.add(line.substring("# expect: ".length()).strip());
                    } else if (line.startsWith("# negative-for: ")) {
                        for (String r : line.substring("# negative-for: ".length()).split(",")) {
                            negative.add(r.strip());
                        }
                    }
                }
                out.add(new Case(p.getFileName().toString(), text, expected, negative));
            }
        }
        return out;
    }

    static Stream<String> ruleIds() {
        List<String> ids = new ArrayList<>(TestRules.book().rules().stream().map(Rule::id).toList());
        ids.add(Suppressions.NO_REASON_RULE);
        return ids.stream();
    }

    @Test
    void corpus_has_at_least_forty_diffs_in_go_and_java() throws IOException {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 40, "corpus size " + cases.size());
        assertTrue(cases.stream().anyMatch(c -> c.diff().contains(".go b/")));
        assertTrue(cases.stream().anyMatch(c -> c.diff().contains(".java b/")));
    }

    // Known misses, kept as they are labelled: go-31 logs on the error branch of the loop, which log-in-loop exempts
    // by design (java-34 is that exemption's negative case); java-15's ThreadLocal is declared outside the hunk and a
    // constant named TENANT is no ThreadLocal by name (with the checkout its declared type finds it).
    @Test
    void precision_and_recall_over_the_corpus_are_at_least_ninety_percent() throws IOException {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        List<String> misses = new ArrayList<>();
        for (Case c : cases()) {
            Set<String> found = c.found();
            for (String f : found) {
                if (c.expected().contains(f)) {
                    tp++;
                } else {
                    fp++;
                    misses.add("false positive " + c.name() + " " + f);
                }
            }
            for (String e : c.expected()) {
                if (!found.contains(e)) {
                    fn++;
                    misses.add("missed " + c.name() + " " + e);
                }
            }
        }
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        System.out.printf("review corpus: tp=%d fp=%d fn=%d precision=%.3f recall=%.3f%n", tp, fp, fn, precision,
                recall);
        misses.forEach(System.out::println);
        assertTrue(tp > 0, "the corpus expects findings");
        assertTrue(precision >= 0.9, "precision " + precision + "\n" + String.join("\n", misses));
        assertTrue(recall >= 0.9, "recall " + recall + "\n" + String.join("\n", misses));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleIds")
    void every_detector_fires_on_its_positive_cases_and_stays_quiet_on_its_negative_cases(String rule)
            throws IOException {
        Set<String> positives = new TreeSet<>();
        Set<String> hits = new TreeSet<>();
        boolean hasNegative = false;
        for (Case c : cases()) {
            Set<String> expected = ofRule(c.expected(), rule);
            Set<String> found = c.negativeFor().contains(rule) || !expected.isEmpty() ? ofRule(c.found(), rule)
                    : Set.of();
            positives.addAll(expected);
            Set<String> hit = new HashSet<>(expected);
            hit.retainAll(found);
            hits.addAll(hit);
            if (c.negativeFor().contains(rule)) {
                hasNegative = true;
                Set<String> extra = new TreeSet<>(found);
                extra.removeAll(expected);
                assertEquals(Set.of(), extra, rule + " fired where it should not in " + c.name());
            }
        }
        assertFalse(positives.isEmpty(), "no corpus diff expects " + rule);
        assertFalse(hits.isEmpty(), rule + " found none of its expected findings " + positives);
        assertTrue(hasNegative, "no corpus diff is a negative case for " + rule);
    }

    private static Set<String> ofRule(Set<String> keys, String rule) {
        Set<String> out = new TreeSet<>();
        for (String k : keys) {
            if (k.endsWith(":" + rule)) {
                out.add(k);
            }
        }
        return out;
    }
}
