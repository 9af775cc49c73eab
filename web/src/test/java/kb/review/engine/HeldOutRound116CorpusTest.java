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
 * Scores the review on the round-116 held-out corpus in {@code web/src/test/resources/review/heldout116}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of feature flags, configuration and secrets management
 * (an agent's GCP secret backend, an OpenFeature flagd provider's gRPC sync, a language server's embedded feature
 * flags, a developer platform's Vault token renewal, an IaC policy engine's evaluation, a Vault mutating webhook's
 * secret lookups, a confidential computing control plane's manifest store, a Kubernetes secrets operator's Vault
 * client factory, a feature flag daemon's HTTP sync, a Vault operator's status monitor; a local-resolve OpenFeature
 * provider's flags fetcher, the flagd Java provider's flag store, a secret manager's expiration backfill, a Vault config
 * integration's lease renewal retry, a Consul client's key/value calls, a Secrets Manager caching client's cached
 * secret, a Vault client library's request factory, a mobile analytics SDK's feature flag manager, a config centre
 * client's local cache refresh and a configuration library's secret keys) that rounds 1 to 115, the precision sets,
 * the breadth passes and this session's breadth reading did not use, written from the checklist item titles and
 * committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with
 * git's three lines of context, others carry CRLF, renamed files, new files and test files beside the change. Loading
 * is round 6's (each diff reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound116CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout116");

    // Floors: see heldout116/RESULTS.md. Run 1 is the first and blind measurement (review at 2e637768, this branch's
    // base, unchanged), committed cases 47f683be; run 2 adds two accept lines (the Consul client's per-call JAX-RS
    // client, which also has no timeout, a real TMO-01 defect of the line labelled RES-04; spring-vault's deleted
    // socket timeout, reported three lines from the label on the request config whose response timeout the same edit
    // deletes) and changes no case code or label. The floors are run 2's figures (active findings, any confidence)
    // rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 29/40 = 0.725, precision 29/34 = 0.853; Go 14/20 = 0.700 and 14/17 =
    // 0.824; Java 15/20 = 0.750 and 15/17 = 0.882. High-confidence only: overall 23/40 = 0.575 and 23/27 = 0.852.
    // Run 2: overall 29/40 = 0.725 and 29/32 = 0.906; Go 14/20 = 0.700 and 14/17 = 0.824; Java 15/20 = 0.750 and
    // 15/15 = 1.000; high-confidence only 23/40 = 0.575 and 23/26 = 0.885. Edits of existing files: recall 24/30 =
    // 0.80, precision 24/27 = 0.89; new and renamed files 5/10 = 0.50 and 5/5 = 1.00.
    static final double RECALL_FLOOR = 0.70;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.70, 0.80},
            "java", new double[] {0.75, 1.00});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_hundred_and_sixteenth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 116");
        HeldOutCorpusTest.scoreRound(cases, "round 116", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
