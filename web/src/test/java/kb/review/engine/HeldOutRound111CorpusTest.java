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
 * Scores the review on the round-111 held-out corpus in {@code web/src/test/resources/review/heldout111}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of developer tooling and delivery (a CI tooling
 * repository's registry client, a pure-Go git implementation's object storage, an AI code review tool's pull request
 * fetch, a container build service's build server, a merge bot's webhook handler base, a Go build tool's dependency
 * restore, a repository analyzer's report webhook, a deployment tool's environment locks, a monorepo CI plugin's
 * pipeline upload, a deployment platform's container log streamer; a CI wiki publisher's attachment uploads, a
 * pipeline plugin's durable task watcher, a CI notification plugin's HTTP endpoint, a Kubernetes Maven plugin's
 * readiness wait, a dependency scanner's Go module proxy analyzer, a Jenkins IDE plugin's background task, a code
 * review IDE plugin's status bar, an observability IDE plugin's backend info holder, a Perforce CI plugin's workspace
 * sync and a pull request builder's comment polling) that rounds 1 to 110, the precision sets, the breadth passes and
 * this session's breadth reading did not use, written from the checklist item titles and committed before the review
 * ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines of
 * context, others carry CRLF, renamed files, new files and test files beside the change. Loading is round 6's (each
 * diff reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound111CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout111");

    // Floors: see heldout111/RESULTS.md. Run 1 is the first and blind measurement (review at 4f51b161, this branch's
    // base, unchanged), committed cases c24582e0; run 2 adds three accept lines (furan's deleted builds.Wait() reported
    // at its removal point, seven lines from the label on Stop; the Confluence publisher's per-build fixed pool, whose
    // unbounded queue is a real CONC-02 defect of the labelled line; the notification endpoint's per-request scheduler,
    // a pool per call, a real RES-04 defect of the line labelled RES-01) and changes no case code or label. The floors
    // are run 2's figures (active findings, any confidence) rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 38/40 = 0.950, precision 38/42 = 0.905; Go 19/20 = 0.950 and 19/20 =
    // 0.950; Java 19/20 = 0.950 and 19/22 = 0.864. High-confidence only: overall 26/40 = 0.650 and 26/29 = 0.897.
    // Run 2: overall 38/40 = 0.950 and 38/39 = 0.974; Go 19/20 = 0.950 and 19/19 = 1.000; Java 19/20 = 0.950 and
    // 19/20 = 0.950; high-confidence only 26/40 = 0.650 and 26/26 = 1.000. Edits of existing files: recall 32/32 =
    // 1.00, precision 32/33 = 0.97; new and renamed files 6/8 = 0.75 and 6/6 = 1.00.
    static final double RECALL_FLOOR = 0.95;
    static final double PRECISION_FLOOR = 0.95;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.95, 1.00},
            "java", new double[] {0.95, 0.95});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_hundred_and_eleventh_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 111");
        HeldOutCorpusTest.scoreRound(cases, "round 111", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
