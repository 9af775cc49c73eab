package kb.review.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.review.engine.HeldOutCorpusTest.Case;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the review on the round-23 held-out corpus in {@code web/src/test/resources/review/heldout23}: 120 diffs
 * (60 Go, 60 Java; 80 that introduce a defect with 80 expectations, 40 clean look-alikes written as real code is
 * written) modelled on public fix threads from 40 repositories that rounds 1 to 22 and precision sets 1 to 18 did not
 * use, written from the checklist item titles and earlier rounds' readings and committed (1fa4e87f) before the review
 * ran on them (see SOURCES.md and RESULTS.md there). 106 cases edit an existing file with git's three lines of context,
 * others carry CRLF, renamed files, tests beside the change, a generated mock and a generated protobuf enum, build files
 * and two-file changes. Loading is round 6's (each diff reaches the review with its line ends intact); matching and the
 * three views are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 * Floors: first run 1's measured values (the blind run); since sessions 26 and 27 read the round, their figures.
 */
class HeldOutRound23CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout23");

    // Floors: see heldout23/RESULTS.md. Run 1 is the first and blind measurement (review at b0354ad9, this branch's
    // point on main, unchanged; cases committed in 1fa4e87f before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 52/80 = 0.650 (below target), precision 52/64 = 0.813 (below target);
    // Go 24/40 = 0.600 (below target) and 24/30 = 0.800 (below target); Java 28/40 = 0.700 (below target) and
    // 28/34 = 0.824 (below target). High-confidence only: overall 40/80 = 0.500 and 40/49 = 0.816. Edits of existing
    // files: recall 44/68 = 0.65, precision 44/55 = 0.80; new files 8/12 = 0.67 and 8/9 = 0.89.
    // Run 2 (same review, seven accept lines for labels the corpus missed, RESULTS.md; no case code or expectation
    // changed): recall unchanged; precision 52/57 = 0.912 overall, Go 24/27 = 0.889, Java 28/30 = 0.933.
    // Two Java defect cases (java-34, java-40) carry a writing error that leaves their labelled line unreachable
    // (RESULTS.md); they stay in the corpus and in these figures.
    // Session 26's merge of its eight branches, none of which had read this round: 57/80 = 0.71, 57/62 = 0.92 (Go 0.68
    // and 0.90, Java 0.75 and 0.94). Then the lead read the misses and false positives and fixed classes (a deleted lock
    // around kept lines, a deleted check whose block returned, a caught exception only joined into a message, a dial
    // field with its timeout deleted, a heartbeat loop's continue turned into a return, ticker loops through a
    // recovering helper, a concurrent collection swapped for a plain one): 67/80 = 0.84, 67/69 = 0.97 (Go 34/40 = 0.85
    // and 1.00, Java 33/40 = 0.83 and 33/35 = 0.94), no longer blind.
    // Session 27 (its branches read this round): 75/80 = 0.94, 75/77 = 0.97 (Go 38/40 = 0.95 and 1.00, Java 37/40 =
    // 0.93 and 37/39 = 0.949). The floors are those figures rounded down to 0.05.
    static final double RECALL_FLOOR = 0.90;
    static final double PRECISION_FLOOR = 0.95;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.95, 0.95},
            "java", new double[] {0.90, 0.90});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_twenty_third_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 23");
        HeldOutCorpusTest.scoreRound(cases, "round 23", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
