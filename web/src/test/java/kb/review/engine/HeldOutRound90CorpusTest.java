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
 * Scores the review on the round-90 held-out corpus in {@code web/src/test/resources/review/heldout90}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of money software (an Apple Pay merchant session
 * client, a Braintree SDK, a financial ledger's precision cache, a Nacha ACH library's command line, a trading API
 * client, a paid messaging client's exchange-rate fetcher, a payments rollup's transaction pool, a crypto wallet's
 * shared HTTP client, a DEX aggregator's limit-order pool and a crypto trading bot's order book feed; an OFX banking
 * file library, a shop's order repository, an ERP's FTP services, a pet shop sample's order service, a PayPal SDK, a
 * payment processor SDK's HTTP communication, a decentralized exchange's wallet poller, a billing platform's
 * notification dispatcher, a trading platform's real-time quotes and a shop's mailing integration) that rounds 1 to
 * 89, the precision sets, the breadth passes and this session's breadth reading did not use, written from the
 * checklist item titles and committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most
 * cases edit an existing file with git's three lines of context, others carry CRLF, renamed files and new files.
 * Loading is round 6's (each diff reaches the review with its line ends intact); matching and the three views are
 * those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound90CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout90");

    // Floors: see heldout90/RESULTS.md. Run 1 is the first and blind measurement (review at b637dab5, this branch's
    // base, unchanged), committed cases 23492e47; its one false positive is a review error, so there is no accept line
    // and no run 2. The floors are run 1's figures (active findings, any confidence) rounded down to 0.05, a
    // regression floor only.
    // Run 1, active findings: overall recall 34/40 = 0.850, precision 34/35 = 0.971; Go 16/20 = 0.800 and 16/16 =
    // 1.000; Java 18/20 = 0.900 and 18/19 = 0.947. High-confidence only: overall 24/40 = 0.600 and 24/25 = 0.960.
    // Edits of existing files: recall 27/32 = 0.84, precision 27/28 = 0.96; new and renamed files 7/8 = 0.88 and
    // 7/7 = 1.00.
    static final double RECALL_FLOOR = 0.85;
    static final double PRECISION_FLOOR = 0.95;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.80, 1.00},
            "java", new double[] {0.90, 0.90});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_ninetieth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 90");
        HeldOutCorpusTest.scoreRound(cases, "round 90", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
