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
 * Scores the review on the round-117 held-out corpus in {@code web/src/test/resources/review/heldout117}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of networking, proxies and gateways (an inverting
 * proxy agent's backend health check, an HTTP accelerator proxy's on-demand health probe, a DNS proxy's upstream
 * configuration, a tunnelling proxy's DNS exchanges over UDP, a dev environment's sandbox tunnel, a service mesh
 * controller's sidecar egress map, a service discovery sidecar's Docker container cache, a fleet manager's reverse
 * connection dialer, a database auth proxy's connection client, an overlay network's TUN sessions; an API gateway's
 * southbound HTTP client, another API gateway's in-memory rate limiter, a DNS client library's SRV resolver, a Tor
 * onion proxy manager, a network communication framework's connection factory, a client load balancer's server list
 * updater, an HTTP DNS library's hosts resolver, a Redis proxy client's tunnel handler, a client load balancer's
 * caching service discovery and a router's health checker) that rounds 1 to 116, the precision sets, the breadth
 * passes and this session's breadth reading did not use, written from the checklist item titles and committed before
 * the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three
 * lines of context, others carry CRLF, renamed files, new files and test files beside the change. Loading is round
 * 6's (each diff reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound117CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout117");

    // Floors: see heldout117/RESULTS.md. Run 1 is the first and blind measurement (review at ab6fa2f5, this branch's
    // base, unchanged), committed cases b39338aa; run 2 adds four accept lines (easyss' first defect, whose receive loop
    // lost its recover through a marking slip of the template; the same template's time.AfterFunc callback, a goroutine
    // without recover, in its second defect and clean look-alike; yggdrasil's per-packet goroutine, labelled CONC-02,
    // which has no recover either) and changes no case code or label. The floors are run 2's figures (active findings,
    // any confidence) rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 26/40 = 0.650, precision 26/34 = 0.765; Go 14/20 = 0.700 and 14/18 =
    // 0.778; Java 12/20 = 0.600 and 12/16 = 0.750. High-confidence only: overall 18/40 = 0.450 and 18/24 = 0.750.
    // Run 2: overall 26/40 = 0.650 and 26/30 = 0.867; Go 14/20 = 0.700 and 14/14 = 1.000; Java 12/20 = 0.600 and
    // 12/16 = 0.750; high-confidence only 18/40 = 0.450 and 18/20 = 0.900. Edits of existing files: recall 20/28 =
    // 0.71, precision 20/22 = 0.91; new and renamed files 6/12 = 0.50 and 6/8 = 0.75.
    static final double RECALL_FLOOR = 0.65;
    static final double PRECISION_FLOOR = 0.85;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.70, 1.00},
            "java", new double[] {0.60, 0.75});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_hundred_and_seventeenth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 117");
        HeldOutCorpusTest.scoreRound(cases, "round 117", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
