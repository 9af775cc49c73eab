package kb.review.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.review.engine.HeldOutCorpusTest.Case;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the review on the round-20 held-out corpus in {@code web/src/test/resources/review/heldout20}: 120 diffs
 * (60 Go, 60 Java; 80 that introduce a defect with 82 expectations, 40 clean look-alikes written as real code is
 * written) modelled on public fix threads from 40 repositories that rounds 1 to 19 and precision sets 1 to 16 did not
 * use, written from the checklist items alone and committed (f9e094b4) before the review ran on them (see SOURCES.md
 * and RESULTS.md there). 80 cases edit an existing file with git's three lines of context, others carry CRLF, renamed
 * files, tests beside the change, a generated mock and a generated protobuf class, and two-file changes. Loading is
 * round 6's (each diff reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 * Floors: run 1's measured values (the blind run), rounded down to 0.05.
 */
class HeldOutRound20CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout20");

    // Floors: see heldout20/RESULTS.md. Run 1 is the first and blind measurement (review at 9cda61fc, this branch's
    // point on main, unchanged; cases committed in f9e094b4 before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 60/82 = 0.732 (below target), precision 60/74 = 0.811 (below target);
    // Go 30/42 = 0.714 (below target) and 30/37 = 0.811 (below target); Java 30/40 = 0.750 (below target) and
    // 30/37 = 0.811 (below target). High-confidence only: overall 50/82 = 0.610 and 50/61 = 0.820. Edits of existing
    // files: recall 47/66 = 0.71, precision 47/54 = 0.87; new files 13/16 = 0.81 and 13/20 = 0.65.
    // Run 2 (same review, four accept lines for labels the corpus missed, RESULTS.md; no case code or expectation
    // changed): recall unchanged; precision 60/70 = 0.857 overall, Go 30/34 = 0.882, Java 30/36 = 0.833.
    // The floors are run 1's, rounded down to 0.05.
    static final double RECALL_FLOOR = 0.70;
    static final double PRECISION_FLOOR = 0.80;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.70, 0.80},
            "java", new double[] {0.75, 0.80});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_twentieth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 20");
        HeldOutCorpusTest.scoreRound(cases, "round 20", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
