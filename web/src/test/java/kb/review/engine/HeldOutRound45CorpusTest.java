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
 * Scores the review on the round-45 held-out corpus in {@code web/src/test/resources/review/heldout45}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories that rounds 1 to 44, the precision sets, the breadth
 * passes and this session's breadth reading did not use, chiefly business services and SDKs of SaaS APIs, written
 * from the checklist item titles and committed before the review ran on them (see SOURCES.md and RESULTS.md there).
 * Most cases edit an existing file with git's three lines of context, others carry CRLF, renamed files and new files.
 * Loading is round 6's (each diff reaches the review with its line ends intact); matching and the three views are
 * those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound45CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout45");

    // Floors: see heldout45/RESULTS.md. Run 1 is the first and blind measurement (review at 7a09b2ce, this branch's
    // point on main, unchanged; cases committed in e3d67c10 before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 35/40 = 0.875, precision 35/40 = 0.875; Go 17/20 = 0.850 and
    // 17/21 = 0.810; Java 18/20 = 0.900 and 18/19 = 0.947 (precision below target overall and in Go: three of the
    // five false positives are goroutines started through a helper that recovers). High-confidence only: overall
    // 27/40 = 0.675 and 27/32 = 0.844. Edits of existing files: 27/32 and 27/32; new and renamed files 8/8 and 8/8.
    // Run 2 (one accept line: the per-datagram goroutine of go-10 has no recover either): precision 35/39 = 0.897,
    // Go 17/20 = 0.850; recall unchanged.
    static final double RECALL_FLOOR = 0.85;
    static final double PRECISION_FLOOR = 0.85;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.85, 0.80},
            "java", new double[] {0.90, 0.90});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_forty_fifth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 45");
        HeldOutCorpusTest.scoreRound(cases, "round 45", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
