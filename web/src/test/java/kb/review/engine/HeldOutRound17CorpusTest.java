package kb.review.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.review.engine.HeldOutCorpusTest.Case;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the review on the round-17 held-out corpus in {@code web/src/test/resources/review/heldout17}: 120 diffs
 * (60 Go, 60 Java; 79 that introduce a defect with 81 expectations, 41 clean look-alikes written as real code is
 * written) modelled on public fix threads from 40 repositories that rounds 1 to 16, precision sets 1 to 12 and set 13
 * did not use, written from the checklist items alone and committed (8da5da0f) before the review ran on them (see
 * SOURCES.md and RESULTS.md there). 74 cases edit an existing file with git's three lines of context, others carry
 * CRLF, a renamed file, tests beside the change, a generated mapper and two-file changes. Loading is round 6's (each
 * diff reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 * Floors: run 1's measured values (the blind run), rounded down to 0.05.
 */
class HeldOutRound17CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout17");

    // Floors: see heldout17/RESULTS.md. Run 1 is the first and blind measurement (review at 331dc79d, this branch's
    // point on main, unchanged; cases committed in 8da5da0f before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target. A precision of 1.00 gets a 0.95 floor.
    // Run 1, active findings: overall recall 48/81 = 0.593 (below target), precision 48/52 = 0.923; Go 28/42 = 0.667
    // (below target) and 28/30 = 0.933; Java 20/39 = 0.513 (below target) and 20/22 = 0.909.
    // High-confidence only: overall 43/81 = 0.531 and 43/47 = 0.915. Edits of existing files: recall 34/58 = 0.59,
    // precision 34/37 = 0.92; new files 14/23 = 0.61 and 14/15 = 0.93.
    // Run 2 (same review, one accept line for a label the corpus missed, RESULTS.md; no case code or expectation
    // changed): recall unchanged; precision 48/51 = 0.941 overall, Go 28/29 = 0.966, Java unchanged.
    // The floors are run 1's, rounded down to 0.05.
    static final double RECALL_FLOOR = 0.55;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.65, 0.90},
            "java", new double[] {0.50, 0.90});

    static List<Case> cases;

    @BeforeAll
    static void reviewEveryCase() throws IOException {
        cases = HeldOutRound6CorpusTest.loadAll(DIR);
    }

    @Test
    void every_case_names_its_public_source_and_reaches_the_review_as_a_parsed_file() {
        HeldOutCorpusTest.checkCases(cases, 120);
    }

    @Test
    void the_review_keeps_its_measured_recall_and_precision_on_a_seventeenth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 17");
        HeldOutCorpusTest.scoreRound(cases, "round 17", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
