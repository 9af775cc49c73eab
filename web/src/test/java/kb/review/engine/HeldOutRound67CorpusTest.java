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
 * Scores the review on the round-67 held-out corpus in {@code web/src/test/resources/review/heldout67}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories (commerce and finance back ends: payments, orders,
 * billing, banking, booking, trading and market data) that rounds 1 to 66, the precision sets, the breadth passes and
 * this session's other blind rounds did not use, written from the checklist item titles and committed before the
 * review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines of
 * context (several in two hunks), others carry CRLF, renamed files and new files. Loading is round 6's (each diff
 * reaches the review with its line ends intact); matching and the three views are those of {@link
 * HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound67CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout67");

    // Floors: see heldout67/RESULTS.md. Run 1 is the first and blind measurement (review at e4744622, this branch's
    // base, unchanged), committed cases c5651ba4; the floors are run 1's figures (active findings, any confidence)
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is reported, not hidden.
    // Run 1, active findings: overall recall 39/40 = 0.975, precision 39/41 = 0.951; Go 19/20 = 0.950 and
    // 19/19 = 1.000; Java 20/20 = 1.000 and 20/22 = 0.909. High-confidence only: overall 29/40 = 0.725 and
    // 29/30 = 0.967. Edits of existing files: recall 30/30, precision 30/31; new and renamed files 9/10 and 9/10. One
    // accept line (a real defect the case left unlabelled) for run 2: precision 39/40 = 0.975 overall, Java
    // 20/21 = 0.952, recall unchanged.
    static final double RECALL_FLOOR = 0.95;
    static final double PRECISION_FLOOR = 0.95;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.95, 1.00},
            "java", new double[] {1.00, 0.90});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_sixty_seventh_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 67");
        HeldOutCorpusTest.scoreRound(cases, "round 67", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
