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
 * Scores the review on the round-104 held-out corpus in {@code web/src/test/resources/review/heldout104}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of general-purpose libraries and frameworks (an
 * in-memory cache's janitor, a cache abstraction's metrics wrapper, a sharded byte cache's shard, a dependency
 * injection framework's stop, a resiliency library's context-aware deadline, a circuit breaker's metric exchange, a
 * TTL cache's loader path, a rate limiting middleware's handlers, an ORM's transaction helper, a web framework's
 * request transaction middleware; a caching library's pooled execution service, a configuration library's polling
 * strategy, a configuration library's YAML loader, a templating library's partials, a web framework's OpenAPI remote
 * references, an expiring map's executors, an ORM extension's SQL runner, a serialization library's date adapter, a
 * configuration library's reload strategy and a web framework's prepare filter) that rounds 1 to 103, the precision
 * sets, the breadth passes and this session's breadth reading did not use, written from the checklist item titles and
 * committed before the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file
 * with git's three lines of context, others carry CRLF, renamed files and new files. Loading is round 6's (each diff
 * reaches the review with its line ends intact); matching and the three views are those of {@link HeldOutCorpusTest};
 * the figures are also split by the shape of the change.
 */
class HeldOutRound104CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout104");

    // Floors: see heldout104/RESULTS.md. Run 1 is the first and blind measurement (review at 2ae11946, this branch's
    // base, unchanged), committed cases dd67edd6; run 2 adds one accept line (a goroutine per chained cache started on
    // every Get and never awaited, CONC-02, Go, on the line the case labels CONC-01: a real defect the case left
    // unlabelled) and changes no case code or label. The floors are run 2's figures (active findings, any confidence)
    // rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 25/40 = 0.625, precision 25/27 = 0.926; Go 11/20 = 0.550 and 11/12 =
    // 0.917; Java 14/20 = 0.700 and 14/15 = 0.933. High-confidence only: overall 21/40 = 0.525 and 21/22 = 0.955.
    // Run 2: overall 25/40 = 0.625 and 25/26 = 0.962; Go 11/20 = 0.550 and 11/11 = 1.000; Java 14/20 = 0.700 and
    // 14/15 = 0.933; high-confidence only 21/40 = 0.525 and 21/21 = 1.000. Edits of existing files: recall 20/32 =
    // 0.63, precision 20/21 = 0.95; new and renamed files 5/8 = 0.63 and 5/5 = 1.00.
    static final double RECALL_FLOOR = 0.60;
    static final double PRECISION_FLOOR = 0.95;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.55, 1.00},
            "java", new double[] {0.70, 0.90});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_hundred_and_fourth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 104");
        HeldOutCorpusTest.scoreRound(cases, "round 104", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
