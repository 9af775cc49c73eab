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
 * Scores the review on the round-35 held-out corpus in {@code web/src/test/resources/review/heldout35}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories that rounds 1 to 34, the precision sets, the breadth
 * passes and this session's breadth reading did not use, written from the checklist item titles and committed before
 * the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines
 * of context (several in two hunks), others carry CRLF, renamed files and new files. Loading is round 6's (each diff
 * reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound35CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout35");

    // Floors: see heldout35/RESULTS.md. Run 1 is the first and blind measurement (review at 93241843, this branch's
    // point on main, unchanged; cases committed in 14c0bf42 before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 29/40 = 0.725, precision 29/35 = 0.829; Go 14/20 = 0.700 and
    // 14/17 = 0.824; Java 15/20 = 0.750 and 15/18 = 0.833 (recall and precision below target). High-confidence only:
    // overall 23/40 = 0.575 and 23/29 = 0.793. Edits of existing files: recall 21/30 = 0.70, precision 21/22 = 0.95;
    // new files (renames included) 8/10 = 0.80 and 8/13 = 0.62.
    // Run 2 (same review, one accept line for a per-call client found in the helper that builds it rather than at the
    // call; no case code or expectation changed): recall unchanged; precision 29/34 = 0.853 overall, Go 14/16 = 0.875.
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
        assertEquals(60, cases.size(), "corpus size");
        HeldOutCorpusTest.checkCases(cases, 60);
    }

    @Test
    void the_review_keeps_its_measured_recall_and_precision_on_a_thirty_fifth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 35");
        HeldOutCorpusTest.scoreRound(cases, "round 35", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
