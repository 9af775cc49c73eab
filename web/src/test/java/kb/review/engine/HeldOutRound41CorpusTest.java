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
 * Scores the review on the round-41 held-out corpus in {@code web/src/test/resources/review/heldout41}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories that rounds 1 to 40, the precision sets, the breadth
 * passes and this session's breadth reading did not use, written from the checklist item titles and committed before
 * the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines
 * of context (several in two hunks), others are renamed files and new files. Loading is round 6's (each diff reaches
 * the review with its line ends intact); matching and the three views are those of {@link HeldOutCorpusTest}; the
 * figures are also split by the shape of the change.
 */
class HeldOutRound41CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout41");

    // Floors: see heldout41/RESULTS.md. Run 1 is the first and blind measurement (review at 0b696d8e, this branch's
    // point on main, unchanged; cases committed in 9765f9bd before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 32/40 = 0.800, precision 32/35 = 0.914; Go 17/20 = 0.850 and
    // 17/17 = 1.000; Java 15/20 = 0.750 and 15/18 = 0.833 (recall below target overall and in Java, Java precision
    // below target). High-confidence only: overall 22/40 = 0.550 and 22/24 = 0.917. Edits of existing files: recall
    // 24/32 = 0.75, precision 24/27 = 0.89; new files (renames included) 8/8 and 8/8.
    // Run 2 (same review, one accept line for the labelled unguarded TimerTask found at its scheduleAtFixedRate three
    // lines above the label; no case code or expectation changed): recall unchanged; precision 32/34 = 0.941 overall,
    // Java 15/17 = 0.882.
    static final double RECALL_FLOOR = 0.80;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.85, 1.00},
            "java", new double[] {0.75, 0.80});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_forty_first_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 41");
        HeldOutCorpusTest.scoreRound(cases, "round 41", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
