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
 * Scores the review on the round-42 held-out corpus in {@code web/src/test/resources/review/heldout42}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories that rounds 1 to 39, the precision sets, the breadth
 * passes and this session's other blind rounds did not use, written from the checklist item titles and committed
 * before the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's
 * three lines of context (several in two hunks), others carry CRLF, renamed files and new files. Loading is round 6's
 * (each diff reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound42CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout42");

    // Floors: see heldout42/RESULTS.md. Run 1 is the first and blind measurement (review at 0b696d8e, this branch's
    // point on main, unchanged; cases committed in ce4405d2 before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 31/40 = 0.775, precision 31/36 = 0.861; Go 15/20 = 0.750 and
    // 15/18 = 0.833; Java 16/20 = 0.800 and 16/18 = 0.889 (recall and precision below target overall and in both
    // languages). High-confidence only: overall 21/40 = 0.525 and 21/25 = 0.840. Edits of existing files: recall
    // 25/32 = 0.78, precision 25/28 = 0.89; new files (renames included) 6/8 = 0.75 and 6/8 = 0.75.
    // Run 2 (same review, two accept lines for defects the cases carry and the review found where the label is not:
    // a second defer in the same loop as the labelled one, a socket's missing read timeout found at new Socket() three
    // lines above the labelled connect; no case code or expectation changed): recall unchanged; precision
    // 31/34 = 0.912 overall, Go 15/17 = 0.882, Java 16/17 = 0.941.
    static final double RECALL_FLOOR = 0.75;
    static final double PRECISION_FLOOR = 0.85;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.75, 0.80},
            "java", new double[] {0.80, 0.85});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_forty_second_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 42");
        HeldOutCorpusTest.scoreRound(cases, "round 42", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
