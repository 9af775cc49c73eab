package kb.review.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.review.engine.HeldOutCorpusTest.Case;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the review on the round-2 held-out corpus in {@code web/src/test/resources/review/heldout2}: diffs
 * modelled on public fix commits that round 1 did not use, written and committed before the review ran on them,
 * without reading the detectors, the rule files or any other corpus (see SOURCES.md and RESULTS.md there).
 * Expectations, matching (same path, within two lines, one of the items) and the three views are exactly those of
 * {@link HeldOutCorpusTest}, whose loading and scoring this test reuses.
 */
class HeldOutRound2CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout2");

    // Floors: see heldout2/RESULTS.md for every run. A figure at or above the targets (recall 0.85,
    // precision 0.90) is asserted at the measured value minus 0.02; a figure below target is asserted at the
    // measured value rounded down to 0.05, as a regression floor only: the gap to the target is a finding for the
    // team, not hidden by a lower target.
    // Run 2 (review at c0eb3d3, after the label corrections in CORRECTIONS.md): overall recall 51/68 = 0.75 (below
    // target: a finding, floor 0.75), precision 51/55 = 0.93 (floor 0.90); Go recall 31/34 = 0.91 (floor 0.89),
    // precision 31/32 = 0.97 (floor 0.94); Java recall 20/34 = 0.59 (below target: a finding, floor 0.55),
    // precision 20/23 = 0.87 (below target: a finding, floor 0.85).
    // Run 3 (after merging main at d27c92d, the review's rewrite, which did not see this corpus): overall recall
    // 52/68 = 0.76 (below target, floor 0.75), precision 52/56 = 0.93 (floor 0.90); Go 31/34 = 0.91 and 31/32 = 0.97
    // (floors 0.89, 0.94); Java recall 21/34 = 0.62 (below target, floor 0.60), precision 21/24 = 0.88 (below
    // target, floor 0.85). The below-target figures are the gap this corpus measures; RESULTS.md lists the misses.
    static final double RECALL_FLOOR = 0.75;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.89, 0.94},
            "java", new double[] {0.60, 0.85});

    static List<Case> cases;

    @BeforeAll
    static void reviewEveryCase() throws IOException {
        cases = HeldOutCorpusTest.loadAll(DIR);
    }

    @Test
    void every_case_names_its_public_source_and_reaches_the_review_as_a_parsed_file() {
        HeldOutCorpusTest.checkCases(cases, 60);
    }

    @Test
    void the_review_keeps_its_measured_recall_and_precision_on_a_second_corpus_it_was_not_tuned_to() {
        HeldOutCorpusTest.scoreRound(cases, "round 2", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
