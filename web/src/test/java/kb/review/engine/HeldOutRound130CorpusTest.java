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
 * Scores the review on the round-130 held-out corpus in {@code web/src/test/resources/review/heldout130}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of search engines, analytics and time-series databases
 * and their client libraries (a metrics database's store-gateway label fan-out, a time-series database client's query
 * lease, a graphite relay's aggregator match cache, a mesh collector's InfluxDB output, a monitoring platform's paged
 * log search, a time-series database adapter's schema lookup, a Prometheus proxy's remote read, a small search
 * engine's crawler, an observability platform's Prometheus client, a graphite storage daemon's hard limiter; a
 * time-series database client's socket connect, a time-series JDBC driver's connection, a log forwarder's
 * Elasticsearch client, an observability server's cache refresher, a search platform's leader lookup, a research
 * profile search's Elasticsearch HTTP client, an analytics cube store's flusher, a load-test listener's bulk sender, a
 * time-series database's date parsing and a data lake platform's Elasticsearch service) that rounds 1 to 129, the
 * precision sets, the breadth passes and this session's breadth reading did not use, written from the checklist item
 * titles and committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an
 * existing file with git's three lines of context, others carry CRLF, renamed files, new files and test files beside
 * the change. Loading is round 6's (each diff reaches the review with its line ends intact); matching and the three
 * views are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound130CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout130");

    // Floors: see heldout130/RESULTS.md. Run 1 is the first and blind measurement (review at f083d7c0, this branch's
    // base, unchanged), committed cases 809fe91d; run 2 adds five accept lines (real defects of the cases on lines or
    // under items they did not label: carbon-relay-ng's unlocked cache write, the two SpaghettiSearch versions whose
    // semaphore and recover lines the template swapped, the timestream connection's per-call client under RES-04) and
    // changes no case code or label. The floors are run 2's figures (active findings, any confidence) rounded down to
    // 0.05, a regression floor only.
    // Run 1, active findings: overall recall 26/40 = 0.650, precision 26/35 = 0.743; Go 13/20 = 0.650 and 13/21 =
    // 0.619; Java 13/20 = 0.650 and 13/14 = 0.929. High-confidence only: overall 22/40 = 0.550 and 22/27 = 0.815.
    // Run 2: overall 26/40 = 0.650 and 26/30 = 0.867; Go 13/20 = 0.650 and 13/17 = 0.765; Java 13/20 = 0.650 and
    // 13/13 = 1.000; high-confidence only 22/40 = 0.550 and 22/25 = 0.880. Edits of existing files: recall 20/32 =
    // 0.63, precision 20/21 = 0.95; new and renamed files 6/8 = 0.75 and 6/9 = 0.67. Two of the fourteen misses are
    // the corpus's own label error (SpaghettiSearch, RESULTS.md).
    static final double RECALL_FLOOR = 0.65;
    static final double PRECISION_FLOOR = 0.85;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.65, 0.75},
            "java", new double[] {0.65, 1.00});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_hundred_and_thirtieth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 130");
        HeldOutCorpusTest.scoreRound(cases, "round 130", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
