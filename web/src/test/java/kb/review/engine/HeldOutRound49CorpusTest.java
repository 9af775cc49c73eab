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
 * Scores the review on the round-49 held-out corpus in {@code web/src/test/resources/review/heldout49}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories that rounds 1 to 48, the precision sets, the breadth
 * passes and this session's breadth reading did not use, written from the checklist item titles and committed before
 * the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines
 * of context (some in two or more hunks), others carry CRLF, renamed files and new files. Loading is round 6's (each diff
 * reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound49CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout49");

    // Floors: see heldout49/RESULTS.md. Run 1 is the first and blind measurement (review at 3335a598, this branch's
    // point on main, unchanged; cases committed in 4f8c89f6 before any run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 32/40 = 0.800, precision 32/34 = 0.941; Go 16/20 = 0.800 and
    // 16/16 = 1.000; Java 16/20 = 0.800 and 16/18 = 0.889 (recall below target overall and in both languages; precision
    // below target in Java: one JDBC batch statement without a query timeout, on a defect case and its clean
    // look-alike). High-confidence only: overall 22/40 = 0.550 and 22/24 = 0.917. Edits of existing files: recall
    // 26/32 = 0.81, precision 26/28 = 0.93; new and renamed files 6/8 = 0.75 and 6/6 = 1.00. Run 2 (two accept lines
    // for that statement's missing query timeout, TMO-01, judged a real defect the cases do not label): precision
    // 32/32 = 1.000, recall unchanged.
    static final double RECALL_FLOOR = 0.80;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.80, 1.00},
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
    void the_review_keeps_its_measured_recall_and_precision_on_a_forty_ninth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 49");
        HeldOutCorpusTest.scoreRound(cases, "round 49", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
