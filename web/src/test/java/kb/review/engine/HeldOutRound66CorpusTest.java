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
 * Scores the review on the round-66 held-out corpus in {@code web/src/test/resources/review/heldout66}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories (observability and operations tools: Prometheus
 * exporters, an Alertmanager webhook, a tracing library and a recording agent, a log shipper, a node problem
 * detector; CI/CD and build tools: Jenkins, Gradle and Maven plugins, a CI exporter, a backup tool) that rounds 1 to
 * 65, the precision sets, the breadth passes and this session's breadth reading did not use, written from the
 * checklist item titles and committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most
 * cases edit an existing file with git's three lines of context (several in two hunks), others carry CRLF, renamed
 * files and new files. Loading is round 6's (each diff reaches the review with its line ends intact); matching and
 * the three views are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound66CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout66");

    // Floors: see heldout66/RESULTS.md. Run 1 is the first and blind measurement (review at e4744622, this branch's
    // base, unchanged), committed cases 187e898a; the floors are run 1's figures (active findings, any confidence)
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is reported, not hidden.
    // Run 1, active findings: overall recall 37/40 = 0.925, precision 37/42 = 0.881; Go 19/20 = 0.950 and
    // 19/22 = 0.864; Java 18/20 = 0.900 and 18/20 = 0.900 (precision below target overall and in Go). High-confidence
    // only: overall 24/40 = 0.600 and 24/29 = 0.828. Edits of existing files: recall 30/32 = 0.94, precision
    // 30/30 = 1.00; new and renamed files 7/8 = 0.88 and 7/12 = 0.58. One accept line (a request without timeout the
    // case left unlabelled) for run 2: precision 37/41 = 0.902 overall, Java 18/19 = 0.947, Go and recall unchanged.
    static final double RECALL_FLOOR = 0.90;
    static final double PRECISION_FLOOR = 0.85;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.95, 0.85},
            "java", new double[] {0.90, 0.90});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_sixty_sixth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 66");
        HeldOutCorpusTest.scoreRound(cases, "round 66", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
