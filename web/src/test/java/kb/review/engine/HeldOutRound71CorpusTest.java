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
 * Scores the review on the round-71 held-out corpus in {@code web/src/test/resources/review/heldout71}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories (plug-ins and extensions of frameworks and platforms:
 * Caddy modules, Grafana data sources, exporters, a Terraform provider; Minecraft server plug-ins, Jenkins plug-ins, a
 * Kafka Connect sink, a Keycloak extension, an Elasticsearch plug-in) that rounds 1 to 70, the precision sets, the
 * breadth passes and this session's breadth reading did not use, written from the checklist item titles and committed
 * before the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's
 * three lines of context, others carry CRLF, renamed files and new files. Loading is round 6's (each diff reaches the
 * review with its line ends intact); matching and the three views are those of {@link HeldOutCorpusTest}; the figures
 * are also split by the shape of the change.
 */
class HeldOutRound71CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout71");

    // Floors: see heldout71/RESULTS.md. Run 1 is the first and blind measurement (review at e4744622, this branch's
    // base, unchanged), committed cases 6a4933c8; the floors are run 1's figures (active findings, any confidence)
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is reported, not hidden.
    // Run 1, active findings: overall recall 32/40 = 0.800, precision 32/34 = 0.941; Go 18/20 = 0.900 and
    // 18/18 = 1.000; Java 14/20 = 0.700 and 14/16 = 0.875 (recall below target overall and in Java, precision below it
    // in Java). High-confidence only: overall 22/40 = 0.550 and 22/23 = 0.957. Edits of existing files: recall
    // 28/32 = 0.88, precision 28/29 = 0.97; new and renamed files 4/8 = 0.50 and 4/5 = 0.80. No accept lines: neither
    // false positive is a real defect the cases left unlabelled, so there is no run 2.
    static final double RECALL_FLOOR = 0.80;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.90, 1.00},
            "java", new double[] {0.70, 0.85});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_seventy_first_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 71");
        HeldOutCorpusTest.scoreRound(cases, "round 71", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
