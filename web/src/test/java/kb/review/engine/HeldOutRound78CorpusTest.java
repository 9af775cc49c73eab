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
 * Scores the review on the round-78 held-out corpus in {@code web/src/test/resources/review/heldout78}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories (commerce, finance and billing: a budgeting tool's
 * bank-data reader, a captive-portal merchant taking cashu payments, a trading bot's and two exchange SDKs' REST
 * clients, an order-sharing network's log decoder, a double-entry ledger, a billing platform's invoice sync, a wallet
 * daemon's store and a lightning invoice checker; two payment SDKs' HTTP layers, a payment gateway's API client, a
 * portfolio tracker's auto-save job, a cryptocurrency wallet client, a boleto PDF generator, a billing platform's
 * Adyen plugin, a shop's payment event producer, a bank's payment signer and an economy plugin's account store) that
 * rounds 1 to 76, the precision sets, the breadth passes, this session's other blind rounds and its breadth reading did
 * not use, written from the checklist item titles and committed before the review ran on them (see SOURCES.md and
 * RESULTS.md there). Most cases edit an existing file with git's three lines of context, others carry CRLF, renamed
 * files and new files. Loading is round 6's (each diff reaches the review with its line ends intact); matching and
 * the three views are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound78CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout78");

    // Floors: see heldout78/RESULTS.md. Run 1 is the first and blind measurement (review at f20e76ef, this branch's
    // base, unchanged), committed cases 056227b9; the floors are run 1's figures (active findings, any confidence)
    // rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 35/40 = 0.875, precision 35/35 = 1.000; Go 18/20 = 0.900 and
    // 18/18 = 1.000; Java 17/20 = 0.850 and 17/17 = 1.000 (recall and precision at or above issue 11's targets
    // overall and in both languages). High-confidence only: overall 24/40 = 0.600 and 24/24 = 1.000. Edits of
    // existing files: recall 30/34 = 0.88, precision 30/30 = 1.00; new and renamed files 5/6 = 0.83 and 5/5 = 1.00.
    // No accept lines: run 1 has no false positive, so there is no run 2.
    static final double RECALL_FLOOR = 0.85;
    static final double PRECISION_FLOOR = 1.00;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.90, 1.00},
            "java", new double[] {0.85, 1.00});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_seventy_eighth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 78");
        HeldOutCorpusTest.scoreRound(cases, "round 78", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
