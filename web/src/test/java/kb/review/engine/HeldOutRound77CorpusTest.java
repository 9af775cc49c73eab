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
 * Scores the review on the round-77 held-out corpus in {@code web/src/test/resources/review/heldout77}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories (networking and the edge: a database proxy's session
 * redirects, an HTTP/TCP tunnel, a dynamic DNS client, an edge tunnel's cloud side, DNS proxies' DNS-over-HTTPS and
 * plain upstreams, a service-mesh sidecar's registry heartbeat, a WireGuard proxy's health pings, a sharding MySQL
 * proxy and a cluster tunnel's stream dialer; a DNS library's UDP transport, a gateway on Reactor Netty, a Netty
 * gateway's trace handler, an Android VPN client's process thread, an API gateway's IP filter, a reverse proxy's
 * connection pools, a DNS proxy server's remote resolvers, a load balancer's health checks, a socket library's I/O
 * workers and a DNS-filtering VPN app's hosts download) that rounds 1 to 76, the precision sets, the breadth passes,
 * this session's breadth reading and the other blind rounds of this session did not use, written from the checklist
 * item titles and committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an
 * existing file with git's three lines of context, others carry CRLF, renamed files, new files and moved lines.
 * Loading is round 6's (each diff reaches the review with its line ends intact); matching and the three views are
 * those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound77CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout77");

    // Floors: see heldout77/RESULTS.md. Run 1 is the first and blind measurement (review at f20e76ef, this branch's
    // base, unchanged), committed cases 12f6f24c; run 2 adds two accept lines (real defects on labelled lines the
    // cases left unlabelled: a dropped Commit error as ERR-01, an unclosed HTTP body as RES-02), no code or label
    // changed. The floors are run 2's figures (active findings, any confidence) rounded down to 0.05, a regression
    // floor only: a figure below the targets (recall 0.85, precision 0.90) is reported, not hidden.
    // Run 1, active findings: overall recall 32/40 = 0.800, precision 32/35 = 0.914; Go 16/20 = 0.800 and
    // 16/18 = 0.889; Java 16/20 = 0.800 and 16/17 = 0.941 (recall below target overall and in both languages,
    // precision below it in Go by one finding). High-confidence only: overall 21/40 = 0.525 and 21/22 = 0.955. Edits
    // of existing files: recall 24/32 = 0.75, precision 24/27 = 0.89; new and renamed files 8/8 and 8/8.
    // Run 2: overall 32/40 = 0.800 and 32/33 = 0.970; Go 16/20 = 0.800 and 16/17 = 0.941; Java 16/20 = 0.800 and
    // 16/16 = 1.000.
    static final double RECALL_FLOOR = 0.80;
    static final double PRECISION_FLOOR = 0.95;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.80, 0.90},
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
    void the_review_keeps_its_measured_recall_and_precision_on_a_seventy_seventh_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 77");
        HeldOutCorpusTest.scoreRound(cases, "round 77", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
