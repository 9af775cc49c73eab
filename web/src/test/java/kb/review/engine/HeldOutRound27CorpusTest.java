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
 * Scores the review on the round-27 held-out corpus in {@code web/src/test/resources/review/heldout27}: 120 diffs
 * (60 Go, 60 Java; 80 that introduce a defect with 80 expectations, 40 clean look-alikes written as real code is
 * written) modelled on public fix threads from 40 repositories that rounds 1 to 26 and precision sets 1 to 23 did not
 * use, written from the checklist item titles and earlier rounds' readings and committed before the review ran on them
 * (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines of context, others
 * carry CRLF, renamed files, build files and new files. Loading is round 6's (each diff reaches the review with its
 * line ends intact); matching and the three views are those of {@link HeldOutCorpusTest}; the figures are also split
 * by the shape of the change.
 */
class HeldOutRound27CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout27");

    // Floors: see heldout27/RESULTS.md. Run 1 is the first and blind measurement (review at 55b0f77d, this branch's
    // point on main, unchanged; cases committed in 34e744f4 before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 54/80 = 0.675 (below target), precision 54/63 = 0.857 (below target);
    // Go 24/40 = 0.600 and 24/28 = 0.857; Java 30/40 = 0.750 and 30/35 = 0.857 (all below target). High-confidence
    // only: overall 35/80 = 0.438 and 35/40 = 0.875. Edits of existing files: recall 47/72 = 0.65, precision
    // 47/52 = 0.90; new files (renames included) 7/8 = 0.88 and 7/11 = 0.64.
    // Run 2 (same review, six accept lines for defects the cases carry and did not label; no case code or expectation
    // changed): recall unchanged; precision 54/56 = 0.964 overall, Go 24/24 = 1.000, Java 30/32 = 0.938.
    // Run 3 (same review, seven case-writing slips corrected, RESULTS.md; the corpus as it now stands): recall
    // 56/80 = 0.700, precision 56/58 = 0.966; Go 25/40 = 0.625 and 25/25 = 1.000; Java 31/40 = 0.775 and 31/33 = 0.939.
    static final double RECALL_FLOOR = 0.65;
    static final double PRECISION_FLOOR = 0.85;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.60, 0.85},
            "java", new double[] {0.75, 0.85});

    // The three cases of the speedtest-go template change a production file, speedtest/data_manager.go, and the review
    // saw no file in them (RESULTS.md, run 1): a miss of the review, not of the corpus. They stay in the corpus and
    // their two defects count as misses; only the "reaches the review as a parsed file" check leaves them out, so that
    // it keeps guarding the other 117.
    static final Set<String> REVIEW_SAW_NO_FILE = Set.of(
            "go-09-speedtest-sampler-sleeps-past-test-end",
            "go-10-speedtest-probe-cancel-discarded",
            "go-ok-05-speedtest-sampler-selects-cancel-deferred");

    static List<Case> cases;

    @BeforeAll
    static void reviewEveryCase() throws IOException {
        cases = HeldOutRound6CorpusTest.loadAll(DIR);
    }

    @Test
    void every_case_names_its_public_source_and_reaches_the_review_as_a_parsed_file() {
        assertEquals(120, cases.size(), "corpus size");
        HeldOutCorpusTest.checkCases(cases.stream().filter(c -> !REVIEW_SAW_NO_FILE.contains(c.name())).toList(), 117);
        List<Case> unseen = cases.stream().filter(c -> REVIEW_SAW_NO_FILE.contains(c.name())).toList();
        assertEquals(REVIEW_SAW_NO_FILE.size(), unseen.size(), "the cases the review saw no file in are in the corpus");
        for (Case c : unseen) {
            assertTrue(c.source().startsWith("https://github.com/"), c.name() + ": source");
            assertEquals(c.name().contains("-ok-"), c.expected().isEmpty(), c.name() + ": clean cases expect nothing");
        }
    }

    @Test
    void the_review_keeps_its_measured_recall_and_precision_on_a_twenty_seventh_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 27");
        HeldOutCorpusTest.scoreRound(cases, "round 27", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
