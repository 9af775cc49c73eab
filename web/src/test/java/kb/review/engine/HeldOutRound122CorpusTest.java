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
 * Scores the review on the round-122 held-out corpus in {@code web/src/test/resources/review/heldout122}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of workflow engines, job schedulers and batch
 * processing (a quantum engine's job scheduler, a worker pool runner, a CI worker's spot termination poll, a durable
 * task framework's orchestration executor, an agent broker's scheduler poll, a control panel's update jobs, a book
 * manager's cron scheduler, a contest problem manager's worker heartbeat, a Go scheduler's next run time, a streaming
 * tool's pipeline status; a table maintenance scheduler's task factory, a BI server's schedule status store, a queue
 * worker framework's lifecycle, a workflow manager's scheduler task monitor, a clinical trial system's bulk-processor
 * job times, a db-scheduler UI's execution log listener, a BaaS stack's queue listener, a job platform's cron launch
 * client, a media workflow manager's inspection processor and a workflow library's ZooKeeper queue) that rounds 1 to
 * 121, the precision sets, the breadth passes and this session's breadth reading did not use, written from the
 * checklist item titles and committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most cases
 * edit an existing file with git's three lines of context, others carry CRLF, renamed files, new files and test files
 * beside the change. Loading is round 6's (each diff reaches the review with its line ends intact); matching and the
 * three views are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound122CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout122");

    // Floors: see heldout122/RESULTS.md. Run 1 is the first and blind measurement (review at 0d961509, this branch's
    // base, unchanged), committed cases 390fc146; run 2 adds three accept lines (Veil's discarded Exec error is also
    // TX-02; nextflow's narrowed catch is the case's own CONC-07 defect at its second line; bk-job's per-call default
    // client also has no timeouts, TMO-01) and changes no case code or label. The floors are run 2's figures (active
    // findings, any confidence) rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 31/40 = 0.775, precision 31/35 = 0.886; Go 17/20 = 0.850 and 17/18 =
    // 0.944; Java 14/20 = 0.700 and 14/17 = 0.824. High-confidence only: overall 25/40 = 0.625 and 25/29 = 0.862.
    // Run 2: overall 31/40 = 0.775 and 31/32 = 0.969; Go 17/20 = 0.850 and 17/17 = 1.000; Java 14/20 = 0.700 and
    // 14/15 = 0.933; high-confidence only 25/40 = 0.625 and 25/26 = 0.962. Edits of existing files: recall 24/30 =
    // 0.80, precision 24/25 = 0.96; new and renamed files 7/10 = 0.70 and 7/7 = 1.00.
    static final double RECALL_FLOOR = 0.75;
    static final double PRECISION_FLOOR = 0.95;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.85, 1.00},
            "java", new double[] {0.70, 0.90});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_hundred_and_twenty_second_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 122");
        HeldOutCorpusTest.scoreRound(cases, "round 122", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
