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
 * Scores the review on the round-59 held-out corpus in {@code web/src/test/resources/review/heldout59}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories (Go clients of Redis, Kafka and gRPC; Java on Android,
 * Jakarta EE and Vert.x) that rounds 1 to 58, the precision sets, the breadth passes and this session's breadth
 * reading did not use, written from the checklist item titles and committed before the review ran on them (see
 * SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines of context (several in
 * two hunks), others carry CRLF, renamed files and new files. Loading is round 6's (each diff reaches the review with
 * its line ends intact); matching and the three views are those of {@link HeldOutCorpusTest}; the figures are also
 * split by the shape of the change.
 */
class HeldOutRound59CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout59");

    // Floors: see heldout59/RESULTS.md. Run 1 is the first and blind measurement (review at 49a73f81, this branch's
    // base, unchanged), committed cases c24cc068; the floors are run 1's figures (active findings, any confidence)
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is reported, not hidden.
    // Run 1, active findings: overall recall 31/40 = 0.775, precision 31/35 = 0.886; Go 16/20 = 0.800 and
    // 16/16 = 1.000; Java 15/20 = 0.750 and 15/19 = 0.789 (recall below target everywhere; precision below it overall
    // and in Java). High-confidence only: overall 24/40 = 0.600 and 24/26 = 0.923. Edits of existing files: recall
    // 25/32 = 0.78, precision 25/27 = 0.93; new and renamed files 6/8 = 0.75 and 6/8 = 0.75. No accept lines, no run 2:
    // two false positives are labelled defects named three lines from their labels, two one false reading.
    static final double RECALL_FLOOR = 0.75;
    static final double PRECISION_FLOOR = 0.85;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.80, 1.00},
            "java", new double[] {0.75, 0.75});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_fifty_ninth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 59");
        HeldOutCorpusTest.scoreRound(cases, "round 59", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
