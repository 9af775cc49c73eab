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
 * Scores the review on the round-39 held-out corpus in {@code web/src/test/resources/review/heldout39}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories that rounds 1 to 38, the precision sets, the breadth
 * passes and this session's breadth reading did not use, written from the checklist item titles and committed before
 * the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines
 * of context (several in two hunks), others carry CRLF, renamed files and new files. Loading is round 6's (each diff
 * reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound39CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout39");

    // Floors: see heldout39/RESULTS.md. Run 1 is the first and blind measurement (review at a3e4e3b7, this branch's
    // point on main, unchanged; cases committed in f8a7d857 before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 30/40 = 0.750, precision 30/33 = 0.909; Go 17/20 = 0.850 and
    // 17/17 = 1.000; Java 13/20 = 0.650 and 13/16 = 0.813 (recall below target overall and in Java, Java precision
    // below target). High-confidence only: overall 21/40 = 0.525 and 21/23 = 0.913. Edits of existing files: recall
    // 25/32 = 0.78, precision 25/26 = 0.96; new files (renames included) 5/8 = 0.63 and 5/7 = 0.71.
    // Run 2 (same review, two accept lines for defects the cases carry and the review found where the label is not:
    // an InterruptedException swallowed by the same empty catch as the labelled ERR-01, and a removed rollback found
    // at the removal rather than at setAutoCommit; no case code or expectation changed): recall unchanged; precision
    // 30/31 = 0.968 overall, Java 13/14 = 0.929.
    static final double RECALL_FLOOR = 0.75;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.85, 1.00},
            "java", new double[] {0.65, 0.80});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_thirty_ninth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 39");
        HeldOutCorpusTest.scoreRound(cases, "round 39", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
