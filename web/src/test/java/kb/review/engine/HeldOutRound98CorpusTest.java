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
 * Scores the review on the round-98 held-out corpus in {@code web/src/test/resources/review/heldout98}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of AI and LLM applications (an LLM gateway's Anthropic
 * stream producer, an AI provider catalogue client, an LLM API gateway's channel test, an inference gateway's pod
 * cache, an LLM framework's Ollama client, an agent SDK's lifecycle, an AI assistant's conversation store, an LLM
 * app's plugin daemon SSE service, a local LLM server's websocket client, an agent memory database's embed provider;
 * an OpenAI Java client, a vector database SDK's client pool, an agent graph framework's parallel node, a deep
 * learning library's classification example, an agent framework's tool executor, a vector search plugin's merge
 * executor, an LLM SDK's SSE client, a generative AI SDK's HTTP client, a ChatGPT client's SSE relay and a model
 * server's worker thread) that rounds 1 to 97, the precision sets, the breadth passes and this session's breadth
 * reading did not use, written from the checklist item titles and committed before the review ran on them (see
 * SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines of context, others carry
 * CRLF, a renamed file and new files. Loading is round 6's (each diff reaches the review with its line ends intact);
 * matching and the three views are those of {@link HeldOutCorpusTest}; the figures are also split by the shape of
 * the change.
 */
class HeldOutRound98CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout98");

    // Floors: see heldout98/RESULTS.md. Run 1 is the first and blind measurement (review at 1a2304a2, this branch's
    // base, unchanged), committed cases 6b0dab7f with floors 0; run 2 adds one accept line (the unsynchronised write
    // of the shared merge executor's static field, CONC-03, Java, three lines from the method whose `synchronized`
    // the case labels: the labelled defect on a line the case left unlabelled) and changes no case code or label.
    // The floors are run 2's figures (active findings, any confidence) rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 27/40 = 0.675, precision 27/30 = 0.900; Go 14/20 = 0.700 and 14/14 =
    // 1.000; Java 13/20 = 0.650 and 13/16 = 0.813. High-confidence only: overall 19/40 = 0.475 and 19/21 = 0.905.
    // Run 2: overall 27/40 = 0.675 and 27/29 = 0.931; Go 14/20 = 0.700 and 14/14 = 1.000; Java 13/20 = 0.650 and
    // 13/15 = 0.867; high-confidence only 19/40 = 0.475 and 19/21 = 0.905. Edits of existing files: recall 20/32 =
    // 0.63, precision 20/22 = 0.91; new and renamed files 7/8 = 0.88 and 7/7 = 1.00.
    static final double RECALL_FLOOR = 0.65;
    static final double PRECISION_FLOOR = 0.90;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.70, 1.00},
            "java", new double[] {0.65, 0.85});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_ninety_eighth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 98");
        HeldOutCorpusTest.scoreRound(cases, "round 98", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
