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
 * Scores the review on the round-83 held-out corpus in {@code web/src/test/resources/review/heldout83}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories (science, machine learning and geodata: a model-serving
 * transformer's Feast lookups, a feature store's Go feature server, an MBTiles tile server, an OGC features server for
 * PostGIS, a VCF annotator, an OSM importer, a map tile archive server, a recommender system's cache, a model-serving
 * agent and a hyperparameter tuning controller; a map server's WFS output, a sequencer basecalls converter, a genomics
 * annotation database, an Android GPS tracker, a tile cache, a JavaFX map component, a geospatial toolkit's
 * classification function, a metadata catalogue's API, a sequencing-data library and a deep-learning library) that
 * rounds 1 to 82, 84 to 86, the precision sets, the breadth passes and this session's breadth reading did not use,
 * written from the checklist item titles and committed before the review ran on them (see SOURCES.md and RESULTS.md
 * there). Most cases edit an existing file with git's three lines of context, others carry CRLF, renamed files and new
 * files. Loading is round 6's (each diff reaches the review with its line ends intact); matching and the three views
 * are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound83CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout83");

    // Floors: see heldout83/RESULTS.md. Run 1 is the first and blind measurement (review at 8fc887a0, this branch's
    // base, unchanged), committed cases ff9fdef3; run 2 adds accept lines for four real defects the cases left
    // unlabelled (kserve's second unbounded goroutine start and goroutines without recover, an unbounded shared
    // executor queue in a clean look-alike) and changes no case code or label. The floors are run 2's figures (active
    // findings, any confidence) rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 36/40 = 0.900, precision 36/45 = 0.800; Go 18/20 = 0.900 and 18/21 =
    // 0.857; Java 18/20 = 0.900 and 18/24 = 0.750. High-confidence only: overall 26/40 = 0.650 and 26/34 = 0.765.
    // Run 2: overall 36/40 = 0.900 and 36/41 = 0.878; Go 18/20 = 0.900 and 18/18 = 1.000; Java 18/20 = 0.900 and
    // 18/23 = 0.783; high-confidence only 26/40 = 0.650 and 26/30 = 0.867. Edits of existing files: recall 28/32 =
    // 0.88, precision 28/30 = 0.93; new and renamed files 8/8 = 1.00 and 8/11 = 0.73.
    static final double RECALL_FLOOR = 0.90;
    static final double PRECISION_FLOOR = 0.85;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.90, 1.00},
            "java", new double[] {0.90, 0.75});

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
    void the_review_keeps_its_measured_recall_and_precision_on_an_eighty_third_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 83");
        HeldOutCorpusTest.scoreRound(cases, "round 83", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
