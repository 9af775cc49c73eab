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
 * Scores the review on the round-92 held-out corpus in {@code web/src/test/resources/review/heldout92}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of cloud-native infrastructure (an OCI registry's
 * pull-through proxy, a GitOps operator's registry challenge client, an infrastructure-as-code provider's API client,
 * a serverless dev server's Lambda runtime bridge, a Postgres operator's volume resize, a Kubernetes reconciler's
 * transaction helper, a container runtime shim's sandbox creation, an operator framework's event loop, a Docker
 * registry client's token transport, a game server orchestrator's SDK server; a Kubernetes build tool's Jib push, a
 * service discovery sync tool's Consul poll, a service mesh SDK's connection manager, a Kafka operator's reconciler, a
 * Spark operator's status recorder, a Quarkus operator extension's MDC interceptor, a Flink operator's application
 * controller and another's JobManager REST client, an etcd client's executors and a Nacos-to-Consul adapter's service
 * cache) that rounds 1 to 91, the precision sets, the breadth passes and this session's breadth reading did not use,
 * written from the checklist item titles and committed before the review ran on them (see SOURCES.md and RESULTS.md
 * there). Most cases edit an existing file with git's three lines of context, others carry CRLF, renamed files and
 * new files. Loading is round 6's (each diff reaches the review with its line ends intact); matching and the three
 * views are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound92CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout92");

    // Floors: see heldout92/RESULTS.md. Run 1 is the first and blind measurement (review at 817e31a7, this branch's
    // base, unchanged), committed cases ca30a4cf; run 2 adds two accept lines (a goroutine without a recover that runs
    // the reconciliation, CONC-01, Go, in the per-event defect and in the clean look-alike's workers: real defects the
    // cases left unlabelled, HIGH) and changes no case code or label. The floors are run 2's figures (active findings,
    // any confidence) rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 30/40 = 0.750, precision 30/35 = 0.857; Go 16/20 = 0.800 and 16/18 =
    // 0.889; Java 14/20 = 0.700 and 14/17 = 0.824. High-confidence only: overall 17/40 = 0.425 and 17/21 = 0.810.
    // Run 2: overall 30/40 = 0.750 and 30/33 = 0.909; Go 16/20 = 0.800 and 16/16 = 1.000; Java 14/20 = 0.700 and
    // 14/17 = 0.824; high-confidence only 17/40 = 0.425 and 17/19 = 0.895. Edits of existing files: recall 23/32 =
    // 0.72, precision 23/26 = 0.88; new and renamed files 7/8 = 0.88 and 7/7 = 1.00.
    static final double RECALL_FLOOR = 0.75;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.80, 1.00},
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
    void the_review_keeps_its_measured_recall_and_precision_on_a_ninety_second_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 92");
        HeldOutCorpusTest.scoreRound(cases, "round 92", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
