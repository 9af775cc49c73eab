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
 * Scores the review on the round-95 held-out corpus in {@code web/src/test/resources/review/heldout95}: 57 diffs
 * (27 Go, 30 Java; 38 that introduce a defect with 38 expectations, 19 clean look-alikes written as real code is
 * written) modelled on public fix threads from 19 repositories of web platforms and SaaS back ends (a self-hosted Git
 * service's sign-in handler, a feedback forum's background worker, a URL shortener's link lookup, a personal CRM's
 * reminder scheduler, an activist database's form emails, a pastebin's expiry sweep, a headless-CMS client's cache
 * sync, a makerspace event system's middleware, a chat quality SaaS back end's job endpoints; a project hosting tool's
 * notification mail scheduler, an e-learning repository's OER index client, a peer-feedback e-learning platform's SMTP
 * sender, a test reporting service's email executor, a headless CMS's processed-commit bookkeeping, a CMS's scheduled
 * publishing, a municipal platform's URL shortening service, a booking application's appointment service, an online
 * judge's password reset email and a survey platform's contact form) that rounds 1 to 94, the precision sets, the
 * breadth passes and this session's breadth reading did not use, written from the checklist item titles and committed
 * before the review ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's
 * three lines of context, others carry CRLF, renamed files and new files. Loading is round 6's (each diff reaches the
 * review with its line ends intact); matching and the three views are those of {@link HeldOutCorpusTest}; the figures
 * are also split by the shape of the change.
 */
class HeldOutRound95CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout95");

    // Floors: see heldout95/RESULTS.md. Run 1 is the first and blind measurement (review at 817e31a7, this branch's
    // base, unchanged), committed cases cb52c1a9; run 2 adds one accept line (a RestTemplate built per call without
    // timeouts, TMO-01, Java, HIGH: a real defect the case left unlabelled) and changes no case code or label. The
    // floors are run 2's figures (active findings, any confidence) rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 31/38 = 0.816, precision 31/38 = 0.816; Go 13/18 = 0.722 and 13/19 =
    // 0.684; Java 18/20 = 0.900 and 18/19 = 0.947. High-confidence only: overall 24/38 = 0.632 and 24/31 = 0.774.
    // Run 2: overall 31/38 = 0.816 and 31/37 = 0.838; Go 13/18 = 0.722 and 13/19 = 0.684; Java 18/20 = 0.900 and
    // 18/18 = 1.000; high-confidence only 24/38 = 0.632 and 24/30 = 0.800. Edits of existing files: recall 24/30 =
    // 0.80, precision 24/26 = 0.92; new and renamed files 7/8 = 0.88 and 7/11 = 0.64.
    static final double RECALL_FLOOR = 0.80;
    static final double PRECISION_FLOOR = 0.80;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.70, 0.65},
            "java", new double[] {0.90, 1.00});

    static List<Case> cases;

    @BeforeAll
    static void reviewEveryCase() throws IOException {
        cases = HeldOutRound6CorpusTest.loadAll(DIR);
    }

    @Test
    void every_case_names_its_public_source_and_reaches_the_review_as_a_parsed_file() {
        assertEquals(57, cases.size(), "corpus size");
        HeldOutCorpusTest.checkCases(cases, 57);
    }

    @Test
    void the_review_keeps_its_measured_recall_and_precision_on_a_ninety_fifth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 95");
        HeldOutCorpusTest.scoreRound(cases, "round 95", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
