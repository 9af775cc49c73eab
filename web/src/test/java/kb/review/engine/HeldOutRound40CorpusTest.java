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
 * Scores the review on the round-40 held-out corpus in {@code web/src/test/resources/review/heldout40}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories that rounds 1 to 39, the precision sets, the breadth
 * passes, this session's breadth reading and round 41 did not use, written from the checklist item titles and
 * committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with
 * git's three lines of context (several in two hunks), others carry CRLF, renamed files and new files. Loading is
 * round 6's (each diff reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound40CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout40");

    // Floors: see heldout40/RESULTS.md. Run 1 is the first and blind measurement (review at 0b696d8e, this branch's
    // point on main, unchanged; cases committed in c5ed3535 before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 28/40 = 0.700, precision 28/37 = 0.757; Go 15/20 = 0.750 and
    // 15/23 = 0.652; Java 13/20 = 0.650 and 13/14 = 0.929 (recall below target overall and in both languages,
    // precision below target overall and in Go). High-confidence only: overall 18/40 = 0.450 and 18/20 = 0.900.
    // Edits of existing files: recall 24/32 = 0.75, precision 24/32 = 0.75; new files (renames included) 4/8 = 0.50
    // and 4/5 = 0.80.
    // Run 2 (same review, seven accept lines in four Go cases for defects the cases carry on lines their labels do
    // not name: the labelled moved close found at the line it left, a context dropped with the labelled default
    // client, a second leaking return and four further returns without rollback; no case code or expectation
    // changed): recall unchanged; precision 28/30 = 0.933 overall, Go 15/16 = 0.938.
    static final double RECALL_FLOOR = 0.70;
    static final double PRECISION_FLOOR = 0.75;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.75, 0.65},
            "java", new double[] {0.65, 0.90});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_fortieth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 40");
        HeldOutCorpusTest.scoreRound(cases, "round 40", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
