package kb.review.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.review.engine.HeldOutCorpusTest.Case;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the review on the round-14 held-out corpus in {@code web/src/test/resources/review/heldout14}: 120 diffs
 * (60 Go, 60 Java; 80 that introduce a defect with 80 expectations, 40 clean look-alikes written as real code is
 * written rather than kept free of other items' shapes) modelled on public fix threads from 66 repositories that rounds
 * 1 to 13, the precision sets and set 10 did not use, written from the checklist items alone and committed (11243935)
 * before the review ran on them (see SOURCES.md and RESULTS.md there). 45 cases edit an existing file with git's three
 * lines of context, others carry renames, CRLF, test, build and generated files. Loading is round 6's (each diff reaches
 * the review with its line ends intact); matching and the three views are those of {@link HeldOutCorpusTest}; the
 * figures are also split by the shape of the change.
 * Floors: run 4, not blind (after the round was read and its misses fixed, branches r14go and r14java).
 */
class HeldOutRound14CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout14");

    // Floors: see heldout14/RESULTS.md. Run 1 is the first and blind measurement (review at 53d6bc38, this branch's
    // point on main, unchanged; cases committed in 11243935 before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target. A precision of 1.00 would get a 0.95 floor.
    // Run 1, active findings: overall recall 63/80 = 0.788 (below target), precision 63/67 = 0.940; Go 29/40 = 0.725
    // (below target) and 29/30 = 0.967; Java 34/40 = 0.850 and 34/37 = 0.919. High-confidence only: overall
    // 58/80 = 0.725 and 58/61 = 0.951. Edits of existing files: recall 21/29 = 0.72, precision 21/23 = 0.91.
    // Run 2 (same review, one accept line for a label the corpus missed, RESULTS.md; no case code or expectation
    // changed): recall unchanged; precision 63/66 = 0.955 overall, Java 34/36 = 0.944.
    // Run 3, not blind (branch r14, after reading the round; CONC-03 errgroup/WaitGroup tasks): overall 64/80 = 0.80
    // and 64/67 = 0.955; Go 30/40 = 0.75 and 30/31 = 0.968; Java unchanged.
    // Run 4, not blind (branches r14go and r14java merged with the session's other branches, main after 30f14fda):
    // overall 77/80 = 0.96 and 77/77 = 1.00; Go 38/40 = 0.95 and 38/38; Java 39/40 = 0.98 and 39/39. These figures
    // were reached by fixing this round's own misses, so they say the classes now hold, not how a new round reads
    // (round 15 does that). The floors are run 4's, rounded down (a precision of 1.00 gets 0.95).
    static final double RECALL_FLOOR = 0.95;
    static final double PRECISION_FLOOR = 0.95;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.95, 0.95},
            "java", new double[] {0.95, 0.95});

    static List<Case> cases;

    @BeforeAll
    static void reviewEveryCase() throws IOException {
        cases = HeldOutRound6CorpusTest.loadAll(DIR);
    }

    @Test
    void every_case_names_its_public_source_and_reaches_the_review_as_a_parsed_file() {
        HeldOutCorpusTest.checkCases(cases, 120);
    }

    @Test
    void the_review_keeps_its_measured_recall_and_precision_on_a_fourteenth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 14");
        HeldOutCorpusTest.scoreRound(cases, "round 14", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
