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
 * Scores the review on the round-76 held-out corpus in {@code web/src/test/resources/review/heldout76}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories (workflow and messaging: a workflow engine's step
 * executor, a cron scheduler, Postgres job queues, a crawl worker on AMQP, an MQTT bridge, webhook and push
 * notifiers; a workflow client's task poller, a Kafka outbound adapter and producer client, a JMS resource adapter, a
 * RabbitMQ event listener, an event store, a Flink sink, a Camunda message bridge, an error notifier and a batch
 * runner's parameter parser) that rounds 1 to 75, the precision sets, the breadth passes and this session's breadth
 * reading did not use, written from the checklist item titles and committed before the review ran on them (see
 * SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines of context, others carry
 * CRLF, renamed files and new files. Loading is round 6's (each diff reaches the review with its line ends intact);
 * matching and the three views are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the
 * change.
 */
class HeldOutRound76CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout76");

    // Floors: see heldout76/RESULTS.md. Run 1 is the first and blind measurement (review at e9907075, this branch's
    // base, unchanged), committed cases 8323baa2; the floors are run 1's figures (active findings, any confidence)
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is reported, not hidden.
    // Run 1, active findings: overall recall 29/40 = 0.725, precision 29/31 = 0.935; Go 15/20 = 0.750 and
    // 15/16 = 0.938; Java 14/20 = 0.700 and 14/15 = 0.933 (recall below target overall and in both languages,
    // precision at or above it). High-confidence only: overall 16/40 = 0.400 and 16/17 = 0.941. Edits of existing
    // files: recall 23/32 = 0.72, precision 23/24 = 0.96; new and renamed files 6/8 = 0.75 and 6/7 = 0.86. No accept
    // lines: neither false positive is a real defect the cases left unlabelled, so there is no run 2.
    static final double RECALL_FLOOR = 0.70;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.75, 0.90},
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
    void the_review_keeps_its_measured_recall_and_precision_on_a_seventy_sixth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 76");
        HeldOutCorpusTest.scoreRound(cases, "round 76", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
