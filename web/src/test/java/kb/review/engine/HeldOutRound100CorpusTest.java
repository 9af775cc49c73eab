package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kb.review.engine.HeldOutCorpusTest.Case;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the review on the round-100 held-out corpus in {@code web/src/test/resources/review/heldout100}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of testing, QA and automation software (a load testing
 * tool's executor helpers, an HTTP record and replay library's cassette store, a mock OpenID Connect provider's
 * session store, an uptime checker's HTTP checker, a browser automation library's page creation, a chaos proxy's toxic
 * link, a container testing library's reaper connection, a test orchestration CLI's JUnit reporter, an HTTP mocking
 * library's transport, a browser automation extension's context helpers; a load testing plugin set's dynamic thread
 * group, a BDD test runner's step timeout, a test report framework's lifecycle, a test framework's JUnit XML reporter,
 * a load testing sampler's HTTP/2 client, a mock server's Netty client, a container testing library's log waiter, a
 * fake data library's locale files, a browser test proxy's request timeouts and a REST API testing library's HTTP
 * builder) that rounds 1 to 96, the precision sets, the breadth passes and this session's breadth reading did not use,
 * written from the checklist item titles and committed before the review ran on them (see SOURCES.md and RESULTS.md
 * there). Most cases edit an existing file with git's three lines of context, others carry CRLF, renamed files and new
 * files. Loading is round 6's (each diff reaches the review with its line ends intact); matching and the three views
 * are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound100CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout100");

    // Floors: see heldout100/RESULTS.md. Run 1 is the first and blind measurement (review at 1a2304a2, this branch's
    // base, unchanged), committed cases ef846a4a; run 2 adds six accept lines (toxiproxy's new link file starts two
    // copying goroutines without a recover, CONC-01, Go, the same two lines in its three cases: real defects the cases
    // left unlabelled) and changes no case code or label. Two cases (TestNG's timestamp edit and its clean look-alike)
    // are taken by the review for test code and reviewed as no file; they stay as written and the defect counts as a
    // miss. The floors are run 2's figures (active findings, any confidence) rounded down to 0.05, a regression floor
    // only.
    // Run 1, active findings: overall recall 26/40 = 0.650, precision 26/35 = 0.743; Go 15/20 = 0.750 and 15/21 =
    // 0.714; Java 11/20 = 0.550 and 11/14 = 0.786. High-confidence only: overall 18/40 = 0.450 and 18/25 = 0.720.
    // Run 2: overall 26/40 = 0.650 and 26/29 = 0.897; Go 15/20 = 0.750 and 15/15 = 1.000; Java 11/20 = 0.550 and
    // 11/14 = 0.786; high-confidence only 18/40 = 0.450 and 18/19 = 0.947. Edits of existing files: recall 23/32 =
    // 0.72, precision 23/25 = 0.92; new and renamed files 3/8 = 0.38 and 3/4 = 0.75.
    static final double RECALL_FLOOR = 0.65;
    static final double PRECISION_FLOOR = 0.85;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.75, 1.00},
            "java", new double[] {0.55, 0.75});

    /**
     * Cases the review takes for test code and so reviews no file of (run 1): the timestamp edit of TestNG's own JUnit
     * reporter and its clean look-alike, whose hunks show only {@code org.testng} imports and a formatter (the
     * reporter's other defect case, whose hunks reach its writer, is reviewed). The cases stay as written blind (no
     * case changes after run 1; the defect counts as a miss); only the check that every case reaches the review as a
     * parsed file leaves them out.
     */
    static final Set<String> TAKEN_FOR_TEST_CODE = Set.of("java-07-testng-junit-report-timestamp-without-zone",
            "java-ok-04-testng-junit-report-timestamp-in-configured-zone");

    static List<Case> cases;

    @BeforeAll
    static void reviewEveryCase() throws IOException {
        cases = HeldOutRound6CorpusTest.loadAll(DIR);
    }

    @Test
    void every_case_names_its_public_source_and_reaches_the_review_as_a_parsed_file() {
        assertEquals(60, cases.size(), "corpus size");
        HeldOutCorpusTest.checkCases(cases.stream().filter(c -> !TAKEN_FOR_TEST_CODE.contains(c.name())).toList(), 58);
        for (Case c : cases) {
            if (TAKEN_FOR_TEST_CODE.contains(c.name())) {
                assertTrue(c.source() != null && c.source().startsWith("https://github.com/"), c.name() + ": source");
                assertEquals(c.name().contains("-ok-"), c.expected().isEmpty(),
                        c.name() + ": clean cases expect nothing");
            }
        }
    }

    @Test
    void the_review_keeps_its_measured_recall_and_precision_on_a_hundredth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 100");
        HeldOutCorpusTest.scoreRound(cases, "round 100", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
