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
 * Scores the review on the round-103 held-out corpus in {@code web/src/test/resources/review/heldout103}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of energy, telecom and utilities projects (a 5G core's
 * SBI consumer and its generated NRF client, an SNMP library's bulk walk, an SNMP collector's device poller, an
 * alert-to-SNMP notifier's trap sender, an SMPP client's rebinding session, an OCPP library's central system, a telecom
 * SNMP poller's bookkeeping, a gNMI target simulator, a solar/battery Modbus-to-MQTT bridge; an SMPP client, an OCPP
 * library's asynchronous handlers, a BACnet binding's readout job, a PLC driver's channel factory, a Modbus TCP master,
 * a USSD gateway's external service client, an OCPP central system's stop transaction, a Modbus link's slave poller, a
 * BACnet stack's local device and a BACnet client wrapper's property reader) that rounds 1 to 102, the precision sets,
 * the breadth passes and this session's breadth reading did not use, written from the checklist item titles and
 * committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with
 * git's three lines of context, others carry CRLF, a renamed file and new files. Loading is round 6's (each diff
 * reaches the review with its line ends intact); matching and the three views are those of {@link HeldOutCorpusTest};
 * the figures are also split by the shape of the change.
 */
class HeldOutRound103CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout103");

    // Floors: see heldout103/RESULTS.md. Run 1 is the first and blind measurement (review at 2ae11946, this branch's
    // base, unchanged), committed cases 6dff1b74; run 2 adds one accept line (the dslink poll whose try/finally the
    // MDC case removes also lost its catch around a scheduleWithFixedDelay task, CONC-07, Java: a real defect the case
    // left unlabelled) and changes no case code or label. The floors are run 2's figures (active findings, any
    // confidence) rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 33/40 = 0.825, precision 33/35 = 0.943; Go 17/20 = 0.850 and 17/18 =
    // 0.944; Java 16/20 = 0.800 and 16/17 = 0.941. High-confidence only: overall 28/40 = 0.700 and 28/29 = 0.966.
    // Run 2: overall 33/40 = 0.825 and 33/34 = 0.971; Go 17/20 = 0.850 and 17/18 = 0.944; Java 16/20 = 0.800 and
    // 16/16 = 1.000; high-confidence only 28/40 = 0.700 and 28/28 = 1.000. Edits of existing files: recall 26/30 =
    // 0.87, precision 26/27 = 0.96; new files 7/10 = 0.70 and 7/7 = 1.00.
    static final double RECALL_FLOOR = 0.80;
    static final double PRECISION_FLOOR = 0.95;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.85, 0.90},
            "java", new double[] {0.80, 1.00});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_hundred_and_third_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 103");
        HeldOutCorpusTest.scoreRound(cases, "round 103", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
