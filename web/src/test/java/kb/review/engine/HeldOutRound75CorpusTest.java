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
 * Scores the review on the round-75 held-out corpus in {@code web/src/test/resources/review/heldout75}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of security and identity projects (vulnerability
 * scanners, certificate and PKI tooling, secrets managers and brokers, authentication and SSO servers and libraries, a
 * VPN client) that rounds 1 to 74 and 76, the precision sets, the breadth passes and this session's breadth reading did
 * not use, written from the checklist item titles and committed before the review ran on them (see SOURCES.md and
 * RESULTS.md there). Most cases edit an existing file with git's three lines of context, others carry CRLF, renamed
 * files and new files. Loading is round 6's (each diff reaches the review with its line ends intact); matching and the
 * three views are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound75CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout75");

    // Floors: see heldout75/RESULTS.md. Run 1 is the first and blind measurement (review at e9907075, this branch's
    // base, unchanged), committed cases 7e9bf872: overall recall 30/40 = 0.750, precision 30/38 = 0.789; Go 16/20 =
    // 0.800 and 16/22 = 0.727; Java 14/20 = 0.700 and 14/16 = 0.875. Run 2 adds one accept line (a real leak a case's
    // edit makes and its label does not name): precision 30/37 = 0.811, Go 16/21 = 0.762, the rest unchanged.
    // High-confidence only: 21/40 = 0.525 and 21/26 = 0.808. The floors are run 2's figures (active findings, any
    // confidence) rounded down to 0.05, a regression floor only: figures below the targets (recall 0.85,
    // precision 0.90) are reported, not hidden.
    static final double RECALL_FLOOR = 0.75;
    static final double PRECISION_FLOOR = 0.80;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.80, 0.75},
            "java", new double[] {0.70, 0.85});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_seventy_fifth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 75");
        HeldOutCorpusTest.scoreRound(cases, "round 75", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
