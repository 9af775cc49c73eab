package kb.review.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.review.engine.HeldOutCorpusTest.Case;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the review on the round-9 held-out corpus in {@code web/src/test/resources/review/heldout9}: 140 diffs
 * (66 Go, 74 Java; 92 that introduce a defect, 48 clean look-alikes) modelled on public fix threads from 121
 * repositories that rounds 1 to 8 did not use, written from the checklist items alone and committed (3dcdd4c) before
 * the review ran on them (see SOURCES.md, RESULTS.md and CORRECTIONS.md there). It stresses what a new user's pull
 * requests look like: libraries earlier rounds used little, edits inside existing functions with git's three lines of
 * context, helpers in other files of the change, renames, CRLF, vendored and generated files. Loading is round 6's
 * (each diff reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}. Besides those views the test prints the active figures split by the shape of the change
 * (edits of existing files against new files, from the "kind" column of SOURCES.md), so a rerun on a later review
 * prints every table RESULTS.md has.
 */
class HeldOutRound9CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout9");

    // Floors: see heldout9/RESULTS.md. Run 1 is the first and blind measurement (review at 3ecef25, this branch's point
    // on main, unchanged; cases committed in 3dcdd4c before the run). Run 2 is the same review after seven label
    // corrections of this round's own (heldout9/CORRECTIONS.md: `# accept:` lines only, for items that do apply where
    // the review reported them; no expectation changed). Each floor is run 2's value rounded down to 0.05, a regression
    // floor only: a figure below the targets (recall 0.85, precision 0.90) is a finding for the team, not
    // hidden by a lower target.
    // Run 1, active findings: overall recall 68/97 = 0.70 (below target), precision 68/77 = 0.88 (below target);
    // Go 27/44 = 0.61 and 27/31 = 0.87; Java 41/53 = 0.77 and 41/46 = 0.89. High-confidence only: overall
    // 58/97 = 0.60 and 58/67 = 0.87 (Go 19/44 = 0.43 and 0.83; Java 39/53 = 0.74 and 0.89).
    // Run 2, active findings: overall recall 68/97 = 0.70 (floor 0.70), precision 68/70 = 0.97 (floor 0.95);
    // Go 27/44 = 0.61 (floor 0.60) and 27/29 = 0.93 (floor 0.90); Java 41/53 = 0.77 (floor 0.75) and 41/41 = 1.00
    // (floor 1.00). High-confidence only: overall 58/97 = 0.60 and 58/60 = 0.97.
    // Run 3 (blind: every branch of the morning session that did not read this round merged): overall 74/97 = 0.76,
    // 74/76 = 0.97; Go 30/44 = 0.68 and 30/32 = 0.94; Java 44/53 = 0.83 and 44/44 = 1.00.
    // Run 4 (not blind: two path branches built from this round's misses merged too): overall 79/97 = 0.81 (floor
    // 0.80), 79/80 = 0.99 (0.95); Go 34/44 = 0.77 (floor 0.75) and 34/35 = 0.97 (0.95); Java 45/53 = 0.849 (floor 0.80)
    // and 45/45 = 1.00 (floor 0.95: one false positive in 45 findings is within the target, so the floor
    // leaves room for it, as round 8's does).
    // Run 6 (the next session's branches: models by popularity, confidence by reason, wrapped-then-dropped errors,
    // values used after a pool Put, java-33's label moved to the thread's construction): overall 85/97 = 0.876 (floor
    // 0.85) and 85/85 = 1.00; Go 38/44 = 0.864 (floor 0.85) and 1.00; Java 47/53 = 0.887 (floor 0.85) and 1.00.
    static final double RECALL_FLOOR = 0.85;
    static final double PRECISION_FLOOR = 0.95;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.85, 0.95},
            "java", new double[] {0.85, 0.95});

    static List<Case> cases;

    @BeforeAll
    static void reviewEveryCase() throws IOException {
        cases = HeldOutRound6CorpusTest.loadAll(DIR);
    }

    @Test
    void every_case_names_its_public_source_and_reaches_the_review_as_a_parsed_file() {
        HeldOutCorpusTest.checkCases(cases, 140);
    }

    @Test
    void the_review_keeps_its_measured_recall_and_precision_on_a_ninth_corpus_shaped_like_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 9");
        HeldOutCorpusTest.scoreRound(cases, "round 9", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
