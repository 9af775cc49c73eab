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
 * Scores the review on the round-43 held-out corpus in {@code web/src/test/resources/review/heldout43}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories that rounds 1 to 42, the precision sets, the breadth
 * passes and this session's breadth reading did not use, written from the checklist item titles and committed before
 * the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines
 * of context (several in two hunks), others carry CRLF, renamed files and new files. Loading is round 6's (each diff
 * reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound43CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout43");

    // Floors: see heldout43/RESULTS.md. Run 1 is the first and blind measurement (review at 0b696d8e, this branch's
    // point on main, unchanged; cases committed in 011e1d8a and c32c7b3d before the run, the second only turning five
    // empty clean diffs into fixes after a run stopped at the corpus check, its output deleted unread). Every floor is
    // run 1's measured value rounded down to 0.05, a regression floor only: a figure below the targets (recall
    // 0.85, precision 0.90) is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 29/40 = 0.725, precision 29/35 = 0.829; Go 14/20 = 0.700 and
    // 14/14 = 1.000; Java 15/20 = 0.750 and 15/21 = 0.714 (recall below target overall and in both languages,
    // precision below target overall and in Java: all 6 false positives are one JDBC query-timeout rule on one new
    // file, the clean look-alike included). High-confidence only: overall 21/40 = 0.525 and 21/27 = 0.778. Edits of
    // existing files: recall 21/30 = 0.70, precision 21/21 = 1.00; new files (renames included) 8/10 = 0.80 and
    // 8/14 = 0.57. No run 2 (no false positive is an unlabelled defect of a case).
    static final double RECALL_FLOOR = 0.70;
    static final double PRECISION_FLOOR = 0.80;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.70, 1.00},
            "java", new double[] {0.75, 0.70});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_forty_third_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 43");
        HeldOutCorpusTest.scoreRound(cases, "round 43", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
