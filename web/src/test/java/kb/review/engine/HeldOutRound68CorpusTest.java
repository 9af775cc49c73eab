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
 * Scores the review on the round-68 held-out corpus in {@code web/src/test/resources/review/heldout68}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories (storage and data systems: key-value and time-series
 * stores, object storage clients, backup and sync tools, a FUSE file system, database proxies and migration tools) that
 * rounds 1 to 67, the precision sets, the breadth passes and this session's breadth reading did not use, written
 * from the checklist item titles and committed before the review ran on them (see SOURCES.md and RESULTS.md there).
 * Most cases edit an existing file with git's three lines of context (several in two hunks), others carry CRLF, renamed
 * files and new files. Loading is round 6's (each diff reaches the review with its line ends intact); matching and the
 * three views are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound68CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout68");

    // Floors: see heldout68/RESULTS.md. Run 1 is the first and blind measurement (review at e4744622, this branch's
    // base, unchanged), committed cases 1de93c4e; the floors are run 1's figures (active findings, any confidence)
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is reported, not hidden.
    // Run 1, active findings: overall recall 33/40 = 0.825, precision 33/37 = 0.892; Go 18/20 = 0.900 and
    // 18/21 = 0.857; Java 15/20 = 0.750 and 15/16 = 0.938 (recall below target overall and in Java, precision below
    // it overall and in Go). High-confidence only: overall 23/40 = 0.575 and 23/26 = 0.885. Edits of existing files:
    // recall 25/30 = 0.83, precision 25/26 = 0.96; new and renamed files 8/10 = 0.80 and 8/11 = 0.73. No accept
    // lines (none of the four false positives is a real defect the cases left unlabelled), so no run 2.
    static final double RECALL_FLOOR = 0.80;
    static final double PRECISION_FLOOR = 0.85;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.90, 0.85},
            "java", new double[] {0.75, 0.90});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_sixty_eighth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 68");
        HeldOutCorpusTest.scoreRound(cases, "round 68", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
