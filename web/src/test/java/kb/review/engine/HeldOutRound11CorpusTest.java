package kb.review.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.review.engine.HeldOutCorpusTest.Case;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the review on the round-11 held-out corpus in {@code web/src/test/resources/review/heldout11}: 124 diffs
 * (62 Go, 62 Java; 84 that introduce a defect with 85 expectations, 40 clean look-alikes) modelled on public fix
 * threads from 110 repositories that rounds 1 to 10 did not use, written from the checklist items alone and committed
 * (033c8b4) before the review ran on them (see SOURCES.md, RESULTS.md and CORRECTIONS.md there). Libraries round 10
 * leaned on are avoided; 27 cases edit an existing file with git's three lines of context, others carry renames, CRLF,
 * test, vendored and generated files. Loading is round 6's (each diff reaches the review with its line ends intact);
 * matching and the three views are those of {@link HeldOutCorpusTest}. The test also prints the active figures split by
 * the shape of the change (edits of existing files against new files, from the "kind" column of SOURCES.md), so a rerun
 * on a later review prints every table RESULTS.md has.
 */
class HeldOutRound11CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout11");

    // Floors: see heldout11/RESULTS.md. Run 1 is the first and blind measurement (review at f16f4f7, this branch's point
    // on main, unchanged; cases committed in 033c8b4 before the run). Run 2 is the same review after ten `# accept:`
    // lines for label errors of the corpus (heldout11/CORRECTIONS.md; no case code changed). Each floor is the measured
    // value rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision
    // 0.90) is a finding for the team, not hidden by a lower target. A precision of 1.00 gets a 0.95 floor, as in round
    // 10, so one false positive in twenty findings (still within the target) does not fail CI.
    // Run 1, active findings: overall recall 60/85 = 0.706 (below target), precision 60/71 = 0.845 (below target); Go
    // 31/40 = 0.775 and 31/35 = 0.886; Java 29/45 = 0.644 and 29/36 = 0.806. High-confidence only: overall 58/85 = 0.68
    // and 58/69 = 0.84 (Go 30/40 = 0.75 and 0.88; Java 28/45 = 0.62 and 0.80).
    // Run 2 (same review, accept lines added): recall unchanged; precision overall 60/61 = 0.984 (floor 0.95), Go 31/31 =
    // 1.00 (floor 0.95), Java 29/30 = 0.967 (floor 0.95). Recall floors from run 1: overall 0.70, Go 0.75, Java 0.60.
    // Run 3 (not blind: the review after branch r11's changes for the classes of run 1's misses, RESULTS.md): overall
    // recall 72/85 = 0.847 (floor 0.80), precision 72/73 = 0.986 (floor 0.95); Go 36/40 = 0.90 (0.90) and 36/36 = 1.00
    // (0.95); Java 36/45 = 0.80 (0.80) and 36/37 = 0.973 (0.95).
    // Run 4 (fourteenth session, not blind: branches on the recurring Go and Java misses of all rounds, and the
    // round-12 branch): overall 79/85 = 0.929 (floor 0.90) and 79/80 = 0.988; Go 40/40 = 1.00 (0.95) and 1.00; Java
    // 39/45 = 0.867 (0.85) and 39/40 = 0.975. The floors below are run 4's, rounded down to 0.05 (1.00 to 0.95).
    // After branch javarec13 (Spring's interceptor execution response tracked, java-12): overall 80/85 = 0.941 and
    // 80/81 = 0.988; Java 40/45 = 0.889 and 40/41 = 0.976; floors unchanged.
    static final double RECALL_FLOOR = 0.90;
    static final double PRECISION_FLOOR = 0.95;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.95, 0.95},
            "java", new double[] {0.85, 0.95});

    static List<Case> cases;

    @BeforeAll
    static void reviewEveryCase() throws IOException {
        cases = HeldOutRound6CorpusTest.loadAll(DIR);
    }

    @Test
    void every_case_names_its_public_source_and_reaches_the_review_as_a_parsed_file() {
        HeldOutCorpusTest.checkCases(cases, 124);
    }

    @Test
    void the_review_keeps_its_measured_recall_and_precision_on_an_eleventh_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 11");
        HeldOutCorpusTest.scoreRound(cases, "round 11", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
