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
 * Scores the review on the round-55 held-out corpus in {@code web/src/test/resources/review/heldout55}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories (libraries and frameworks other projects embed) that
 * rounds 1 to 54, the precision sets, the breadth passes and this session's breadth reading did not use, written from
 * the checklist item titles and committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most
 * cases edit an existing file with git's three lines of context (several in two hunks), others carry CRLF, renamed
 * files and new files. Loading is round 6's (each diff reaches the review with its line ends intact); matching and the
 * three views are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound55CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout55");

    // Floors: see heldout55/RESULTS.md. Run 1 is the first and blind measurement (review at 421e9e49, this branch's
    // base, unchanged), committed cases 4de66dfb; the floors are run 1's figures (active findings, any confidence)
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is reported, not hidden.
    // Run 1, active findings: overall recall 34/40 = 0.850, precision 34/51 = 0.667; Go 17/20 = 0.850 and
    // 17/17 = 1.000; Java 17/20 = 0.850 and 17/34 = 0.500 (recall at target everywhere; precision below it overall
    // and in Java). High-confidence only: overall 23/40 = 0.575 and 23/40 = 0.575. Edits of existing files: recall
    // 27/32 = 0.84, precision 27/33 = 0.82; new and renamed files 7/8 = 0.88 and 7/18 = 0.39. Run 2 (eight accept
    // lines, all in webpush-java's new push service: its unbounded fan-out pool, its client without timeouts and a
    // warning per failed delivery in a loop): precision 34/43 = 0.791 (Java 17/26 = 0.654), recall unchanged.
    static final double RECALL_FLOOR = 0.85;
    static final double PRECISION_FLOOR = 0.65;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.85, 1.00},
            "java", new double[] {0.85, 0.50});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_fifty_fifth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 55");
        HeldOutCorpusTest.scoreRound(cases, "round 55", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
