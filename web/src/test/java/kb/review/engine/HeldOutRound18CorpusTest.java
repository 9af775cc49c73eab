package kb.review.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.review.engine.HeldOutCorpusTest.Case;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the review on the round-18 held-out corpus in {@code web/src/test/resources/review/heldout18}: 120 diffs
 * (60 Go, 60 Java; 80 that introduce a defect with 81 expectations, 40 clean look-alikes written as real code is
 * written) modelled on public fix threads from 40 repositories that rounds 1 to 17, precision sets 1 to 13 and set 14
 * did not use, written from the checklist items alone and committed (59b5e261) before the review ran on them (see
 * SOURCES.md and RESULTS.md there). 81 cases edit an existing file with git's three lines of context, others carry
 * CRLF, renamed files, tests beside the change, generated files and two-file changes. Loading is round 6's (each diff
 * reaches the review with its line ends intact); matching and the three views are those of {@link HeldOutCorpusTest};
 * the figures are also split by the shape of the change.
 * Floors: run 1's measured values (the blind run), rounded down to 0.05.
 */
class HeldOutRound18CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout18");

    // Floors: see heldout18/RESULTS.md. Run 1 is the first and blind measurement (review at f2126cef, this branch's
    // point on main, unchanged; cases committed in 59b5e261 before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 57/81 = 0.704 (below target), precision 57/62 = 0.919; Go 33/41 = 0.805
    // (below target) and 33/35 = 0.943; Java 24/40 = 0.600 (below target) and 24/27 = 0.889 (below target).
    // High-confidence only: overall 49/81 = 0.605 and 49/54 = 0.907. Edits of existing files: recall 41/61 = 0.67,
    // precision 41/45 = 0.91; new files 16/20 = 0.80 and 16/17 = 0.94.
    // Run 2 (same review, three accept lines for labels the corpus missed, RESULTS.md; no case code or expectation
    // changed): recall unchanged; precision 57/59 = 0.966 overall, Go 33/33 = 1.00, Java 24/26 = 0.923.
    // The floors are run 1's, rounded down to 0.05.
    static final double RECALL_FLOOR = 0.70;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.80, 0.90},
            "java", new double[] {0.60, 0.85});

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
    void the_review_keeps_its_measured_recall_and_precision_on_an_eighteenth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 18");
        HeldOutCorpusTest.scoreRound(cases, "round 18", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
