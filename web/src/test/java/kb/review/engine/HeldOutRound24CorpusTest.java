package kb.review.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.review.engine.HeldOutCorpusTest.Case;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the review on the round-24 held-out corpus in {@code web/src/test/resources/review/heldout24}: 120 diffs
 * (60 Go, 60 Java; 80 that introduce a defect with 80 expectations, 40 clean look-alikes written as real code is
 * written) modelled on public fix threads from 40 repositories that rounds 1 to 23 and precision sets 1 to 20 did not
 * use, written from the checklist item titles and earlier rounds' readings and committed (e32e7322) before the review
 * ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines of context,
 * others carry CRLF, renamed files, tests beside the change, a generated mock and a generated protobuf enum, build files
 * and two-file changes. Loading is round 6's (each diff reaches the review with its line ends intact); matching and the
 * three views are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 * Floors: first run 1's measured values (the blind run); since session 27's lead read the round, its figures then.
 */
class HeldOutRound24CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout24");

    // Floors: see heldout24/RESULTS.md. Run 1 is the first and blind measurement (review at 4995ca3f, this branch's
    // point on main, unchanged; cases committed in e32e7322 before the run). Every floor is run 1's measured value
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is a finding for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 60/80 = 0.750 (below target), precision 60/62 = 0.968; Go 32/40 = 0.800
    // (below target) and 32/32 = 1.000; Java 28/40 = 0.700 (below target) and 28/30 = 0.933. High-confidence only:
    // overall 44/80 = 0.550 and 44/44 = 1.000. Edits of existing files: recall 53/71 = 0.75, precision 53/55 = 0.96; new
    // files (renames included) 7/9 = 0.78 and 7/7 = 1.00.
    // Run 2 (same review, one accept line for a label the corpus placed three lines off, RESULTS.md; no case code or
    // expectation changed): recall unchanged; precision 60/61 = 0.984 overall, Go 32/32 = 1.000, Java 28/29 = 0.966.
    // Session 27's merge of its six fixing branches, none of which had opened this round: 60/80 = 0.75, 60/61 = 0.98
    // (Go 0.80 and 1.00, Java 0.70 and 0.97). Then the lead read the misses and fixed classes (RESULTS.md): 64/80 =
    // 0.80, 64/65 = 0.98 (Go 34/40 = 0.85 and 1.00, Java 30/40 = 0.75 and 30/31 = 0.97), no longer blind. The floors
    // are those figures rounded down to 0.05. Session 28's four fixing branches read the round and found the rest
    // but java-13 (its line): 79/80 = 0.99, 79/80 = 0.99 (Go 40/40 and 1.00, Java 39/40 = 0.98 and 0.98). The floors
    // are one step of 0.05 below those figures, so that a single changed case does not fail the build.
    static final double RECALL_FLOOR = 0.95;
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
    void the_review_keeps_its_measured_recall_and_precision_on_a_twenty_fourth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 24");
        HeldOutCorpusTest.scoreRound(cases, "round 24", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
