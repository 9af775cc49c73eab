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
 * Scores the review on the round-101 held-out corpus in {@code web/src/test/resources/review/heldout101}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of product platform services (a product analytics
 * SDK's flag poller, a search service client's JSONL import, a search engine client's task waiter, an A/B testing
 * SDK's auto refresh, an auth service's signup, a feature flag service's evaluation cache, a web analytics service's
 * rollups, a messaging and campaign engine's crons, a session replay platform's log ingestion worker, a feature flag
 * SDK's streaming client; a feature flag SDK's scheduled executor, a feature flag extension's CDI producer, an event
 * tracker's batch emitter, a web analytics tracker's HTTP sender, a search service client's Apache requester, a
 * backend-as-a-service admin SDK's token refresher, a product analytics SDK's transport, a feature flag streaming
 * library's handler thread, a customer engagement SDK's event sender and a search engine client's task waiter) that
 * rounds 1 to 100, the precision sets, the breadth passes and this session's breadth reading did not use, written
 * from the checklist item titles and committed before the review ran on them (see SOURCES.md and RESULTS.md there).
 * Most cases edit an existing file with git's three lines of context, others carry CRLF, renamed files and new
 * files. Loading is round 6's (each diff reaches the review with its line ends intact); matching and the three views
 * are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound101CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout101");

    // Floors: see heldout101/RESULTS.md. Run 1 is the first and blind measurement (review at 1a2304a2, this branch's
    // base, unchanged), committed cases 61475e4e; run 2 adds one accept line (an HTTP client built per tracking request
    // on Executors.newCachedThreadPool(), CONC-02, Java, on the line the case labels RES-04: a real defect the case left
    // unlabelled) and changes no case code or label. The floors are run 2's figures (active findings, any confidence)
    // rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 27/40 = 0.675, precision 27/32 = 0.844; Go 14/20 = 0.700 and 14/16 =
    // 0.875; Java 13/20 = 0.650 and 13/16 = 0.813. High-confidence only: overall 22/40 = 0.550 and 22/27 = 0.815.
    // Run 2: overall 27/40 = 0.675 and 27/31 = 0.871; Go 14/20 = 0.700 and 14/16 = 0.875; Java 13/20 = 0.650 and
    // 13/15 = 0.867; high-confidence only 22/40 = 0.550 and 22/26 = 0.846. Edits of existing files: recall 20/32 =
    // 0.63, precision 20/23 = 0.87; new and renamed files 7/8 = 0.88 and 7/8 = 0.88.
    static final double RECALL_FLOOR = 0.65;
    static final double PRECISION_FLOOR = 0.85;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.70, 0.85},
            "java", new double[] {0.65, 0.85});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_hundred_and_first_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 101");
        HeldOutCorpusTest.scoreRound(cases, "round 101", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
