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
 * Scores the review on the round-114 held-out corpus in {@code web/src/test/resources/review/heldout114}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of backup, file sync and file transfer (an SFTP
 * library's request server, an FTP server library's active data connection, an FTP client library's dial, a database
 * manager's backup upload, a storage network client's upload workers, a developer environment's snapshot backups, an
 * S3 sync service's local walk, a backup agent's SFTP server, a cluster installer's untar helper, a storage network
 * client's shard upload; a protocol library's implicit FTPS, a CI plugin's FTP publisher, a file sync client's file
 * utilities, an SMB client's transport, an encrypted sync client's transfer manager, an SSH proxy's artifact uploads,
 * a streaming service's S3 backups, a game server backup plugin's scheduler, a virtual file system's WebDAV provider
 * and a genomics platform's remote project sync) that rounds 1 to 111, the precision sets, the breadth passes and
 * this session's breadth reading did not use, written from the checklist item titles and committed before the review
 * ran on them (see SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines of
 * context, others carry CRLF, renamed files, new files and test files beside the change. Loading is round 6's (each
 * diff reaches the review with its line ends intact); matching and the three views are those of
 * {@link HeldOutCorpusTest}; the figures are also split by the shape of the change.
 */
class HeldOutRound114CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout114");

    // Floors: see heldout114/RESULTS.md. Run 1 is the first and blind measurement (review at 2e637768, this branch's
    // base, unchanged), committed cases 5ad1b9be, floors 0.0; run 2 is the same run after reading run 1's one false
    // positive (scylla-manager's deferred job stop under a fresh timeout context, reported as TMO-02: correct cleanup,
    // the review's error), so it adds no accept line and changes no case code or label. The floors are run 2's figures
    // (active findings, any confidence) rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 31/40 = 0.775, precision 31/32 = 0.969; Go 12/20 = 0.600 and 12/13 =
    // 0.923; Java 19/20 = 0.950 and 19/19 = 1.000. High-confidence only: overall 25/40 = 0.625 and 25/26 = 0.962.
    // Run 2: the same figures. Edits of existing files: recall 25/32 = 0.78, precision 25/26 = 0.96; new and renamed
    // files 6/8 = 0.75 and 6/6 = 1.00.
    static final double RECALL_FLOOR = 0.75;
    static final double PRECISION_FLOOR = 0.95;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.60, 0.90},
            "java", new double[] {0.95, 1.00});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_hundred_and_fourteenth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 114");
        HeldOutCorpusTest.scoreRound(cases, "round 114", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
