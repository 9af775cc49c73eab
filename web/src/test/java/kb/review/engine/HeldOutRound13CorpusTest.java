package kb.review.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.review.engine.HeldOutCorpusTest.Case;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the review on the round-13 held-out corpus in {@code web/src/test/resources/review/heldout13}: 120 diffs
 * (60 Go, 60 Java; 80 that introduce a defect with 82 expectations, 40 clean look-alikes) modelled on public fix
 * threads from 73 repositories that rounds 1 to 12 and the precision sets did not use, written from the checklist items
 * alone and committed (8bdaf59a) before the review ran on them (see SOURCES.md, RESULTS.md and CORRECTIONS.md there).
 * 37 cases edit an existing file with git's three lines of context, others carry renames, CRLF, test, build and
 * generated files. Loading is round 6's (each diff reaches the review with its line ends intact); matching and the three
 * views are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound13CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout13");

    // Floors: see heldout13/RESULTS.md. Run 1 is the first and blind measurement (review at bb29b1a7, this branch's
    // point on main, unchanged; cases committed in 8bdaf59a before the run). Each floor is the measured value rounded
    // down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90) would be a
    // finding for the team, not hidden by a lower target. A precision of 1.00 gets a 0.95 floor.
    // Run 1, active findings: overall recall 71/82 = 0.866, precision 71/73 = 0.973; Go 37/42 = 0.881 and 37/37 = 1.00;
    // Java 34/40 = 0.850 and 34/36 = 0.944. High-confidence only: overall 66/82 = 0.805 and 66/67 = 0.985. Edits of
    // existing files: recall 22/28 = 0.79, precision 22/24 = 0.92.
    // Run 2 (same review, 2 accept lines for label errors of the corpus, heldout13/CORRECTIONS.md; no case code
    // changed): recall unchanged; precision 71/71 = 1.00 overall, Go 37/37, Java 34/34.
    // Recall floors from run 1, precision floors from run 2 (the test runs with the accept lines).
    // Run 3 (not blind: the review after branch r13's changes for the classes of run 1's misses, RESULTS.md): overall
    // recall 78/82 = 0.951 (floor 0.95), precision 78/78 = 1.00 (0.95); Go 41/42 = 0.976 (0.95) and 41/41 = 1.00
    // (0.95); Java 37/40 = 0.925 (0.90) and 37/37 = 1.00 (0.95). Edits of existing files: recall 27/28 = 0.96. The
    // floors below are run 3's, but for Java precision: since session 38 (lead) a JDBC statement without
    // setQueryTimeout is judged only in a file that sets it on other statements, java-10's voltdb loader is a miss,
    // and 37/39 = 0.949 rounds down to 0.90.
    static final double RECALL_FLOOR = 0.95;
    static final double PRECISION_FLOOR = 0.95;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.95, 0.95},
            "java", new double[] {0.90, 0.90});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_thirteenth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 13");
        HeldOutCorpusTest.scoreRound(cases, "round 13", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
