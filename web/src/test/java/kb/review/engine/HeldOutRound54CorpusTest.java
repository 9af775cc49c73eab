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
 * Scores the review on the round-54 held-out corpus in {@code web/src/test/resources/review/heldout54}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories that rounds 1 to 53, the precision sets, the breadth
 * passes and this session's breadth reading did not use, written from the checklist item titles and committed before
 * the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines
 * of context (several in two hunks), others carry CRLF, renamed files and new files. Loading is round 6's (each diff
 * reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound54CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout54");

    // Floors: see heldout54/RESULTS.md. Run 1 is the first and blind measurement (review at 421e9e49, this branch's
    // base, unchanged), committed cases 6bc196e9; the floors are run 1's figures (active findings, any confidence)
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is reported, not hidden.
    // Run 1, active findings: overall recall 27/40 = 0.675, precision 27/30 = 0.900; Go 17/20 = 0.850 and
    // 17/18 = 0.944; Java 10/20 = 0.500 and 10/12 = 0.833 (recall below target overall and in Java; precision below
    // it in Java). High-confidence only: overall 18/40 = 0.450 and 18/19 = 0.947. Edits of existing files: recall
    // 23/32 = 0.72, precision 23/25 = 0.92; new and renamed files 4/8 = 0.50 and 4/5 = 0.80. Run 2 (one accept line
    // for the client sardine's existence check builds per call, which also has no timeouts, line 35): precision
    // 27/29 = 0.931 (Java 10/11 = 0.909), recall unchanged.
    static final double RECALL_FLOOR = 0.65;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.85, 0.90},
            "java", new double[] {0.50, 0.80});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_fifty_fourth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 54");
        HeldOutCorpusTest.scoreRound(cases, "round 54", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
