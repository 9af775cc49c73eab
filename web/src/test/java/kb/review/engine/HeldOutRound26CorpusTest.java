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
 * Scores the review on the round-26 held-out corpus in {@code web/src/test/resources/review/heldout26}: 120 diffs
 * (60 Go, 60 Java; 80 that introduce a defect with 80 expectations, 40 clean look-alikes written as real code is
 * written) modelled on public fix threads from 40 repositories that rounds 1 to 25 and precision sets 1 to 22 did not
 * use, written from the checklist item titles and earlier rounds' readings and committed before the review ran on them
 * (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines of context, others
 * carry CRLF, renamed files, a test file as the changed file, tests beside the change, build files and new files.
 * Loading is round 6's (each diff reaches the review with its line ends intact); matching and the three views are those
 * of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound26CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout26");

    // Floors: see heldout26/RESULTS.md. Run 1 is the first and blind measurement (review at 864b9bdf, this branch's
    // point on main, unchanged; cases committed in d0af8b99 before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 57/80 = 0.713 (below target), precision 57/63 = 0.905; Go 24/40 = 0.600
    // (below target) and 24/26 = 0.923; Java 33/40 = 0.825 (below target) and 33/37 = 0.892 (below target).
    // High-confidence only: overall 43/80 = 0.538 and 43/44 = 0.977. Edits of existing files: recall 52/71 = 0.73,
    // precision 52/58 = 0.90; new files (renames included) 5/9 = 0.56 and 5/5 = 1.00.
    // Run 2 (same review, two accept lines for labels the corpus missed, RESULTS.md; no case code or expectation
    // changed): recall unchanged; precision 57/61 = 0.934 overall, Go 24/24 = 1.000, Java 33/37 = 0.892.
    static final double RECALL_FLOOR = 0.70;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.60, 0.90},
            "java", new double[] {0.80, 0.85});

    // The three cases of the terraform-provider-tfe template change only a Go test file (an acceptance-test helper):
    // the review reads no test file, so it sees no file in them (RESULTS.md, run 1). They stay in the corpus and their
    // two defects count as misses; only the "reaches the review as a parsed file" check leaves them out.
    static final Set<String> TEST_FILE_ONLY = Set.of(
            "go-31-tfe-scim-helper-body-never-closed",
            "go-32-tfe-scim-helper-decode-error-dropped",
            "go-ok-16-tfe-scim-helper-body-deferred-decode-checked");

    static List<Case> cases;

    @BeforeAll
    static void reviewEveryCase() throws IOException {
        cases = HeldOutRound6CorpusTest.loadAll(DIR);
    }

    @Test
    void every_case_names_its_public_source_and_reaches_the_review_as_a_parsed_file() {
        assertEquals(120, cases.size(), "corpus size");
        HeldOutCorpusTest.checkCases(cases.stream().filter(c -> !TEST_FILE_ONLY.contains(c.name())).toList(), 117);
        List<Case> testOnly = cases.stream().filter(c -> TEST_FILE_ONLY.contains(c.name())).toList();
        assertEquals(TEST_FILE_ONLY.size(), testOnly.size(), "the test-file-only cases are in the corpus");
        for (Case c : testOnly) {
            assertTrue(c.source().startsWith("https://github.com/"), c.name() + ": source");
            assertEquals(c.name().contains("-ok-"), c.expected().isEmpty(), c.name() + ": clean cases expect nothing");
        }
    }

    @Test
    void the_review_keeps_its_measured_recall_and_precision_on_a_twenty_sixth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 26");
        HeldOutCorpusTest.scoreRound(cases, "round 26", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
