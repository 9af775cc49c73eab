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
 * Scores the review on the round-44 held-out corpus in {@code web/src/test/resources/review/heldout44}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of infrastructure projects (queues, storage engines,
 * schedulers, a cloud CLI, database clients, an Android plugin, game servers, a model server) that rounds 1 to 43, the
 * precision sets, the breadth passes and this session's other lists did not use, written from the checklist item
 * titles and committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an
 * existing file with git's three lines of context (several in two hunks), others carry CRLF, renamed files and new
 * files. Loading is round 6's (each diff reaches the review with its line ends intact); matching and the three views
 * are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound44CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout44");

    // Floors: see heldout44/RESULTS.md. Run 1 is the first and blind measurement (review at 7a09b2ce, this branch's
    // point on main, unchanged; cases committed in 49115658 before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 29/40 = 0.725, precision 29/40 = 0.725; Go 15/20 = 0.750 and
    // 15/19 = 0.789; Java 14/20 = 0.700 and 14/21 = 0.667 (recall and precision below target overall and in both
    // languages; 8 of the 11 false positives on new or renamed files). High-confidence only: 22/40 = 0.55 and
    // 22/33 = 0.67. Run 2 adds two accept lines for label gaps (a per-record goroutine without recover, a discarded
    // Beginx error read as ERR-01): precision 29/38 = 0.763, Go 15/17 = 0.882, recall unchanged.
    static final double RECALL_FLOOR = 0.70;
    static final double PRECISION_FLOOR = 0.70;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.75, 0.75},
            "java", new double[] {0.70, 0.65});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_forty_fourth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 44");
        HeldOutCorpusTest.scoreRound(cases, "round 44", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
