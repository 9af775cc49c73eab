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
 * Scores the review on the round-48 held-out corpus in {@code web/src/test/resources/review/heldout48}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories that rounds 1 to 47, the precision sets, the breadth
 * passes and this session's breadth reading did not use, written from the checklist item titles and committed before
 * the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines
 * of context (several in two hunks), others carry CRLF, renamed files and new files. Loading is round 6's (each diff
 * reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound48CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout48");

    // Floors: see heldout48/RESULTS.md. Run 1 is the first and blind measurement (review at 3335a598, this branch's
    // point on main, unchanged; cases committed in 1e383408 before any run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 28/40 = 0.700, precision 28/31 = 0.903; Go 14/20 = 0.700 and
    // 14/15 = 0.933; Java 14/20 = 0.700 and 14/16 = 0.875 (recall below target overall and in both languages: TIME-01
    // 0 of 4, LOG-01 0 of 2, TX-01 0 of 2; precision below target in Java: a JDBC statement without a query timeout,
    // and one label gap; the Go false positive is the labelled TX-01 reported on its deletion line, outside the slack).
    // High-confidence only: overall 20/40 = 0.500 and 20/22 = 0.909. Edits of existing files: recall 23/32 = 0.72,
    // precision 23/25 = 0.92; new and renamed files 5/8 = 0.63 and 5/6 = 0.83. Run 2 (one accept line for the MDC put
    // the new filter's second defect leaves outside its try, line 39): precision 28/30 = 0.933 (Java 14/15 = 0.933),
    // recall unchanged.
    static final double RECALL_FLOOR = 0.70;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.70, 0.90},
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
    void the_review_keeps_its_measured_recall_and_precision_on_a_forty_eighth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 48");
        HeldOutCorpusTest.scoreRound(cases, "round 48", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
