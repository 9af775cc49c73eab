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
 * Scores the review on the round-73 held-out corpus in {@code web/src/test/resources/review/heldout73}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories (devices and the physical world: vehicle API clients and
 * telemetry, home-automation servers and hubs, MQTT device services and gateways, Modbus and I2C drivers, robot and
 * drone software, a receipt-printer library, a car diagnostics app) that rounds 1 to 72, the precision sets, the
 * breadth passes and this session's breadth reading did not use, written from the checklist item titles and committed
 * before the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's
 * three lines of context, others carry CRLF, renamed files and new files. Loading is round 6's (each diff reaches the
 * review with its line ends intact); matching and the three views are those of {@link HeldOutCorpusTest}; the figures
 * are also split by the shape of the change.
 */
class HeldOutRound73CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout73");

    // Floors: see heldout73/RESULTS.md. Run 1 is the first and blind measurement (review at fe172a9b, this branch's
    // base, unchanged), committed cases a7b70e2c; the floors are run 1's figures (active findings, any confidence)
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is reported, not hidden.
    // Run 1, active findings: overall recall 30/40 = 0.750, precision 30/30 = 1.000; Go 17/20 = 0.850 and
    // 17/17 = 1.000; Java 13/20 = 0.650 and 13/13 = 1.000 (recall below target overall and in Java). High-confidence
    // only: overall 23/40 = 0.575 and 23/23 = 1.000. Edits of existing files: recall 24/32 = 0.75, precision
    // 24/24 = 1.00; new and renamed files 6/8 = 0.75 and 6/6 = 1.00. No accept lines: run 1 has no false positive,
    // so there is no run 2.
    static final double RECALL_FLOOR = 0.75;
    static final double PRECISION_FLOOR = 1.00;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.85, 1.00},
            "java", new double[] {0.65, 1.00});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_seventy_third_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 73");
        HeldOutCorpusTest.scoreRound(cases, "round 73", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
