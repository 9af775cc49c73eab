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
 * Scores the review on the round-84 held-out corpus in {@code web/src/test/resources/review/heldout84}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of blockchain and crypto infrastructure (a beacon
 * node's sidecar fetching, an exchange connector's websocket API client, an explorer's cross-chain indexer, a chain
 * SDK's proposal handlers, a wallet SDK's keystore lookup, an interchain relayer, a chain data streaming hub, a relay
 * network's CLI, a node's RPC forwarding and an oracle price feeder's history store; an Ethereum client library's
 * HTTP service, an Ethereum node's block tracing, a Bitcoin Core RPC client, a StarkNet SDK's HTTP service, a contract
 * proxy's transaction watcher, a node's chain synchronisation, an Ethereum client's SQL block store, a P2P exchange's
 * inbound reader, a node's API executor and a crypto ATM server's block explorer client) that rounds 1 to 81, this
 * session's other blind rounds, the precision sets, the breadth passes and this session's breadth reading did not
 * use, written from the checklist item titles and committed before the review ran on them (see SOURCES.md and
 * RESULTS.md there). Most cases edit an existing file with git's three lines of context, others carry CRLF, renamed
 * files and new files. Loading is round 6's (each diff reaches the review with its line ends intact); matching and
 * the three views are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound84CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout84");

    // Floors: see heldout84/RESULTS.md. Run 1 is the first and blind measurement (review at 8fc887a0, this branch's
    // base, unchanged), committed cases fe1329b7; run 2 adds one accept line (a real RES-02 defect on the line the
    // cases labelled RES-01) and changes no case code or label. The floors are run 2's figures (active findings, any
    // confidence) rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 35/40 = 0.875, precision 35/36 = 0.972; Go 17/20 = 0.850 and 17/17 =
    // 1.000; Java 18/20 = 0.900 and 18/19 = 0.947. High-confidence only: overall 26/40 = 0.650 and 26/26 = 1.000.
    // Run 2: overall 35/40 = 0.875 and 35/35 = 1.000; Go 17/20 = 0.850 and 17/17 = 1.000; Java 18/20 = 0.900 and
    // 18/18 = 1.000; high-confidence only 26/40 = 0.650 and 26/26 = 1.000. Edits of existing files: recall 27/30 =
    // 0.90, precision 27/27 = 1.00; new and renamed files 8/10 = 0.80 and 8/8 = 1.00.
    static final double RECALL_FLOOR = 0.85;
    static final double PRECISION_FLOOR = 1.00;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.85, 1.00},
            "java", new double[] {0.90, 1.00});

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
    void the_review_keeps_its_measured_recall_and_precision_on_an_eighty_fourth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 84");
        HeldOutCorpusTest.scoreRound(cases, "round 84", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
