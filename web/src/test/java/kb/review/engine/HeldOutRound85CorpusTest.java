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
 * Scores the review on the round-85 held-out corpus in {@code web/src/test/resources/review/heldout85}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories (enterprise and business software: a workflow engine's
 * Go client, a distributed task queue, a workflow orchestrator's propeller, a PDF generator, a Grafana PDF reporter, a
 * workflow automation framework's calendar source, an API gateway's Go plugin runner, a payment platform's billing
 * server, an API management platform's Kubernetes operator and a PDF report builder; an ESB's pass-through worker, an
 * ERP's accounting log watcher, a BPM engine's JDBC store, a BPM engine's Spring client, a spreadsheet writer, a
 * business-intelligence suite's registry, a content repository's Java client, an office document library, a content
 * services platform's event sender and an application server's health checks) that rounds 1 to 84, the precision sets,
 * the breadth passes and this session's breadth reading did not use, written from the checklist item titles and
 * committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with
 * git's three lines of context, others carry CRLF, renamed files and new files. Loading is round 6's (each diff
 * reaches the review with its line ends intact); matching and the three views are those of {@link HeldOutCorpusTest};
 * the figures are also split by the shape of the change.
 */
class HeldOutRound85CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout85");

    // Floors: see heldout85/RESULTS.md. Run 1 is the first and blind measurement (review at 8fc887a0, this branch's
    // base, unchanged), committed cases 74e17d8b; run 2 adds two accept lines (real TMO-01 and CONC-03 defects the
    // cases left unlabelled, the second the labelled defect named three lines above its label) and changes no case
    // code or label. The floors are run 2's figures (active findings, any confidence) rounded down to 0.05, a
    // regression floor only.
    // Run 1, active findings: overall recall 33/40 = 0.825, precision 33/35 = 0.943; Go 15/20 = 0.750 and 15/15 =
    // 1.000; Java 18/20 = 0.900 and 18/20 = 0.900. High-confidence only: overall 24/40 = 0.600 and 24/26 = 0.923.
    // Run 2: overall 33/40 = 0.825 and 33/33 = 1.000; Go 15/20 = 0.750 and 15/15 = 1.000; Java 18/20 = 0.900 and
    // 18/18 = 1.000; high-confidence only 24/40 = 0.600 and 24/24 = 1.000. Edits of existing files: recall 26/32 =
    // 0.81, precision 26/26 = 1.00; new and renamed files 7/8 = 0.88 and 7/7 = 1.00.
    static final double RECALL_FLOOR = 0.80;
    static final double PRECISION_FLOOR = 1.00;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.75, 1.00},
            "java", new double[] {0.90, 1.00});

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
    void the_review_keeps_its_measured_recall_and_precision_on_an_eighty_fifth_corpus_of_enterprise_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 85");
        HeldOutCorpusTest.scoreRound(cases, "round 85", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
