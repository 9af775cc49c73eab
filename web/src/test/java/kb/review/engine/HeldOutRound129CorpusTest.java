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

    // Floors: see heldout129/RESULTS.md. Run 1 is the first and blind measurement (review at f083d7c0, this branch's
    // base, unchanged), committed cases 321fdba5; run 2 adds three accept lines (real defects of the cases on lines they
    // did not label: slack-proxy's and nv-websocket-client's removed closes reported on the first line of their hunks,
    // graves' unclosed update answer under RES-02) and changes no case code or label. The floors are run 2's figures
    // (active findings, any confidence) rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 25/40 = 0.625, precision 25/30 = 0.833; Go 13/20 = 0.650 and 13/15 =
    // 0.867; Java 12/20 = 0.600 and 12/15 = 0.800. High-confidence only: overall 16/40 = 0.400 and 16/18 = 0.889.
    // Run 2: overall 25/40 = 0.625 and 25/27 = 0.926; Go 13/20 = 0.650 and 13/14 = 0.929; Java 12/20 = 0.600 and
    // 12/13 = 0.923; high-confidence only 16/40 = 0.400 and 16/18 = 0.889. Edits of existing files: recall 21/32 =
    // 0.66, precision 21/23 = 0.91; new and renamed files 4/8 = 0.50 and 4/4 = 1.00.
    static final double RECALL_FLOOR = 0.60;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.65, 0.90},
            "java", new double[] {0.60, 0.90});

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
