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
 * Scores the review on the round-50 held-out corpus in {@code web/src/test/resources/review/heldout50}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories that rounds 1 to 49, the precision sets, the breadth
 * passes and this session's breadth reading did not use, written from the checklist item titles and committed before
 * the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines
 * of context (several in two hunks), others carry CRLF, renamed files and new files. Loading is round 6's (each diff
 * reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound50CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout50");

    // Floors: see heldout50/RESULTS.md. Run 1 is the first and blind measurement (review at 3335a598, this branch's
    // point on main, unchanged; cases committed in 906f5610 before any run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 33/40 = 0.825, precision 33/46 = 0.717; Go 16/20 = 0.800 and
    // 16/20 = 0.800; Java 17/20 = 0.850 and 17/26 = 0.654 (recall below target overall and in Go; precision below
    // target everywhere: eight `java-jdbc-no-query-timeout` rows on two JDBC templates, judged false and disputable, a
    // bounded debug loop named LOG-01, a dropped BeginTx error named ERR-01, and three label gaps). High-confidence only:
    // overall 22/40 = 0.550 and 22/35 = 0.629. Edits of existing files: recall 25/32 = 0.78, precision 25/29 = 0.86;
    // new and renamed files 8/8 = 1.00 and 8/17 = 0.47. Run 2 (three accept lines for the batch sender's per-message
    // goroutines without recover, CONC-01): precision 33/43 = 0.767 (Go 16/17 = 0.941), recall unchanged.
    static final double RECALL_FLOOR = 0.80;
    static final double PRECISION_FLOOR = 0.70;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.80, 0.80},
            "java", new double[] {0.85, 0.65});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_fiftieth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 50");
        HeldOutCorpusTest.scoreRound(cases, "round 50", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
