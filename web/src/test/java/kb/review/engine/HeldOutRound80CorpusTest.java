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
 * Scores the review on the round-80 held-out corpus in {@code web/src/test/resources/review/heldout80}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories (observability and on-call: a log rotation writer,
 * RabbitMQ, weather and CDN exporters, a metrics agent's Prometheus scraper, a Kubernetes log agent, a syslog
 * shipper, a log shipper's file input, an Alertmanager-to-Telegram forwarder and a Jaeger query plugin; a Logstash TCP
 * appender, Zipkin and Jaeger span reporters, a DogStatsD client, a log shipper's producer metrics monitor, an
 * OpsGenie notifier, a CloudWatch metric recorder, a PagerDuty notifier, an APM alert history writer and a telemetry
 * exporter's serializer) that rounds 1 to 79, the precision sets, the breadth passes and this session's breadth
 * reading did not use, written from the checklist item titles and committed before the review ran on them (see
 * SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines of context, others carry
 * CRLF, renamed files, new files, moved code and several hunks. Loading is round 6's (each diff reaches the review
 * with its line ends intact); matching and the three views are those of {@link HeldOutCorpusTest}; the figures are
 * also split by the shape of the change.
 */
class HeldOutRound80CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout80");

    // Floors: see heldout80/RESULTS.md. Run 1 is the first and blind measurement (review at f20e76ef, this branch's
    // base, unchanged), committed cases 6f73d7cf; run 2 adds one accept line (a real CONC-03 on the declaration of the
    // map whose write the case labelled) and changes no case. The floors are run 2's figures (active findings, any
    // confidence) rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85,
    // precision 0.90) is reported, not hidden.
    // Run 1, active findings: overall recall 29/40 = 0.725, precision 29/30 = 0.967; Go 15/20 = 0.750 and
    // 15/15 = 1.000; Java 14/20 = 0.700 and 14/15 = 0.933. High-confidence only: overall 21/40 = 0.525 and
    // 21/22 = 0.955. Edits of existing files: recall 21/28 = 0.75, precision 1.00; new and renamed files 8/12 = 0.67
    // and 8/9 = 0.89. Run 2: precision 29/29, 15/15 and 14/14 = 1.000, recall unchanged. One Java miss
    // (java-04, a derived OkHttp client per call) is a case-writing error: it shares the pool, so no defect.
    static final double RECALL_FLOOR = 0.70;
    static final double PRECISION_FLOOR = 1.00;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.75, 1.00},
            "java", new double[] {0.70, 1.00});

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
    void the_review_keeps_its_measured_recall_and_precision_on_an_eightieth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 80");
        HeldOutCorpusTest.scoreRound(cases, "round 80", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
