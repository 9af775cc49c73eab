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
 * Scores the review on the round-28 held-out corpus in {@code web/src/test/resources/review/heldout28}: 120 diffs
 * (60 Go, 60 Java; 80 that introduce a defect with 80 expectations, 40 clean look-alikes written as real code is
 * written) modelled on public fix threads from 40 repositories that rounds 1 to 27, precision sets 1 to 24 and this
 * session's breadth reading did not use, written from the checklist item titles and earlier rounds' readings and
 * committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with
 * git's three lines of context, others carry CRLF, renamed files, a build file and new files. Loading is round 6's
 * (each diff reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound28CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout28");

    // Floors: see heldout28/RESULTS.md. Run 1 is the first and blind measurement (review at cf3e1cef, this branch's
    // point on main, unchanged; cases committed in 6951bc2a before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 55/80 = 0.688 (below target), precision 55/57 = 0.965; Go 28/40 = 0.700
    // and 28/29 = 0.966; Java 27/40 = 0.675 and 27/28 = 0.964 (recall below target in both). High-confidence only:
    // overall 44/80 = 0.550 and 44/46 = 0.957. Edits of existing files: recall 49/72 = 0.68, precision 49/51 = 0.96;
    // new files (renames included) 6/8 = 0.75 and 6/6 = 1.00.
    // Run 2 (same review, two accept lines for defects the cases carry and did not label; no case code or expectation
    // changed): recall unchanged; precision 55/55 = 1.000 overall and in each language.
    static final double RECALL_FLOOR = 0.65;
    static final double PRECISION_FLOOR = 0.95;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.70, 0.95},
            "java", new double[] {0.65, 0.95});

    static List<Case> cases;

    @BeforeAll
    static void reviewEveryCase() throws IOException {
        cases = HeldOutRound6CorpusTest.loadAll(DIR);
    }

    @Test
    void every_case_names_its_public_source_and_reaches_the_review_as_a_parsed_file() {
        assertEquals(120, cases.size(), "corpus size");
        HeldOutCorpusTest.checkCases(cases, 120);
    }

    @Test
    void the_review_keeps_its_measured_recall_and_precision_on_a_twenty_eighth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 28");
        HeldOutCorpusTest.scoreRound(cases, "round 28", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
