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
 * Scores the review on the round-62 held-out corpus in {@code web/src/test/resources/review/heldout62}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories (Kubernetes operators and CLIs, secret scanners and
 * stores, identity and auth servers, workflow engines and schedulers) that rounds 1 to 61, the precision sets, the
 * breadth passes and this session's breadth reading did not use, written from the checklist item titles and committed
 * before the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's
 * three lines of context (several in two hunks), others carry CRLF, renamed files and new files. Loading is round 6's
 * (each diff reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound62CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout62");

    // Floors: see heldout62/RESULTS.md. Run 1 is the first and blind measurement (review at 3423d8fc, this branch's
    // base, unchanged), committed cases 93473935; the floors are run 1's figures (active findings, any confidence)
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is reported, not hidden.
    // Run 1, active findings: overall recall 31/40 = 0.775, precision 31/34 = 0.912; Go 17/20 = 0.850 and
    // 17/17 = 1.000; Java 14/20 = 0.700 and 14/17 = 0.824 (recall below target overall and in Java; precision below
    // it in Java). High-confidence only: overall 24/40 = 0.600 and 24/25 = 0.960. Edits of existing files: recall
    // 24/32 = 0.75, precision 24/26 = 0.92; new and renamed files 7/8 = 0.88 and 7/8 = 0.88. One accept line (java-01:
    // the new vault provider's HttpRequest without a timeout, a real defect the case left unlabelled), so a run 2:
    // overall 31/40 and 31/33 = 0.939, Java 14/20 and 14/16 = 0.875. The two other false positives are labelled
    // defects named three lines from their labels.
    static final double RECALL_FLOOR = 0.75;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.85, 1.00},
            "java", new double[] {0.70, 0.80});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_sixty_second_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 62");
        HeldOutCorpusTest.scoreRound(cases, "round 62", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
