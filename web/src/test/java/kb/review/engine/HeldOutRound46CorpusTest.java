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
 * Scores the review on the round-46 held-out corpus in {@code web/src/test/resources/review/heldout46}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories that rounds 1 to 45, the precision sets, the breadth
 * passes and this session's breadth reading did not use (data pipelines, observability back ends, blockchain nodes, a
 * media server, CI plugins), written from the checklist item titles and committed before the review ran on them (see
 * SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines of context, others carry
 * CRLF, renamed files and new files. Loading is round 6's (each diff reaches the review with its line ends intact);
 * matching and the three views are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the
 * change.
 */
class HeldOutRound46CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout46");

    // Floors: see heldout46/RESULTS.md. Run 1 is the first and blind measurement (review at 7a09b2ce, this branch's
    // point on main, unchanged; cases committed in 2f3f3384 before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 33/40 = 0.825, precision 33/44 = 0.750; Go 16/20 = 0.800 and
    // 16/17 = 0.941; Java 17/20 = 0.850 and 17/27 = 0.630 (six of the eleven false positives are one JDBC
    // query-timeout rule on one new file, the clean look-alike included). High-confidence only: 25/40 = 0.625 and
    // 25/32 = 0.781. Edits: 25/30 and 25/30; new and renamed files 8/10 and 8/14. Run 2 (six accept lines for those
    // JDBC statements, judged true by TMO-01's title; no case code changed): precision 33/38 = 0.868, Java 17/21 = 0.810.
    static final double RECALL_FLOOR = 0.80;
    static final double PRECISION_FLOOR = 0.75;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.80, 0.90},
            "java", new double[] {0.85, 0.60});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_forty_sixth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 46");
        HeldOutCorpusTest.scoreRound(cases, "round 46", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
