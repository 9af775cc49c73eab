package kb.review.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.review.engine.HeldOutCorpusTest.Case;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the review on the round-19 held-out corpus in {@code web/src/test/resources/review/heldout19}: 120 diffs
 * (60 Go, 60 Java; 80 that introduce a defect with 80 expectations, 40 clean look-alikes written as real code is
 * written) modelled on public fix threads from 40 repositories that rounds 1 to 18 and precision sets 1 to 15 did not
 * use, written from the checklist items alone and committed (96ec20c5) before the review ran on them (see SOURCES.md
 * and RESULTS.md there). 79 cases edit an existing file with git's three lines of context, others carry CRLF, renamed
 * files, tests beside the change, a generated mock and two-file changes. Loading is round 6's (each diff reaches the
 * review with its line ends intact); matching and the three views are those of {@link HeldOutCorpusTest}; the figures
 * are also split by the shape of the change.
 * Floors: run 1's measured values (the blind run), rounded down to 0.05.
 */
class HeldOutRound19CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout19");

    // Floors: see heldout19/RESULTS.md. Run 1 is the first and blind measurement (review at ea9b35ef, this branch's
    // point on main, unchanged; cases committed in 96ec20c5 before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 57/80 = 0.713 (below target), precision 57/65 = 0.877 (below target);
    // Go 29/40 = 0.725 (below target) and 29/31 = 0.935; Java 28/40 = 0.700 (below target) and 28/34 = 0.824 (below
    // target). High-confidence only: overall 47/80 = 0.588 and 47/55 = 0.855. Edits of existing files: recall
    // 43/60 = 0.72, precision 43/44 = 0.98; new files 14/20 = 0.70 and 14/21 = 0.67.
    // Run 2 (same review, one accept line for a label the corpus missed, RESULTS.md; no case code or expectation
    // changed): recall unchanged; precision 57/64 = 0.891 overall, Go 29/31 = 0.935, Java 28/33 = 0.848.
    // The floors are run 1's, rounded down to 0.05.
    static final double RECALL_FLOOR = 0.70;
    static final double PRECISION_FLOOR = 0.85;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.70, 0.90},
            "java", new double[] {0.70, 0.80});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_nineteenth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 19");
        HeldOutCorpusTest.scoreRound(cases, "round 19", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
