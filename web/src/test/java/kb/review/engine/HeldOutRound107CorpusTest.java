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
 * Scores the review on the round-107 held-out corpus in {@code web/src/test/resources/review/heldout107}: 60 diffs
 * (30 Go, 30 Java; 40 that introduce a defect with 40 expectations, 20 clean look-alikes written as real code is
 * written) modelled on public fix threads from 20 repositories of security and identity software (an authorization
 * service's OAuth2 token introspection, a security scanner's cluster registration, a Vault template renderer's PKI
 * renewal, a security query engine's GitHub client, a Vault sample app's dynamic database credentials, a proxy
 * platform's WireGuard device, an IoT secrets module's token renewal, a TCP proxy's session, an OAuth2/OIDC server's
 * auth-state revocation, a vulnerability scanner's gost fetch; an OpenID library's nonce verifier, a Jenkins Active
 * Directory plugin's LDAP bind, an access management server's LDAP search, a vulnerability data CLI's feed downloads,
 * a framework's ACME certificate refresher, a security tooling platform's dependency check scanner, a workflow SDK's
 * OAuth credentials, an authentication library's TOTP, an OAuth2/OIDC server's token endpoint and an identity server's
 * token endpoint) that rounds 1 to 106, the precision sets, the breadth passes and this session's breadth reading did
 * not use, written from the checklist item titles and committed before the review ran on them (see SOURCES.md and
 * RESULTS.md there). Most cases edit an existing file with git's three lines of context, others carry CRLF, renamed
 * files, new files and a test file beside the change. Loading is round 6's (each diff reaches the review with its line
 * ends intact); matching and the three views are those of {@link HeldOutCorpusTest}; the figures are also split by
 * the shape of the change.
 */
class HeldOutRound107CorpusTest {
    static final Path DIR = Path.of("web", "src", "test", "resources", "review", "heldout107");

    // Floors: see heldout107/RESULTS.md. Run 1 is the first and blind measurement (review at 4f51b161, this branch's
    // base, unchanged), committed cases 209b4e86; run 2 adds two accept lines (consul-template's ignored-context sleep
    // reported as CONC-05, that item's Go form by its body, on the line the case labels TMO-02; the feed downloader's
    // Executors.newFixedThreadPool reported as CONC-02, that item's Java bad form, unlabelled with it) and changes no
    // case code or label. The floors are run 2's figures (active findings, any confidence) rounded down to 0.05, a
    // regression floor only.
    // Run 1, active findings: overall recall 30/40 = 0.750, precision 30/34 = 0.882; Go 14/20 = 0.700 and 14/16 =
    // 0.875; Java 16/20 = 0.800 and 16/18 = 0.889. High-confidence only: overall 22/40 = 0.550 and 22/26 = 0.846.
    // Run 2: overall 30/40 = 0.750 and 30/31 = 0.968; Go 14/20 = 0.700 and 14/14 = 1.000; Java 16/20 = 0.800 and
    // 16/17 = 0.941; high-confidence only 22/40 = 0.550 and 22/23 = 0.957. Edits of existing files: recall 24/32 =
    // 0.75, precision 24/25 = 0.96; new and renamed files 6/8 = 0.75 and 6/6 = 1.00.
    static final double RECALL_FLOOR = 0.75;
    static final double PRECISION_FLOOR = 0.95;
    static final Map<String, double[]> LANGUAGE_FLOORS = Map.of(
            "go", new double[] {0.70, 1.00},
            "java", new double[] {0.80, 0.90});

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
    void the_review_keeps_its_measured_recall_and_precision_on_a_hundred_and_seventh_corpus_of_new_users_pull_requests()
            throws IOException {
        HeldOutCorpusTest.printShapeSplit(cases, DIR, "round 107");
        HeldOutCorpusTest.scoreRound(cases, "round 107", RECALL_FLOOR, PRECISION_FLOOR, LANGUAGE_FLOORS);
    }
}
