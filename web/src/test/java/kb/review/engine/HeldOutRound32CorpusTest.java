package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.review.engine.HeldOutCorpusTest.Case;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the review on the round-32 held-out corpus in {@code web/src/test/resources/review/heldout32}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories that rounds 1 to 31, the precision sets, the breadth
 * passes and this session's breadth reading did not use, written from the checklist item titles and committed before
 * the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines
 * of context (several in two hunks), others carry CRLF, renamed files and new files. Loading is round
 * 6's (each diff reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound32CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout32");

    // Floors: see heldout32/RESULTS.md. Run 1 is the first and blind measurement (review at f38757d7, this branch's
    // point on main, unchanged; cases committed in 9f43dff4 before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 34/40 = 0.850, precision 34/44 = 0.773; Go 16/20 = 0.800 and
    // 16/22 = 0.727; Java 18/20 = 0.900 and 18/22 = 0.818 (precision below target). High-confidence only: overall
    // 28/40 = 0.700 and 28/38 = 0.737. Edits of existing files: recall 28/32 = 0.88, precision 28/28 = 1.00; new files
    // (renames included) 6/8 = 0.75 and 6/16 = 0.38.
    // Run 2 (same review, one accept line for a defect found on the scheduling line rather than the labelled throw;
    // no case code or expectation changed): recall unchanged; precision 34/43 = 0.791 overall, Java 18/21 = 0.857.
    static final double RECALL_FLOOR = 0.85;
    static final double PRECISION_FLOOR = 0.75;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.80, 0.70},
            "java", new double[] {0.90, 0.80});

    static List<Case> cases;

    @BeforeAll
    static void reviewEveryCase() throws IOException {
        cases = HeldOutRound6CorpusTest.loadAll(DIR);
    }

    @Test
    void every_case_names_its_public_source_and_reaches_the_review_as_a_parsed_file() {
        assertEquals(60, cases.size(), "corpus size");
        HeldOutCorpusTest.checkCases(cases, 60);
    }

    @Test
    void the_review_keeps_its_measured_recall_and_precision_on_a_thirty_second_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 32");
        HeldOutCorpusTest.scoreRound(cases, "round 32", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
