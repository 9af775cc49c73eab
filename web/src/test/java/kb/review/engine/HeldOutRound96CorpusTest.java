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
 * Scores the review on the round-96 held-out corpus in {@code web/src/test/resources/review/heldout96}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of observability and operations software (a network
 * exporter's HTTP probe, a CloudWatch exporter's reloaded background scrapes, a Consul alerter's notification engine,
 * a status page's custom alert provider, a status page agent's HTTP monitor, an alerting engine's task master, an
 * office suite's subscription alert job, a tracing back end's webhook notifications, a metrics agent's remote write
 * client, a log-to-metrics extractor's tailer; a metrics agent's JMX connection, a statistics daemon's GenericJMX
 * plugin, a log server's GELF appender, a Loki appender's pipeline, a StatsD client's UDP sender, a tracing library's
 * runnable wrapper, an Elasticsearch metrics reporter, an application monitoring client's thread listener, a
 * monitoring server's hourly aggregation and an APM agent's type pool evicter) that rounds 1 to 95, the precision
 * sets, the breadth passes and this session's breadth reading did not use, written from the checklist item titles and
 * committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file
 * with git's three lines of context, others carry CRLF, renamed files and new files. Loading is round 6's (each diff
 * reaches the review with its line ends intact); matching and the three views are those of {@link
 * HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound96CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout96");

    // Floors: see heldout96/RESULTS.md. Run 1 is the first and blind measurement (review at 817e31a7, this branch's
    // base, unchanged), committed cases 32c9620a; run 2 adds two accept lines (a probe transport whose response header
    // timeout the edit removed, TMO-01, Go, four lines from the client the case labels; an unclosed response stream,
    // RES-01, Java, on the line the case labels RES-02: real defects the cases left unlabelled) and changes no case
    // code or label. The floors are run 2's figures (active findings, any confidence) rounded down to 0.05, a
    // regression floor only.
    // Run 1, active findings: overall recall 29/40 = 0.725, precision 29/31 = 0.935; Go 16/20 = 0.800 and 16/17 =
    // 0.941; Java 13/20 = 0.650 and 13/14 = 0.929. High-confidence only: overall 18/40 = 0.450 and 18/19 = 0.947.
    // Run 2: overall 29/40 = 0.725 and 29/29 = 1.000; Go 16/20 = 0.800 and 16/16 = 1.000; Java 13/20 = 0.650 and
    // 13/13 = 1.000; high-confidence only 18/40 = 0.450 and 18/18 = 1.000. Edits of existing files: recall 25/34 =
    // 0.74, precision 25/25 = 1.00; new and renamed files 4/6 = 0.67 and 4/4 = 1.00.
    static final double RECALL_FLOOR = 0.70;
    static final double PRECISION_FLOOR = 1.00;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.80, 1.00},
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
    void the_review_keeps_its_measured_recall_and_precision_on_a_ninety_sixth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 96");
        HeldOutCorpusTest.scoreRound(cases, "round 96", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
