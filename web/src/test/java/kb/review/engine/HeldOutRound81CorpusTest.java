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

    // Floors: none for run 1, the first and blind measurement; after it they become run 1's figures (or run 2's, when
    // accept lines are added) rounded down to 0.05, a regression floor only.
    static final double RECALL_FLOOR = 0.0;
    static final double PRECISION_FLOOR = 0.0;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.0, 0.0},
            "java", new double[] {0.0, 0.0});

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
