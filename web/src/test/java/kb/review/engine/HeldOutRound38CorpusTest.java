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
 * Scores the review on the round-38 held-out corpus in {@code web/src/test/resources/review/heldout38}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories that no earlier round, precision set, breadth pass or
 * this session's other blind rounds used, written from the checklist item titles and committed before the review ran
 * on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines of context
 * (several in two hunks), others carry CRLF, renamed files and new files. Loading is round 6's (each diff reaches the
 * review with its line ends intact); matching and the three views are those of {@link HeldOutCorpusTest}; the figures
 * are also split by the shape of the change.
 */
class HeldOutRound38CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout38");

    // Floors: see heldout38/RESULTS.md. Run 1 is the first and blind measurement (review at a3e4e3b7, this branch's
    // point on main, unchanged; cases committed in 9dcbc3a2 before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 38/40 = 0.950, precision 38/46 = 0.826; Go 18/20 = 0.900 and
    // 18/21 = 0.857; Java 20/20 = 1.000 and 20/25 = 0.800 (precision below target). High-confidence only: overall
    // 30/40 = 0.750 and 30/37 = 0.811. Edits of existing files: recall 27/28 = 0.96, precision 27/28 = 0.96; new files
    // (renames included) 11/12 = 0.92 and 11/18 = 0.61.
    // Run 2 (same review, four accept lines for real defects the cases did not label: a notifier posting without the
    // context it is given, in all three donetick cases, and a per-packet debug line in a loop; no case code or
    // expectation changed): recall unchanged; precision 38/42 = 0.905 overall, Go 18/18 = 1.000, Java 20/24 = 0.833.
    static final double RECALL_FLOOR = 0.95;
    static final double PRECISION_FLOOR = 0.80;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.90, 0.85},
            "java", new double[] {1.00, 0.80});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_thirty_eighth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 38");
        HeldOutCorpusTest.scoreRound(cases, "round 38", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
