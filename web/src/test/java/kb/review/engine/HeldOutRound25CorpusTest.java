package kb.review.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.review.engine.HeldOutCorpusTest.Case;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the review on the round-25 held-out corpus in {@code web/src/test/resources/review/heldout25}: 120 diffs
 * (60 Go, 60 Java; 80 that introduce a defect with 80 expectations, 40 clean look-alikes written as real code is
 * written) modelled on public fix threads from 40 repositories that rounds 1 to 24 and precision sets 1 to 21 did not
 * use, written from the checklist item titles and earlier rounds' readings and committed (d1804cc2) before the review
 * ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines of context,
 * others carry CRLF, renamed files, tests beside the change, a generated mock and a generated protobuf enum, build files,
 * new files and two-file changes. Loading is round 6's (each diff reaches the review with its line ends intact);
 * matching and the three views are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the
 * change.
 */
class HeldOutRound25CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout25");

    // Floors: see heldout25/RESULTS.md. Run 1 is the first and blind measurement (review at 7912bf4d, this branch's
    // point on main, unchanged; cases committed in d1804cc2 before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 64/80 = 0.800 (below target), precision 64/70 = 0.914; Go 30/40 = 0.750
    // (below target) and 30/34 = 0.882 (below target); Java 34/40 = 0.850 and 34/36 = 0.944. High-confidence only:
    // overall 55/80 = 0.688 and 55/60 = 0.917. Edits of existing files: recall 57/72 = 0.79, precision 57/61 = 0.93; new
    // files (renames included) 7/8 = 0.88 and 7/9 = 0.78.
    // Run 2 (same review, four accept lines for labels the corpus missed, RESULTS.md; no case code or expectation
    // changed): recall unchanged; precision 64/66 = 0.970 overall, Go 30/32 = 0.938, Java 34/34 = 1.000; high-confidence
    // 55/57 = 0.965.
    // Session 28's merge of its fixing branches, none of which had opened this round: 65/80 = 0.81, 65/67 = 0.97 (Go
    // 30/40 = 0.75 and 30/32 = 0.94, Java 35/40 = 0.88 and 35/35 = 1.00). The precision floors move to those figures
    // rounded down to 0.05; the recall floors stay at run 1's.
    // Session 29's merge, whose Go and Java recall branches read this round's misses (classes with their own diffs):
    // 77/80 = 0.96, 77/80 = 0.96 (Go 37/40 = 0.93 and 37/40 = 0.93, Java 40/40 and 40/40). The floors move one step of
    // 0.05 below those figures rounded down, as round 24's did, so that a single case does not fail the build.
    static final double RECALL_FLOOR = 0.90;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.85, 0.85},
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
    void the_review_keeps_its_measured_recall_and_precision_on_a_twenty_fifth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 25");
        HeldOutCorpusTest.scoreRound(cases, "round 25", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
