package kb.review.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.review.engine.HeldOutCorpusTest.Case;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the review on the round-15 held-out corpus in {@code web/src/test/resources/review/heldout15}: 120 diffs
 * (60 Go, 60 Java; 80 that introduce a defect with 80 expectations, 40 clean look-alikes written as real code is
 * written) modelled on public fix threads from 57 repositories that rounds 1 to 14, precision sets 1 to 10 and set 11 did
 * not use, written from the checklist items alone and committed (b2ca0476) before the review ran on them (see
 * SOURCES.md and RESULTS.md there). 49 cases edit an existing file with git's three lines of context, others carry CRLF,
 * a test beside the change, a generated file and two-file changes. Loading is round 6's (each diff reaches the review
 * with its line ends intact); matching and the three views are those of {@link HeldOutCorpusTest}; the figures are also
 * split by the shape of the change.
 * Floors: run 1's measured values (the blind run), rounded down to 0.05.
 */
class HeldOutRound15CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout15");

    // Floors: see heldout15/RESULTS.md. Run 1 is the first and blind measurement (review at 09aa54be, this branch's
    // point on main, unchanged; cases committed in b2ca0476 before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target. A precision of 1.00 gets a 0.95 floor.
    // Run 1, active findings: overall recall 55/80 = 0.688 (below target), precision 55/61 = 0.902; Go 29/40 = 0.725
    // (below target) and 29/31 = 0.935; Java 26/40 = 0.650 (below target) and 26/30 = 0.867 (below target).
    // High-confidence only: overall 52/80 = 0.650 and 52/57 = 0.912. Edits of existing files: recall 19/31 = 0.61,
    // precision 19/21 = 0.90; new files 36/49 = 0.73 and 36/40 = 0.90.
    // Run 2 (same review, four accept lines for labels the corpus missed, RESULTS.md; no case code or expectation
    // changed): recall unchanged; precision 55/57 = 0.965 overall, Go 29/30 = 0.967, Java 26/27 = 0.963.
    // The floors are run 1's, rounded down to 0.05.
    // Run 3, not blind (branches r15go, r15javares, r15javaerr merged after reading this round's misses): overall
    // 74/80 = 0.93 and 74/74; Go 37/40 and Java 37/40 = 0.93, precision 1.00. These say the fixed classes hold, not
    // how a new round reads (round 16 does that). Floors are run 3's rounded down to 0.05 (1.00 gets 0.95).
    static final double RECALL_FLOOR = 0.90;
    static final double PRECISION_FLOOR = 0.95;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.90, 0.95},
            "java", new double[] {0.90, 0.95});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_fifteenth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 15");
        HeldOutCorpusTest.scoreRound(cases, "round 15", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
