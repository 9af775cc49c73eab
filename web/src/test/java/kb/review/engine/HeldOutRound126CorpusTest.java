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
 * Scores the review on the round-126 held-out corpus in {@code web/src/test/resources/review/heldout126}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of media software: video and audio streaming,
 * transcoding, image processing, CDNs and object storage gateways (an RTMP library's chunk reader, an RTSP gateway's
 * stream manager, a replicator's S3 listing, an S3 gateway's multipart expiry on NATS, an IPTV proxy's ffmpeg buffer,
 * a live transcoder's HLS manager, an object storage SDK's ranged download, an image upload service's thumbnail
 * workers, an RTSP-to-web gateway's HLS segment handler, a vision engine's MCP frame store; a media server's RTMP
 * transport, a streaming server's social comment poller, an FFmpeg wrapper's process runner, a UDP stream probe on
 * javacv, an object storage SDK's batch upload, a IIIF image server's image reading, a streaming front-end's
 * downloader, a media server client's JSON-RPC heartbeat, an S3 API gateway's Jetty server and an ImageIO plugin's
 * TIFF deflate decoding) that rounds 1 to 125, the precision sets, the breadth passes and this session's breadth
 * reading did not use, written from the checklist item titles and committed before the review ran on them (see
 * SOURCES.md and RESULTS.md there). Most cases edit an existing file with git's three lines of context, others carry
 * CRLF, renamed files, new files and test files beside the change. Loading is round 6's (each diff reaches the review
 * with its line ends intact); matching and the three views are those of {@link HeldOutCorpusTest}; the figures are
 * also split by the shape of the change.
 */
class HeldOutRound126CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout126");

    // Floors: see heldout126/RESULTS.md. Run 1 is the first and blind measurement (review at f083d7c0, this branch's
    // base, unchanged), committed cases fbc31082; run 2 adds one accept line (aliyun-oss-go-sdk's removed body close,
    // reported as RES-01 on the error check two lines above the RES-02 label) and changes no case code or label. The
    // floors are run 2's figures (active findings, any confidence) rounded down to 0.05, a regression floor only.
    // Run 1, active findings: overall recall 23/40 = 0.575, precision 23/27 = 0.852; Go 13/20 = 0.650 and 13/16 =
    // 0.813; Java 10/20 = 0.500 and 10/11 = 0.909. High-confidence only: overall 19/40 = 0.475 and 19/21 = 0.905.
    // Run 2: overall 23/40 = 0.575 and 23/26 = 0.885; Go 13/20 = 0.650 and 13/15 = 0.867; Java 10/20 = 0.500 and
    // 10/11 = 0.909; high-confidence only 19/40 = 0.475 and 19/21 = 0.905. Edits of existing files: recall 21/32 =
    // 0.66, precision 21/22 = 0.95; new and renamed files 2/8 = 0.25 and 2/4 = 0.50.
    static final double RECALL_FLOOR = 0.55;
    static final double PRECISION_FLOOR = 0.85;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.65, 0.85},
            "java", new double[] {0.50, 0.90});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_hundred_and_twenty_sixth_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 126");
        HeldOutCorpusTest.scoreRound(cases, "round 126", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
