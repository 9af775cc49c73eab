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
 * Scores the review on the round-112 held-out corpus in {@code web/src/test/resources/review/heldout112}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of workflow engines, schedulers and job queues (a
 * Resque-compatible worker's enqueue, a background-job worker's shutdown, a Temporal terraform activity's heartbeat, a
 * Sidekiq-compatible worker's queue fetcher, a distributed cron service's execution webhook, a goroutine pool's
 * workers, an agent platform's task queue, a cron-like scheduler's tick loop, a container job scheduler's docker event
 * watcher, a DAG workflow engine's job runs; a workflow engine client's task poller, a search engine's job scheduler,
 * a Java job scheduler's interruptible jobs, a Resque port's pooled worker, a data pipeline orchestrator's schedule
 * creation, a distributed task broker's worker wake-up, a short-lived task framework's execution start, a workflow
 * engine's HTTP job worker, an Android job scheduler's time formatting and an integration platform's workflow
 * deployer) that rounds 1 to 111, the precision sets, the breadth passes and this session's breadth reading did not
 * use, written from the checklist item titles and committed before the review ran on them (see SOURCES.md and
 * RESULTS.md there). Most cases edit an existing file with git's three lines of context, others carry CRLF, renamed
 * files, new files and test files beside the change. Loading is round 6's (each diff reaches the review with its line
 * ends intact); matching and the three views are those of {@link HeldOutCorpusTest}; the figures are also split by the
 * shape of the change.
 */
class HeldOutRound112CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout112");

    // Floors: see heldout112/RESULTS.md. Run 1 is the first and blind measurement (review at 2e637768, this branch's
    // base, unchanged), committed cases e572cb08; run 2 adds two accept lines (the job scheduler's run left outside any
    // catch, reported on the run three lines above the labelled schedule call; android-job's static SimpleDateFormat,
    // reported on its declaration rather than on the labelled use) and changes no case code or label. The floors are
    // run 2's figures (active findings, any confidence) rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 31/40 = 0.775, precision 31/35 = 0.886; Go 15/20 = 0.750 and 15/17 =
    // 0.882; Java 16/20 = 0.800 and 16/18 = 0.889. High-confidence only: overall 26/40 = 0.650 and 26/30 = 0.867.
    // Run 2: overall 31/40 = 0.775 and 31/33 = 0.939; Go 15/20 = 0.750 and 15/17 = 0.882; Java 16/20 = 0.800 and
    // 16/16 = 1.000; high-confidence only 26/40 = 0.650 and 26/28 = 0.929. Edits of existing files: recall 28/32 =
    // 0.88, precision 28/28 = 1.00; new and renamed files 3/8 = 0.38 and 3/5 = 0.60.
    static final double RECALL_FLOOR = 0.75;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.75, 0.85},
            "java", new double[] {0.80, 1.00});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_hundred_and_twelfth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 112");
        HeldOutCorpusTest.scoreRound(cases, "round 112", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
