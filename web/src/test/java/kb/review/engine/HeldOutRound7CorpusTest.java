package kb.review.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.review.engine.HeldOutCorpusTest.Case;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the review on the round-7 held-out corpus in {@code web/src/test/resources/review/heldout7}: 150 diffs
 * (69 Go, 81 Java; 106 that introduce a defect, 44 clean look-alikes) modelled on public fix threads from 130
 * repositories that rounds 1 to 6 did not use, written from the checklist items alone and committed (dbb8016) before
 * the review ran on them (see SOURCES.md, RESULTS.md and CORRECTIONS.md there). Compared with round 6 it covers more
 * checklist items and libraries, renders most changes as edits of existing files (partial hunks, some inside long
 * functions whose release is deleted), and carries clean look-alikes that a pattern matcher would flag. Loading is
 * round 6's (each diff reaches the review with its line ends intact, for the CRLF cases); matching and the three
 * views are those of {@link HeldOutCorpusTest}.
 */
class HeldOutRound7CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout7");

    // Floors: see heldout7/RESULTS.md. Set from run 1, the first and blind measurement (review at 46558a1, this
    // branch's point on main, unchanged; cases committed in dbb8016 before the run), each value rounded down to 0.05
    // as a regression floor only: a figure below the targets (recall 0.85, precision 0.90) is a finding for
    // the team, not hidden by a lower target. There is no run 2: none of the four false positives is a label error
    // (heldout7/CORRECTIONS.md).
    // Run 1, active findings: overall recall 81/111 = 0.73 (below target, floor 0.70), precision 81/85 = 0.95
    // (floor 0.95); Go recall 39/51 = 0.76 (below target, floor 0.75), precision 39/41 = 0.95 (floor 0.95); Java
    // recall 42/60 = 0.70 (below target, floor 0.70), precision 42/44 = 0.95 (floor 0.95). High-confidence findings
    // only: overall 69/111 = 0.62 and 69/73 = 0.95 (Go 30/51 = 0.59 and 0.94; Java 39/60 = 0.65 and 0.95).
    // Run 2 (evening session, every branch merged; blind but for where one rule reports, see RESULTS.md): overall
    // recall 86/111 = 0.77 (below target, floor 0.75), precision 86/90 = 0.96 (floor 0.95 kept); Go 41/51 = 0.80
    // (floor 0.80) and 41/43 = 0.95 (0.95); Java 45/60 = 0.75 (floor 0.75) and 45/47 = 0.96 (0.95).
    // Run 3 (not blind for the library models added from its misses: Kafka, JPA factories, commons-pool, redigo,
    // sarama, kafka-go, ...): overall recall 92/111 = 0.83 (below target, floor 0.80), precision 92/96 = 0.96 (0.95);
    // Go 45/51 = 0.88 (at target: floor 0.86) and 45/47 = 0.96 (0.95); Java 47/60 = 0.78 (floor 0.75) and 47/49 = 0.96.
    // Run 4 (the night session's Go and Java class branches, which read this round's misses): overall recall
    // 105/111 = 0.95 (floor 0.90), precision 105/106 = 0.99 (0.95); Go 50/51 = 0.98 (floor 0.95) and 50/51 = 0.98
    // (0.95); Java 55/60 = 0.92 (floor 0.90) and 55/55 = 1.00 (0.95). This round says little any more about code
    // nobody has read: round 8 is the blind one.
    static final double RECALL_FLOOR = 0.90;
    static final double PRECISION_FLOOR = 0.95;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.95, 0.95},
            "java", new double[] {0.90, 0.95});

    static List<Case> cases;

    @BeforeAll
    static void reviewEveryCase() throws IOException {
        cases = HeldOutRound6CorpusTest.loadAll(DIR);
    }

    @Test
    void every_case_names_its_public_source_and_reaches_the_review_as_a_parsed_file() {
        HeldOutCorpusTest.checkCases(cases, 150);
    }

    @Test
    void the_review_keeps_its_measured_recall_and_precision_on_a_seventh_corpus_of_pull_requests_that_edit_existing_files() {
        HeldOutCorpusTest.scoreRound(cases, "round 7", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
