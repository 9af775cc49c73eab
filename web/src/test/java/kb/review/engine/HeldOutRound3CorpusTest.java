package kb.review.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.review.engine.HeldOutCorpusTest.Case;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the review on the round-3 held-out corpus in {@code web/src/test/resources/review/heldout3}: 100 diffs
 * (Java-heavy) modelled on public fix commits that rounds 1 and 2 did not use, written and committed before the
 * review ran on them, while the review was being changed in parallel by an engineer who never saw them; written
 * without reading the detectors, the rule files or any other corpus (see SOURCES.md and RESULTS.md there).
 * Expectations, matching (same path, within two lines, one of the items) and the three views are exactly those of
 * {@link HeldOutCorpusTest}, whose loading and scoring this test reuses.
 */
class HeldOutRound3CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout3");

    // Floors: see heldout3/RESULTS.md for every run. A figure at or above the targets (recall 0.85,
    // precision 0.90) is asserted at the measured value minus 0.02; a figure below target is asserted at the
    // measured value rounded down to 0.05, as a regression floor only: the gap to the target is a finding for the
    // team, not hidden by a lower target.
    // Run 1 (review at 8fe3228, this branch's point on main, cases committed before the run; no label changed after
    // it, see CORRECTIONS.md): overall recall 53/68 = 0.78 (below target: a finding, floor 0.75), precision 53/56 =
    // 0.95 (floor 0.92); Go recall 23/29 = 0.79 (below target, floor 0.75), precision 23/25 = 0.92 (floor 0.90);
    // Java recall 30/39 = 0.77 (below target, floor 0.75), precision 30/31 = 0.97 (floor 0.94).
    // Run 2 (review at fd3fca1, after the session's Java work, whose engineer never saw this corpus: still blind):
    // overall recall 55/68 = 0.81 (below target, floor 0.80), precision 55/60 = 0.92 (floor 0.89); Go 23/29 = 0.79
    // (floor 0.75) and 23/25 = 0.92 (floor 0.90); Java recall 32/39 = 0.82 (below target, floor 0.80), precision
    // 32/35 = 0.91 (floor 0.89). Two new false positives came with the new rules; RESULTS.md names them.
    static final double RECALL_FLOOR = 0.80;
    static final double PRECISION_FLOOR = 0.89;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.75, 0.90},
            "java", new double[] {0.80, 0.89});

    static List<Case> cases;

    @BeforeAll
    static void reviewEveryCase() throws IOException {
        cases = HeldOutCorpusTest.loadAll(DIR);
    }

    @Test
    void every_case_names_its_public_source_and_reaches_the_review_as_a_parsed_file() {
        HeldOutCorpusTest.checkCases(cases, 100);
    }

    @Test
    void the_review_keeps_its_measured_recall_and_precision_on_a_third_corpus_it_was_not_tuned_to() {
        HeldOutCorpusTest.scoreRound(cases, "round 3", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
