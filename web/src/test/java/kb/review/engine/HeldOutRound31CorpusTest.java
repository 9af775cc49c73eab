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
 * Scores the review on the round-31 held-out corpus in {@code web/src/test/resources/review/heldout31}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories that rounds 1 to 30, precision sets 1 to 24, the breadth
 * passes and this session's breadth reading did not use, written from the checklist item titles and committed before
 * the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines
 * of context (several in two hunks or more), others carry CRLF, renamed files and new files. Loading is round 6's (each
 * diff reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound31CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout31");

    // Floors: see heldout31/RESULTS.md. Run 1 is the first and blind measurement (review at f38757d7, this branch's
    // point on main, unchanged; cases committed in 1a7f0436 before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 30/40 = 0.750, precision 30/32 = 0.938; Go 13/20 = 0.650 and
    // 13/13 = 1.000; Java 17/20 = 0.850 and 17/19 = 0.895. High-confidence only: overall 25/40 = 0.625 and
    // 25/27 = 0.926. Edits of existing files: recall 24/32 = 0.75, precision 24/25 = 0.96; new files (renames included)
    // 6/8 = 0.75 and 6/7 = 0.86.
    // Run 2 (same review, two accept lines for defects the cases carry and did not label, or labelled on another line
    // as well; no case code or expectation changed): recall unchanged; precision 30/30 = 1.000 overall, Go and Java
    // 1.000.
    static final double RECALL_FLOOR = 0.75;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.65, 1.00},
            "java", new double[] {0.85, 0.85});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_thirty_first_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 31");
        HeldOutCorpusTest.scoreRound(cases, "round 31", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
