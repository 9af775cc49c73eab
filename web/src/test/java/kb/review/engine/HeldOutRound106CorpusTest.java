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
 * Scores the review on the round-106 held-out corpus in {@code web/src/test/resources/review/heldout106}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of social and community platforms (a social protocol
 * SDK's handle resolver, a decentralised social network client's relay writer, a community chat library's gateway
 * reconnect, a messaging bridge's Matrix event processor, a nostr relay's websocket reader, a social firehose
 * service's subscriber fan-out, a chat and activity feed API client, a community chat bot's websocket loop, a social
 * blogging service's follow relation, a community chat library's heartbeat; a social network API library's stream
 * consumer, a Mastodon client's streaming channel, a community Discord bot's reminder scheduler, a Mastodon API
 * library's client builder, a microblogging client's date parsing, a desktop Twitter client's streaming service, a
 * social network API SDK's stream executor, a Mastodon client's notification retrieval, a community organising
 * platform's event notification consumer and a game community's Discord relay) that rounds 1 to 105, the precision
 * sets, the breadth passes and this session's breadth reading did not use, written from the checklist item titles and
 * committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with
 * git's three lines of context, others carry CRLF, renamed files and new files. Loading is round 6's (each diff
 * reaches the review with its line ends intact); matching and the three views are those of {@link HeldOutCorpusTest};
 * the figures are also split by the shape of the change.
 */
class HeldOutRound106CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout106");

    // Floors: see heldout106/RESULTS.md. Run 1 is the first and blind measurement (review at 2ae11946, this branch's
    // base, unchanged), committed cases ff6f4517; run 2 adds one accept line (Twidere's stripped UTC zone reported at
    // the removal point, line 17, three lines from the label on the formatter's construction: the case's own TIME-01
    // defect on a line it did not label) and changes no case code or label. The floors are run 2's figures (active
    // findings, any confidence) rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 30/40 = 0.750, precision 30/31 = 0.968; Go 16/20 = 0.800 and 16/16 =
    // 1.000; Java 14/20 = 0.700 and 14/15 = 0.933. High-confidence only: overall 23/40 = 0.575 and 23/24 = 0.958.
    // Run 2: overall 30/40 = 0.750 and 30/30 = 1.000; Go 16/20 = 0.800 and 16/16 = 1.000; Java 14/20 = 0.700 and
    // 14/14 = 1.000; high-confidence only 23/40 = 0.575 and 23/23 = 1.000. Edits of existing files: recall 25/32 =
    // 0.78, precision 25/25 = 1.00; new and renamed files 5/8 = 0.63 and 5/5 = 1.00.
    static final double RECALL_FLOOR = 0.75;
    static final double PRECISION_FLOOR = 1.00;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.80, 1.00},
            "java", new double[] {0.70, 1.00});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_hundred_and_sixth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 106");
        HeldOutCorpusTest.scoreRound(cases, "round 106", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
