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
 * Scores the review on the round-129 held-out corpus in {@code web/src/test/resources/review/heldout129}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of games, chat, messaging and real-time collaboration
 * servers (an IRC client library's write loop, a video-chat signaling server's backend client, a Slack API proxy, a
 * netplay game server's UDP relay, a game's multiplayer server, a SockJS messaging server's session, an IMAP server's
 * listener, a Mumble voice-chat client's connection routines, a game-server framework's connection, an XMPP library's
 * TCP server; a WebSocket library's connection-lost checker, a real-time collaboration client's callback executor, a
 * voice-chat mod's UDP server, a game-server plugin's update check, a proxy scoreboard API's packet warnings, a
 * game-server plugin's asynchronous teleport, a WebSocket client's disconnect, a Minecraft proxy's backend connector,
 * a networking mod's error handler and a game-server scheduler's async timer task) that rounds 1 to 128, the precision
 * sets, the breadth passes and this session's breadth reading did not use, written from the checklist item titles and
 * committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with
 * git's three lines of context, others carry CRLF, renamed files, new files and test files beside the change. Loading
 * is round 6's (each diff reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound129CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout129");

    // Floors: 0.0 until run 1 and run 2 are recorded in heldout129/RESULTS.md.
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
    void the_review_keeps_its_measured_recall_and_precision_on_a_hundred_and_twenty_ninth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 129");
        HeldOutCorpusTest.scoreRound(cases, "round 129", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
