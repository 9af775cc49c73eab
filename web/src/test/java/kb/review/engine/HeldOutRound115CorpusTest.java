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
 * Scores the review on the round-115 held-out corpus in {@code web/src/test/resources/review/heldout115}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of SDKs and client libraries of cloud and SaaS APIs (an
 * MCP OAuth proxy's upstream token refresh, an email API client's event poller, a tracing client's remote sampler, a
 * chat API wrapper's REST layer, a billing API client's wallet requests, an analytics platform SDK's Go runtime, a
 * logging package's Slack handler, an OAuth2 client's metadata token source, an object storage SDK's multipart
 * upload, a payments SDK's webhook receiver; a data platform SDK's retrying API client, a cloud SDK core's request
 * execution, an ALM REST SDK's entity parsing, a tax API client's REST calls, a policy engine SDK's decision log
 * buffer, a data ingestion SDK's retry strategy, an OAuth client library's token cache, an analytics SDK's event
 * dispatcher, an identity SDK's token refresh and a log shipping client's push connection) that rounds 1 to 114, the
 * precision sets, the breadth passes and this session's breadth reading did not use, written from the checklist item
 * titles and committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an
 * existing file with git's three lines of context, others carry CRLF, renamed files, new files and test files beside
 * the change. Loading is round 6's (each diff reaches the review with its line ends intact); matching and the three
 * views are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound115CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout115");

    // Floors: see heldout115/RESULTS.md. Run 1 is the first and blind measurement (review at 2e637768, this branch's
    // base, unchanged), committed cases 4fbc7e83; run 2 adds one accept line (slog-slack's context-free PostWebhook,
    // labelled TMO-01, reported TMO-02: postMessage is given a context and the call takes none, a real second defect
    // of the labelled line) and changes no case code or label. The floors are run 2's figures (active findings, any
    // confidence) rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 32/40 = 0.800, precision 32/33 = 0.970; Go 15/20 = 0.750 and 15/16 =
    // 0.938; Java 17/20 = 0.850 and 17/17 = 1.000. High-confidence only: overall 26/40 = 0.650 and 26/27 = 0.963.
    // Run 2: overall 32/40 = 0.800 and 32/32 = 1.000; Go 15/20 = 0.750 and 15/15 = 1.000; Java 17/20 = 0.850 and
    // 17/17 = 1.000; high-confidence only 26/40 = 0.650 and 26/26 = 1.000. Edits of existing files: recall 25/30 =
    // 0.83, precision 25/25 = 1.00; new and renamed files 7/10 = 0.70 and 7/7 = 1.00.
    static final double RECALL_FLOOR = 0.80;
    static final double PRECISION_FLOOR = 1.00;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.75, 1.00},
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
    void the_review_keeps_its_measured_recall_and_precision_on_a_hundred_and_fifteenth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 115");
        HeldOutCorpusTest.scoreRound(cases, "round 115", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
