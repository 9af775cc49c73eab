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
 * Scores the review on the round-87 held-out corpus in {@code web/src/test/resources/review/heldout87}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of games and play (a chess engine's training client, a
 * sample game's matchmaking frontend, a Minecraft server wrapper, a SA-MP server-list backend, a card game server's
 * hub, a chat bot's plugin dispatcher, a Discord library's command router, a QQ bot's Twitch client, a Discord game
 * bot's element combination and a chat bot framework's IRC connection; a BedWars plugin's statistics, a guilds
 * plugin's protection message, a voting plugin's vote party, a homes plugin's Fabric scheduler, a Discord bridge mod's
 * update check, a music bot's lyrics lookup, a Discord library's REST requester, a BungeeCord admin plugin's sanction
 * dates, a command framework's Bukkit scheduler and a multi-threaded tick mod's movement check) that rounds 1 to 86,
 * the precision sets, the breadth passes and this session's breadth reading did not use, written from the checklist
 * item titles and committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an
 * existing file with git's three lines of context, others carry CRLF, renamed files and new files. Loading is round
 * 6's (each diff reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound87CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout87");

    // Floors: see heldout87/RESULTS.md. Run 1 is the first and blind measurement (review at b637dab5, this branch's
    // base, unchanged), committed cases 395c946b; no accept line followed (the three false positives, ERR-01 on the
    // catch of a best-effort update check that logs and degrades, were judged review errors), so run 1 is the last
    // run. The floors are its figures (active findings, any confidence) rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 39/40 = 0.975, precision 39/42 = 0.929; Go 19/20 = 0.950 and 19/19 =
    // 1.000; Java 20/20 = 1.000 and 20/23 = 0.870. High-confidence only: overall 29/40 = 0.725 and 29/32 = 0.906.
    // Edits of existing files: recall 28/28 = 1.00, precision 28/28 = 1.00; new and renamed files 11/12 = 0.92 and
    // 11/14 = 0.79.
    static final double RECALL_FLOOR = 0.95;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.95, 1.00},
            "java", new double[] {1.00, 0.85});

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
    void the_review_keeps_its_measured_recall_and_precision_on_an_eighty_seventh_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 87");
        HeldOutCorpusTest.scoreRound(cases, "round 87", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
