package kb.review.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.review.engine.HeldOutCorpusTest.Case;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the review on the round-10 held-out corpus in {@code web/src/test/resources/review/heldout10}: 115 diffs
 * (60 Go, 55 Java; 75 that introduce a defect, 40 clean look-alikes) modelled on public fix threads from 93
 * repositories that rounds 1 to 9 did not use, written from the checklist items alone and committed (7f0af67) before
 * the review ran on them (see SOURCES.md, RESULTS.md and CORRECTIONS.md there). Libraries round 9 leaned on are
 * avoided; 43 cases edit an existing file with git's three lines of context, others carry renames, CRLF, vendored,
 * generated and test files. Loading is round 6's (each diff reaches the review with its line ends intact); matching
 * and the three views are those of {@link HeldOutCorpusTest}. Besides those views the test prints the active figures
 * split by the shape of the change (edits of existing files against new files, from the "kind" column of
 * SOURCES.md), so a rerun on a later review prints every table RESULTS.md has.
 */
class HeldOutRound10CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout10");

    // Floors: see heldout10/RESULTS.md. Run 1 is the first and blind measurement (review at 851c08d, this branch's point
    // on main, unchanged; cases committed in 7f0af67 before the run). Its one false positive is the review's, not a
    // label error (heldout10/CORRECTIONS.md), so there is no run 2. Each floor is run 1's value rounded down to 0.05, a
    // regression floor only: a figure below the targets (recall 0.85, precision 0.90) is a finding for the team,
    // not hidden by a lower target.
    // Run 1, active findings: overall recall 50/77 = 0.649 (floor 0.60; below target), precision 50/51 = 0.980 (floor
    // 0.95); Go 30/39 = 0.769 (floor 0.75; below target) and 30/31 = 0.968 (floor 0.95); Java 20/38 = 0.526 (floor 0.50;
    // below target) and 20/20 = 1.00 (floor 0.95: one false positive in 20 findings is within the target, so
    // the floor leaves room for it, as rounds 8 and 9 do). High-confidence only: overall 39/77 = 0.51 and 39/40 = 0.975
    // (Go 22/39 = 0.56 and 0.96; Java 17/38 = 0.45 and 1.00).
    // Run 2 (not blind; DEP-02's SnakeYAML and XStream rules, models for Pulsar, WatchService, Go decompressors and
    // the Docker client): overall 61/77 = 0.792 (floor 0.75) and 61/62 = 0.984; Go 33/39 = 0.846 (floor 0.80) and
    // 33/34 = 0.971; Java 28/38 = 0.737 (floor 0.70) and 28/28 = 1.00. Precision floors unchanged.
    // Before run 2, still blind: the session's six branches that never read this round merged (models by popularity,
    // confidence by reason, structural precision, speed, class splits): overall 52/77 = 0.68 and 52/53 = 0.98; Go
    // 30/39 = 0.77 and 0.97; Java 22/38 = 0.58 and 1.00; high confidence 52/77 = 0.68 (run 1: 0.51).
    // Run 3 (not blind; every branch of the session merged): overall 62/77 = 0.805 (floor 0.80) and 62/63 = 0.98; Go
    // 33/39 = 0.846 and 33/34 = 0.97; Java 29/38 = 0.763 and 29/29 = 1.00.
    // Run 4 (thirteenth session, not blind: branches on the recurring misses of all rounds, and one accept line for
    // go-32, CORRECTIONS.md): overall 67/77 = 0.870 (floor 0.85) and 67/67 = 1.00; Go 36/39 = 0.923 (floor 0.90) and
    // 1.00; Java 31/38 = 0.816 (floor 0.80) and 1.00.
    // Run 5 (fourteenth session, not blind: the Java recurring-miss branch): overall 69/77 = 0.896 (floor 0.85) and
    // 1.00; Go 36/39 = 0.923 (0.90); Java 33/38 = 0.868 (floor raised to 0.85) and 1.00.
    static final double RECALL_FLOOR = 0.85;
    static final double PRECISION_FLOOR = 0.95;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.90, 0.95},
            "java", new double[] {0.85, 0.95});

    static List<Case> cases;

    @BeforeAll
    static void reviewEveryCase() throws IOException {
        cases = HeldOutRound6CorpusTest.loadAll(DIR);
    }

    @Test
    void every_case_names_its_public_source_and_reaches_the_review_as_a_parsed_file() {
        HeldOutCorpusTest.checkCases(cases, 115);
    }

    @Test
    void the_review_keeps_its_measured_recall_and_precision_on_a_tenth_corpus_shaped_like_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 10");
        HeldOutCorpusTest.scoreRound(cases, "round 10", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
