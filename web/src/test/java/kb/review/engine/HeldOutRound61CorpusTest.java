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
 * Scores the review on the round-61 held-out corpus in {@code web/src/test/resources/review/heldout61}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories (libraries and SDKs others embed: memcached, HBase and
 * JSON-RPC clients, cloud and cache SDKs, an HTTP request library, a JSON encoder; Java SDKs, a JDBC and a JTA
 * layer, an O/R mapper, a workflow library, a project-file reader, an Elasticsearch client) that rounds 1 to 59, the
 * precision sets, the breadth passes, this session's other blind rounds and its breadth reading did not use, written
 * from the checklist item titles and committed before the review ran on them (see SOURCES.md and RESULTS.md there).
 * Most cases edit an existing file with git's three lines of context (several in two hunks), others carry CRLF,
 * renamed files and new files. Loading is round 6's (each diff reaches the review with its line ends intact);
 * matching and the three views are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the
 * change.
 */
class HeldOutRound61CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout61");

    // Floors: see heldout61/RESULTS.md. Run 1 is the first and blind measurement (review at 3423d8fc, this branch's
    // base, unchanged), committed cases a6d96549; the floors are run 1's figures (active findings, any confidence)
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is reported, not hidden.
    // Run 1, active findings: overall recall 31/40 = 0.775, precision 31/35 = 0.886; Go 15/20 = 0.750 and
    // 15/17 = 0.882; Java 16/20 = 0.800 and 16/18 = 0.889 (recall and precision below target everywhere).
    // High-confidence only: overall 21/40 = 0.525 and 21/22 = 0.955. Edits of existing files: recall 20/28 = 0.71,
    // precision 20/24 = 0.83; new and renamed files 11/12 = 0.92 and 11/11 = 1.00. One accept line (go-15: a real
    // TMO-01 on the per-request client the case labels RES-04), so run 2: precision 31/34 = 0.912, Go 15/16 = 0.938;
    // the other three false positives are labelled defects named at another line than their labels.
    static final double RECALL_FLOOR = 0.75;
    static final double PRECISION_FLOOR = 0.85;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.75, 0.85},
            "java", new double[] {0.80, 0.85});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_sixty_first_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 61");
        HeldOutCorpusTest.scoreRound(cases, "round 61", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
