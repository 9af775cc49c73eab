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
 * Scores the review on the round-82 held-out corpus in {@code web/src/test/resources/review/heldout82}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories (media and content: a screen-recording host's
 * thumbnails, a video recorder's frame sampler, a feed-to-webhook poller, a metadata database's site icons, a home
 * server's thumbnail cache, a GIF service, a terminal image lister, a pixel-display renderer's WebP frames, a feed
 * reader and an HLS downloader; a thumbnail library, a media toolkit's image loading, a CMS delivery framework's dates,
 * a headless CMS's delivery client, a CMS's publishing dates, a static site generator's renderer, a media jukebox's
 * file scanner, a CMS's JCR sessions, a DLNA media server's web events and a portal's photo gallery) that rounds 1 to
 * 81, the precision sets, the breadth passes and this session's breadth reading did not use, written from the
 * checklist item titles and committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most cases
 * edit an existing file with git's three lines of context, others carry CRLF, renamed files and new files. Loading is
 * round 6's (each diff reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound82CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout82");

    // Floors: see heldout82/RESULTS.md. Run 1 is the first and blind measurement (review at 8fc887a0, this branch's
    // base, unchanged), committed cases 6581bd7a; run 2 adds five accept lines (real defects the cases left unlabelled:
    // an unlocked map read beside the labelled write, URLConnection and HttpClient built without timeouts, two of them
    // on clean look-alikes) and changes no case code or label. The floors are run 2's figures (active findings, any
    // confidence) rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 34/40 = 0.850, precision 34/40 = 0.850; Go 16/20 = 0.800 and 16/17 =
    // 0.941; Java 18/20 = 0.900 and 18/23 = 0.783. High-confidence only: overall 24/40 = 0.600 and 24/27 = 0.889.
    // Run 2: overall 34/40 = 0.850 and 34/35 = 0.971; Go 16/20 = 0.800 and 16/16 = 1.000; Java 18/20 = 0.900 and
    // 18/19 = 0.947; high-confidence only 24/40 = 0.600 and 24/24 = 1.000. Edits of existing files: recall 25/28 =
    // 0.89, precision 25/26 = 0.96; new and renamed files 9/12 = 0.75 and 9/9 = 1.00.
    static final double RECALL_FLOOR = 0.85;
    static final double PRECISION_FLOOR = 0.95;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.80, 1.00},
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
    void the_review_keeps_its_measured_recall_and_precision_on_an_eighty_second_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 82");
        HeldOutCorpusTest.scoreRound(cases, "round 82", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
