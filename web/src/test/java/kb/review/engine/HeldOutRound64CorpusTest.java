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
 * Scores the review on the round-64 held-out corpus in {@code web/src/test/resources/review/heldout64}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories (networking and telecom, blockchain nodes and wallets,
 * messaging and push, distributed coordination) that rounds 1 to 63 and 65, the precision sets, the breadth passes and
 * this session's breadth reading did not use, written from the checklist item titles and committed before the review
 * ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines of context
 * (several in two hunks), others carry CRLF, renamed files and new files. Loading is round 6's (each diff reaches the
 * review with its line ends intact); matching and the three views are those of {@link HeldOutCorpusTest}; the figures
 * are also split by the shape of the change.
 */
class HeldOutRound64CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout64");

    // Floors: see heldout64/RESULTS.md. Run 1 is the first and blind measurement (review at 3423d8fc, this branch's
    // base, unchanged), committed cases 1121ece2; the floors are run 1's figures (active findings, any confidence)
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is reported, not hidden.
    // Run 1, active findings: overall recall 33/40 = 0.825, precision 33/34 = 0.971; Go 17/20 = 0.850 and
    // 17/17 = 1.000; Java 16/20 = 0.800 and 16/17 = 0.941 (recall below target overall and in Java). High-confidence
    // only: overall 21/40 = 0.525 and 21/21 = 1.000. Edits of existing files: recall 27/32 = 0.84, precision
    // 27/28 = 0.96; new and renamed files 6/8 = 0.75 and 6/6 = 1.00. No accept lines, no run 2: the one false
    // positive is a labelled defect named three lines from its label.
    static final double RECALL_FLOOR = 0.80;
    static final double PRECISION_FLOOR = 0.95;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.85, 1.00},
            "java", new double[] {0.80, 0.90});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_sixty_fourth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 64");
        HeldOutCorpusTest.scoreRound(cases, "round 64", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
