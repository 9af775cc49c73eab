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
 * Scores the review on the round-113 held-out corpus in {@code web/src/test/resources/review/heldout113}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of search engines, indexing and in-memory caches (an
 * embedded TinyLFU cache's close, a segmented zero-GC cache's statistics and reads, the Elasticsearch Go client's
 * examples, the OpenSearch Go client's retry loop, an LRU cache's worker, a vector search engine's singleflight, a
 * hash-indexed store's open-file cache, a MongoDB-to-Elasticsearch sync's client and bulk reporting, a
 * MySQL-to-Elasticsearch river's bulk flush and an IPFS search engine's search service; a Spring Data module's scroll
 * streams, a file system crawler's shutdown, a search server's span scope, a data grid's Hibernate region cache, an
 * Elasticsearch StatsD plug-in's reporter, a framework's Elastic REST client, a learning-to-rank plug-in's ranker
 * query, an embedded cache's Shiro cache manager, an LRU disk cache's cleanup and a framework's Elasticsearch health
 * indicator) that rounds 1 to 112, the precision sets, the breadth passes and this session's breadth reading did not
 * use, written from the checklist item titles and committed before the review ran on them (see SOURCES.md and
 * RESULTS.md there). Most cases edit an existing file with git's three lines of context, others carry CRLF, renamed
 * files, new files and test files beside the change. Loading is round 6's (each diff reaches the review with its line
 * ends intact); matching and the three views are those of {@link HeldOutCorpusTest}; the figures are also split by
 * the shape of the change.
 */
class HeldOutRound113CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout113");

    // Floors: see heldout113/RESULTS.md. Run 1 is the first and blind measurement (review at 2e637768, this branch's
    // base, unchanged), committed cases 2db75686; run 2 adds one accept line (go-mysql-elasticsearch's clean fix returns
    // from its ticker-driven sync loop on a failed bulk, which CONC-07's own text names as the defect) and changes no case
    // code or label. The floors are run 2's figures (active findings, any confidence) rounded down to 0.05, a regression
    // floor only.
    // Run 1, active findings: overall recall 19/40 = 0.475, precision 19/20 = 0.950; Go 11/20 = 0.550 and 11/12 =
    // 0.917; Java 8/20 = 0.400 and 8/8 = 1.000. High-confidence only: overall 14/40 = 0.350 and 14/15 = 0.933.
    // Run 2: overall 19/40 = 0.475 and 19/19 = 1.000; Go 11/20 = 0.550 and 11/11 = 1.000; Java 8/20 = 0.400 and
    // 8/8 = 1.000; high-confidence only 14/40 = 0.350 and 14/14 = 1.000. Edits of existing files: recall 16/32 =
    // 0.50, precision 16/16 = 1.00; new and renamed files 3/8 = 0.38 and 3/3 = 1.00.
    static final double RECALL_FLOOR = 0.45;
    static final double PRECISION_FLOOR = 1.00;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.55, 1.00},
            "java", new double[] {0.40, 1.00});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_hundred_and_thirteenth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 113");
        HeldOutCorpusTest.scoreRound(cases, "round 113", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
