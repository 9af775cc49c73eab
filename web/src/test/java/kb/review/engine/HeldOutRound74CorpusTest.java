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
 * Scores the review on the round-74 held-out corpus in {@code web/src/test/resources/review/heldout74}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories (content and documents: a file sync server, a file
 * listing server, a blogging platform, a podcast feed generator, a photo library, image processing servers, a music
 * streaming server; a PDF toolbox, a document converter, a document template engine, CMSs, a document search
 * server, a media server, an RSS reader, a podcast server) that rounds 1 to 73, the precision sets, the breadth passes
 * and this session's breadth reading did not use, written from the checklist item titles and committed before the
 * review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines
 * of context, others carry CRLF, renamed files with moved code, multi-hunk edits and new files. Loading is round 6's
 * (each diff reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound74CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout74");

    // Floors: see heldout74/RESULTS.md. Run 1 is the first and blind measurement (review at fe172a9b, this branch's
    // base, unchanged), committed cases a8db8fa4; run 2 adds two accept lines (a labelled defect named at another line
    // of it, twice) and changes no case. The floors are run 2's figures (active findings, any confidence) rounded down
    // to 0.05, a regression floor only: a figure below the targets (recall 0.85, precision 0.90) is reported,
    // not hidden.
    // Run 1, active findings: overall recall 28/40 = 0.700, precision 28/33 = 0.848; Go 13/20 = 0.650 and
    // 13/15 = 0.867; Java 15/20 = 0.750 and 15/18 = 0.833 (both below target overall and in each language).
    // Run 2: overall 28/40 = 0.700 and 28/31 = 0.903; Go 13/20 = 0.650 and 13/14 = 0.929; Java 15/20 = 0.750 and
    // 15/17 = 0.882. High-confidence only (run 2): overall 25/40 = 0.625 and 25/27 = 0.926. Edits of existing files:
    // recall 19/28 = 0.68, precision 19/19 = 1.00; new and renamed files 9/12 = 0.75 and 9/12 = 0.75.
    static final double RECALL_FLOOR = 0.70;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.65, 0.90},
            "java", new double[] {0.75, 0.85});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_seventy_fourth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 74");
        HeldOutCorpusTest.scoreRound(cases, "round 74", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
