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
 * Scores the review on the round-69 held-out corpus in {@code web/src/test/resources/review/heldout69}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories (bots and integrations for Discord, Telegram, Slack,
 * Matrix and IRC, webhook parsing and relays, crawlers, proxies and rate limiters, mail and notification senders) that
 * rounds 1 to 68, the precision sets, the breadth passes and this session's breadth reading did not use, written from
 * the checklist item titles and committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most
 * cases edit an existing file with git's three lines of context (several in two hunks), others carry CRLF, renamed
 * files and new files. Loading is round 6's (each diff reaches the review with its line ends intact); matching and the
 * three views are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound69CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout69");

    // Floors: see heldout69/RESULTS.md. Run 1 is the first and blind measurement (review at e4744622, this branch's
    // base, unchanged), committed cases 8517a922; the floors are run 1's figures (active findings, any confidence)
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is reported, not hidden.
    // Run 1, active findings: overall recall 31/40 = 0.775, precision 31/33 = 0.939; Go 18/20 = 0.900 and
    // 18/18 = 1.000; Java 13/20 = 0.650 and 13/15 = 0.867 (recall below target overall and in Java, precision below
    // it in Java). High-confidence only: overall 22/40 = 0.550 and 22/22 = 1.000. Edits of existing files: recall
    // 24/30 = 0.80, precision 24/26 = 0.92; new and renamed files 7/10 = 0.70 and 7/7 = 1.00. Both false positives
    // are labelled defects named at a neighbouring line, so no accept line and no run 2.
    static final double RECALL_FLOOR = 0.75;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.90, 1.00},
            "java", new double[] {0.65, 0.85});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_sixty_ninth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 69");
        HeldOutCorpusTest.scoreRound(cases, "round 69", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
