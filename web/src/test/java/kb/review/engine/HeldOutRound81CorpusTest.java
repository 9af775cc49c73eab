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
 * Scores the review on the round-81 held-out corpus in {@code web/src/test/resources/review/heldout81}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories (end-user apps and their back ends: a media organiser's
 * scrapers, a live-streaming server's webhooks, a photo kiosk's webhooks, a WhatsApp client's SQL store, a
 * Matrix-WhatsApp bridge's metrics, a terminal chat reader, a chat bridge, a terminal radio player, an HLS downloader
 * and a messenger's Go back end; a Minecraft economy plugin, a Discord bot's settings store, a paragliding app's live
 * tracking, a blogging app's date helpers, a Minecraft whitelist-sync mod, a Discord music bot, a Telegram client
 * library, a card game's bot runner, a Minecraft scripting plugin and a Discord notification bot) that rounds 1 to
 * 80, the precision sets, the breadth passes and this session's breadth reading did not use, written from the
 * checklist item titles and committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most cases
 * edit an existing file with git's three lines of context, others carry CRLF, renamed files and new files. Loading is
 * round 6's (each diff reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound81CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout81");

    // Floors: see heldout81/RESULTS.md. Run 1 is the first and blind measurement (review at f20e76ef, this branch's
    // base, unchanged), committed cases 94031493; run 2 adds one accept line (a real CONC-07 defect the cases left
    // unlabelled, three lines from its label) and changes no case code or label. The floors are run 2's figures
    // (active findings, any confidence) rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 36/40 = 0.900, precision 36/40 = 0.900; Go 18/20 = 0.900 and 18/20 =
    // 0.900; Java 18/20 = 0.900 and 18/20 = 0.900. High-confidence only: overall 26/40 = 0.650 and 26/30 = 0.867.
    // Run 2: overall 36/40 = 0.900 and 36/39 = 0.923; Go 18/20 = 0.900 and 18/20 = 0.900; Java 18/20 = 0.900 and
    // 18/19 = 0.947; high-confidence only 26/40 = 0.650 and 26/29 = 0.897. Edits of existing files: recall 27/30 =
    // 0.90, precision 27/28 = 0.96; new and renamed files 9/10 = 0.90 and 9/11 = 0.82.
    static final double RECALL_FLOOR = 0.90;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.90, 0.90},
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
    void the_review_keeps_its_measured_recall_and_precision_on_an_eighty_first_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 81");
        HeldOutCorpusTest.scoreRound(cases, "round 81", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
