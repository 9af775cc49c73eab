package kb.review.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.review.engine.HeldOutCorpusTest.Case;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the review on the round-21 held-out corpus in {@code web/src/test/resources/review/heldout21}: 120 diffs
 * (60 Go, 60 Java; 80 that introduce a defect with 80 expectations, 40 clean look-alikes written as real code is
 * written) modelled on public fix threads from 40 repositories that rounds 1 to 20 and precision sets 1 to 17 did not
 * use, written from the checklist items alone and committed (c6756e33) before the review ran on them (see SOURCES.md
 * and RESULTS.md there). 81 cases edit an existing file with git's three lines of context, others carry CRLF, renamed
 * files, tests beside the change, a generated mock and a generated protobuf enum, build files and two-file changes.
 * Loading is round 6's (each diff reaches the review with its line ends intact); matching and the three views are those
 * of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 * Floors: run 1's measured values (the blind run), rounded down to 0.05.
 */
class HeldOutRound21CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout21");

    // Floors: see heldout21/RESULTS.md. Run 1 is the first and blind measurement (review at 68d4b501, this branch's
    // point on main, unchanged; cases committed in c6756e33 before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 64/80 = 0.800 (below target), precision 64/72 = 0.889 (below target);
    // Go 32/40 = 0.800 (below target) and 32/36 = 0.889 (below target); Java 32/40 = 0.800 (below target) and
    // 32/36 = 0.889 (below target). High-confidence only: overall 57/80 = 0.713 and 57/62 = 0.919. Edits of existing
    // files: recall 39/49 = 0.80, precision 39/44 = 0.89; new files 25/31 = 0.81 and 25/28 = 0.89.
    // Run 2 (same review, six accept lines for labels the corpus missed, RESULTS.md; no case code or expectation
    // changed): recall unchanged; precision 64/66 = 0.970 overall, Go 32/32 = 1.000, Java 32/34 = 0.941.
    // The floors are run 1's, rounded down to 0.05.
    static final double RECALL_FLOOR = 0.80;
    static final double PRECISION_FLOOR = 0.85;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.80, 0.85},
            "java", new double[] {0.80, 0.85});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_twenty_first_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 21");
        HeldOutCorpusTest.scoreRound(cases, "round 21", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
