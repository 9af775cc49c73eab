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
 * Scores the review on the round-120 held-out corpus in {@code web/src/test/resources/review/heldout120}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of messaging, chat and IoT (a NAS agent's MQTT connect
 * handler, an APNs client's gateway connection, a Telegram bot library's handler groups, an agent gateway's client
 * connection, a chat protocol's APNs sender, a Nostr relay's client send queue, a websocket chat framework's session,
 * a Telegram group bot's polling shutdown, a DingTalk alert bridge's HTTP server, an EEBus SHIP library's websocket; an
 * IoT connectivity service's Paho client, a WebSocket push client's event thread, a chat app's XMPP connection, a
 * Pentaho step's AMQP connection, a Flume RabbitMQ source's connection reset, an IoT server's device status task, a
 * Slack client's RTM connect, an IoT link SDK's timestamps, a Graylog alert plugin's Telegram sender and a smartwatch
 * driver's time sync) that rounds 1 to 119, the precision sets, the breadth passes and this session's breadth reading
 * did not use, written from the checklist item titles and committed before the review ran on them (see SOURCES.md and
 * RESULTS.md there). Most cases edit an existing file with git's three lines of context, others carry CRLF, renamed
 * files, new files and test files beside the change. Loading is round 6's (each diff reaches the review with its line
 * ends intact); matching and the three views are those of {@link HeldOutCorpusTest}; the figures are also split by the
 * shape of the change.
 */
class HeldOutRound120CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout120");

    // Floors: see heldout120/RESULTS.md. Run 1 is the first and blind measurement (review at ab6fa2f5, this branch's
    // base, unchanged), committed cases c8845d08; run 2 adds one accept line (the APNs connection's first defect also
    // deletes the TLS handshake's deadline, reported as TMO-01 six lines below the labelled dial: the case's own
    // defect at a second place) and changes no case code or label. The floors are run 2's figures (active findings,
    // any confidence) rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 31/40 = 0.775, precision 31/32 = 0.969; Go 14/20 = 0.700 and 14/15 =
    // 0.933; Java 17/20 = 0.850 and 17/17 = 1.000. High-confidence only: overall 25/40 = 0.625 and 25/26 = 0.962.
    // Run 2: overall 31/40 = 0.775 and 31/31 = 1.000; Go 14/20 = 0.700 and 14/14 = 1.000; Java 17/20 = 0.850 and
    // 17/17 = 1.000; high-confidence only 25/40 = 0.625 and 25/25 = 1.000. Edits of existing files: recall 27/32 =
    // 0.84, precision 27/27 = 1.00; new and renamed files 4/8 = 0.50 and 4/4 = 1.00.
    static final double RECALL_FLOOR = 0.75;
    static final double PRECISION_FLOOR = 1.00;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.70, 1.00},
            "java", new double[] {0.85, 1.00});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_hundred_and_twentieth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 120");
        HeldOutCorpusTest.scoreRound(cases, "round 120", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
