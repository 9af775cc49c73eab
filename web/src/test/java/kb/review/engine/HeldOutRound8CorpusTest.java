package kb.review.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.review.engine.HeldOutCorpusTest.Case;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the review on the round-8 held-out corpus in {@code web/src/test/resources/review/heldout8}: 156 diffs
 * (83 Go, 73 Java; 114 that introduce a defect, 42 clean look-alikes) modelled on public fix threads from 136
 * repositories that rounds 1 to 7 did not use, written from the checklist items alone and committed (856cf3e) before
 * the review ran on them (see SOURCES.md, RESULTS.md and CORRECTIONS.md there). Compared with round 7 it weights the
 * checklist items by how often real fixes hit them, favours libraries earlier rounds used little, and renders 97 of
 * the cases as edits of existing files. Loading is round 6's (each diff reaches the review with its line ends intact,
 * for the CRLF cases); matching and the three views are those of {@link HeldOutCorpusTest}. Besides those views the
 * test prints the active figures split by the shape of the change (edits of existing files against new files, from
 * the "kind" column of SOURCES.md), so a rerun on a later review gives every table RESULTS.md has.
 */
class HeldOutRound8CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout8");

    // Floors: see heldout8/RESULTS.md. Run 1 is the first and blind measurement (review at 680ea82, this branch's
    // point on main, unchanged; cases committed in 856cf3e before the run). Run 2 is the same review after eight
    // label corrections of this round's own (heldout8/CORRECTIONS.md: `# accept:` lines only, for items that do apply
    // where the review reported them and the labels had left out). Each floor is the latest run's value rounded down
    // to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90) is a finding
    // for the team, not hidden by a lower target.
    // Run 1, active findings: overall recall 84/121 = 0.69 (below target), precision 84/95 = 0.88 (below target);
    // Go 44/65 = 0.68 and 44/51 = 0.86; Java 40/56 = 0.71 and 40/44 = 0.91. High-confidence only: overall
    // 69/121 = 0.57 and 69/79 = 0.87 (Go 36/65 = 0.55 and 0.86; Java 33/56 = 0.59 and 0.89).
    // Run 2, active findings: overall recall 84/121 = 0.69, precision 84/87 = 0.97;
    // Go 44/65 = 0.68 and 44/46 = 0.96; Java 40/56 = 0.71 and 40/41 = 0.98.
    // Run 3 (blind: every class branch of the night session merged, none of which read this round): overall recall
    // 83/121 = 0.69, precision 83/85 = 0.98; Go 44/65 = 0.68 and 44/46 = 0.96; Java 39/56 = 0.70 and 39/39 = 1.00.
    // Run 4 (not blind for the library models added from this round's misses, nor for the two regressions of run 3
    // that were fixed by class, nor for the timer-paced loops of its two false positives): overall recall 95/121 =
    // 0.79 (floor 0.75), precision 95/95 = 1.00 (0.95); Go 50/65 = 0.77 (floor 0.75) and 50/50 = 1.00 (0.95); Java
    // 45/56 = 0.80 and 45/45 = 1.00.
    // Run 5 (morning session of 2026-12-02, not blind: the Go and Java class branches read this round's misses):
    // overall recall 108/121 = 0.89 (floor 0.85), precision 108/108 = 1.00 (0.95); Go 58/65 = 0.89 (floor 0.85) and
    // 1.00 (0.95); Java 50/56 = 0.89 (floor 0.85) and 1.00 (0.95).
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
        HeldOutCorpusTest.checkCases(cases, 156);
    }

    @Test
    void the_review_keeps_its_measured_recall_and_precision_on_an_eighth_corpus_weighted_like_real_fixes()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 8");
        HeldOutCorpusTest.scoreRound(cases, "round 8", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
