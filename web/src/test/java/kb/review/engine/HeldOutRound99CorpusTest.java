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
 * Scores the review on the round-99 held-out corpus in {@code web/src/test/resources/review/heldout99}: 45 diffs
 * (15 Go, 30 Java; 30 that introduce a defect with 30 expectations, 15 clean look-alikes written as real code is
 * written) modelled on public fix threads from 15 repositories of travel, logistics and operations software (a transit
 * data library's feed download, a Google Flights client's offers call, a flight tracker's aircraft map server, a taxi
 * data importer's trip file download, an ADS-B receiver's client sleep monitor; a railway planning core's timetable
 * provider, a transport simulation's freight tour planner, a GTFS validator's feed expiration rule, a transit data
 * server's GTFS-realtime trip library, a travel demand model's task executor, a transit prediction server's arrival
 * store, a navigation app's routing profile loader, a SIRI to GTFS-RT bridge's upstream fetcher, a transit delay
 * tracker's realtime poller and a transport analysis broker's worker catalog) that rounds 1 to 98, the precision sets,
 * the breadth passes and this session's breadth reading did not use, written from the checklist item titles and
 * committed before the review ran on them (see SOURCES.md and RESULTS.md there). The round is smaller than the usual
 * 60 cases: the stored threads held too few unused Go fix threads of these kinds of project (SOURCES_HEAD.md). Most
 * cases edit an existing file with git's three lines of context, others carry CRLF, renamed files and new files.
 * Loading is round 6's (each diff reaches the review with its line ends intact); matching and the three views are
 * those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound99CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout99");

    // Floors: see heldout99/RESULTS.md. Run 1 is the first and blind measurement (review at 1a2304a2, this branch's
    // base, unchanged), committed cases a16d2e10; run 2 adds one accept line (a goroutine started per trip file
    // without a recover, CONC-01, Go, on the line the case labels CONC-02: a real defect the case left unlabelled) and
    // changes no case code or label. The floors are run 2's figures (active findings, any confidence) rounded down
    // to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 21/30 = 0.700, precision 21/24 = 0.875; Go 7/10 = 0.700 and 7/8 =
    // 0.875; Java 14/20 = 0.700 and 14/16 = 0.875. High-confidence only: overall 12/30 = 0.400 and 12/15 = 0.800.
    // Run 2: overall 21/30 = 0.700 and 21/23 = 0.913; Go 7/10 = 0.700 and 7/7 = 1.000; Java 14/20 = 0.700 and
    // 14/16 = 0.875; high-confidence only 12/30 = 0.400 and 12/14 = 0.857. Edits of existing files: recall 15/22 =
    // 0.68, precision 15/17 = 0.88; new and renamed files 6/8 = 0.75 and 6/6 = 1.00.
    static final double RECALL_FLOOR = 0.70;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.70, 1.00},
            "java", new double[] {0.70, 0.85});

    static List<Case> cases;

    @BeforeAll
    static void reviewEveryCase() throws IOException {
        cases = HeldOutRound6CorpusTest.loadAll(DIR);
    }

    @Test
    void every_case_names_its_public_source_and_reaches_the_review_as_a_parsed_file() {
        assertEquals(45, cases.size(), "corpus size");
        HeldOutCorpusTest.checkCases(cases, 45);
    }

    @Test
    void the_review_keeps_its_measured_recall_and_precision_on_a_ninety_ninth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 99");
        HeldOutCorpusTest.scoreRound(cases, "round 99", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
