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
 * Scores the review on the round-57 held-out corpus in {@code web/src/test/resources/review/heldout57}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories (infrastructure: exporters, agents, operators,
 * connectors, proxies and queues) that rounds 1 to 56, the precision sets, the breadth passes and this session's
 * breadth reading did not use, written from the checklist item titles and committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most
 * cases edit an existing file with git's three lines of context (several in two hunks), others carry CRLF, renamed
 * files and new files. Loading is round 6's (each diff reaches the review with its line ends intact); matching and the
 * three views are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound57CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout57");

    // Floors: see heldout57/RESULTS.md. Run 1 is the first and blind measurement (review at 227cf4b1, this branch's
    // base, unchanged), committed cases 8c3bc6b5; the floors are run 1's figures (active findings, any confidence)
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is reported, not hidden.
    // Run 1, active findings: overall recall 31/40 = 0.775, precision 31/35 = 0.886; Go 17/20 = 0.850 and
    // 17/18 = 0.944; Java 14/20 = 0.700 and 14/17 = 0.824. High-confidence only: overall 22/40 = 0.55 and
    // 22/24 = 0.92. Edits of existing files: recall 24/30 = 0.80, precision 24/28 = 0.86; new and renamed files 7/10 =
    // 0.70 and 7/7 = 1.00. No accept line, no run 2 (none of the four false positives is an unlabelled real defect).
    static final double RECALL_FLOOR = 0.75;
    static final double PRECISION_FLOOR = 0.85;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.85, 0.90},
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
    void the_review_keeps_its_measured_recall_and_precision_on_a_fifty_seventh_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 57");
        HeldOutCorpusTest.scoreRound(cases, "round 57", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
