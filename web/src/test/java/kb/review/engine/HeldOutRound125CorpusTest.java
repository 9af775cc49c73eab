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
 * Scores the review on the round-125 held-out corpus in {@code web/src/test/resources/review/heldout125}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of blockchain nodes, wallets and peer-to-peer systems (a
 * blockchain node's peer store, a rollup node's conductor client, a DAG consensus node's peer discovery, a p2p
 * library's TLS transport, a blockchain node's outbound dialling, a block builder sidecar's relay checks, an L1 node's
 * merkle database rebuild, a mempool bridge's peer sender, an EVM chain's peer event fan-out, a p2p library's peer
 * store manager; a permissioned-ledger SDK's service discovery, a blockchain SDK's block polling, an Ethereum client
 * factory of a Spring Boot starter, a wallet library's peer socket handler, a private transaction manager's party
 * polling, a blockchain SDK's entry point, a desktop wallet's Bitcoin Core transport, a Monero wallet library's RPC
 * connection, a DLT node's channel exception handler and a permissioned-ledger gateway's executor) that rounds 1 to
 * 124, the precision sets, the breadth passes and this session's breadth reading did not use, written from the
 * checklist item titles and committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most cases
 * edit an existing file with git's three lines of context, others carry CRLF, renamed files, new files and test files
 * beside the change. Loading is round 6's (each diff reaches the review with its line ends intact); matching and the
 * three views are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound125CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout125");

    // Floors: see heldout125/RESULTS.md. Run 1 is the first and blind measurement (review at 0d961509, this branch's
    // base, unchanged), committed cases d853ca8b; run 2 adds six accept lines (real defects of the cases on lines they
    // did not label: libp2p-tls's leaked connection, mev-boost's removed body close one line up, the bumo SDK's
    // unbounded fixed-pool queue in its three versions, monero-java's response under RES-02) and changes no case code
    // or label. The floors are run 2's figures (active findings, any confidence) rounded down to 0.05, a regression
    // floor only.
    // Run 1, active findings: overall recall 31/40 = 0.775, precision 31/41 = 0.756; Go 16/20 = 0.800 and 16/21 =
    // 0.762; Java 15/20 = 0.750 and 15/20 = 0.750. High-confidence only: overall 25/40 = 0.625 and 25/32 = 0.781.
    // Run 2: overall 31/40 = 0.775 and 31/35 = 0.886; Go 16/20 = 0.800 and 16/19 = 0.842; Java 15/20 = 0.750 and
    // 15/16 = 0.938; high-confidence only 25/40 = 0.625 and 25/29 = 0.862. Edits of existing files: recall 25/32 =
    // 0.78, precision 25/26 = 0.96; new and renamed files 6/8 = 0.75 and 6/9 = 0.67.
    static final double RECALL_FLOOR = 0.75;
    static final double PRECISION_FLOOR = 0.85;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.80, 0.80},
            "java", new double[] {0.75, 0.90});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_hundred_and_twenty_fifth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 125");
        HeldOutCorpusTest.scoreRound(cases, "round 125", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
