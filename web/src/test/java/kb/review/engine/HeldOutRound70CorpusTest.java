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
 * Scores the review on the round-70 held-out corpus in {@code web/src/test/resources/review/heldout70}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories (healthcare, education, government and scientific
 * software: FHIR servers and clients, EHR reporting, learning tools, open-data importers, map tile servers, genomics
 * and research code) that rounds 1 to 69, the precision sets and the breadth passes did not use, written from the
 * checklist item titles and committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most
 * cases edit an existing file with git's three lines of context (several in two hunks), others carry CRLF, renamed
 * files and new files. Loading is round 6's (each diff reaches the review with its line ends intact); matching and
 * the three views are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound70CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout70");

    // Floors: see heldout70/RESULTS.md. Run 1 is the first and blind measurement (review at e4744622, this branch's
    // base, unchanged), committed cases 1ab23e02; the floors are run 1's figures (active findings, any confidence)
    // rounded down to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90)
    // is reported, not hidden.
    // Run 1, active findings: overall recall 33/40 = 0.825, precision 33/38 = 0.868; Go 17/20 = 0.850 and
    // 17/17 = 1.000; Java 16/20 = 0.800 and 16/21 = 0.762 (recall below target overall and in Java, precision below
    // it overall and in Java). High-confidence only: overall 23/40 = 0.575 and 23/26 = 0.885. Edits of existing
    // files: recall 27/32 = 0.84, precision 27/29 = 0.93; new and renamed files 6/8 = 0.75 and 6/9 = 0.67. Two accept
    // lines (real defects the cases left unlabelled) for run 2: precision 33/36 = 0.917 overall, Java 16/19 = 0.842,
    // Go and recall unchanged.
    static final double RECALL_FLOOR = 0.80;
    static final double PRECISION_FLOOR = 0.85;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.85, 1.00},
            "java", new double[] {0.80, 0.75});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_seventieth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 70");
        HeldOutCorpusTest.scoreRound(cases, "round 70", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
