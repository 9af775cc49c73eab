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
 * Scores the review on the round-89 held-out corpus in {@code web/src/test/resources/review/heldout89}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of software for devices and the physical world (a
 * drone driver's video stream, an IoT gateway's Modbus TCP server, a ROS library's service client, an OPC UA client, an
 * MQTT broker's redelivery, a Wi-Fi and Bluetooth chip driver's HCI transport, an edge MQTT broker's session manager, a
 * smart-plug metrics exporter, a Bluetooth library's Windows GATT client and an MQTT client connection; a Modbus TCP
 * master, a Z-Wave binding's controller, an eBUS heating binding's polling, a smart grid platform's relay settings
 * repository, an LwM2M server's registration cleaner, a CoAP library's exchange matcher, a Zigbee binding's
 * coordinator, a building IoT toolkit's MQTT to Pub/Sub bridge, an IoT platform's HTTP agent and an integration
 * server's MQTT inbound endpoint) that rounds 1 to 88, the precision sets, the breadth passes and this session's
 * breadth reading did not use, written from the checklist item titles and committed before the review ran on them
 * (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines of context, others
 * carry CRLF, renamed files and new files. Loading is round 6's (each diff reaches the review with its line ends
 * intact); matching and the three views are those of {@link HeldOutCorpusTest}; the figures are also split by the
 * shape of the change.
 */
class HeldOutRound89CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout89");

    // Floors: see heldout89/RESULTS.md. Run 1 is the first and blind measurement (review at b637dab5, this branch's
    // base, unchanged), committed cases efb47e93; run 2 adds one accept line (a dial that no longer takes the caller's
    // context, Go, HIGH: a real defect the case left unlabelled) and changes no case code or label. The floors are
    // run 2's figures (active findings, any confidence) rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 33/40 = 0.825, precision 33/35 = 0.943; Go 18/20 = 0.900 and 18/20 =
    // 0.900; Java 15/20 = 0.750 and 15/15 = 1.000. High-confidence only: overall 22/40 = 0.550 and 22/23 = 0.957.
    // Run 2: overall 33/40 = 0.825 and 33/34 = 0.971; Go 18/20 = 0.900 and 18/19 = 0.947; Java 15/20 = 0.750 and
    // 15/15 = 1.000; high-confidence only 22/40 = 0.550 and 22/22 = 1.000. Edits of existing files: recall 27/32 =
    // 0.84, precision 27/28 = 0.96; new and renamed files 6/8 = 0.75 and 6/6 = 1.00.
    static final double RECALL_FLOOR = 0.80;
    static final double PRECISION_FLOOR = 0.95;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.90, 0.90},
            "java", new double[] {0.75, 1.00});

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
    void the_review_keeps_its_measured_recall_and_precision_on_an_eighty_ninth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 89");
        HeldOutCorpusTest.scoreRound(cases, "round 89", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
