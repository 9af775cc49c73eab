package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import kb.review.diff.DiffFilter;
import kb.review.diff.DiffParser;
import kb.review.diff.SourceFile;
import kb.review.report.JsonReport;
import kb.review.report.MarkdownReport;
import kb.review.report.ReportContext;
import kb.format.ChecklistItem.Severity;
import org.junit.jupiter.api.Test;

/** Test code is left out of the review unless asked for, and the report says which files were left out. */
class TestCodeTest {

    @Test
    void test_sources_are_recognised_by_go_maven_gradle_and_runner_conventions() {
        for (String path : List.of("server_test.go", "pkg/api/server_test.go", "pkg/testdata/fixture.go",
                "src/test/java/com/acme/PoolTest.java", "core/src/test/java/com/acme/Helpers.java",
                "core/src/integrationTest/java/com/acme/Db.java", "core/src/testFixtures/java/com/acme/Fake.java",
                "core/src/it/java/com/acme/Smoke.java", "lib/com/acme/PoolTests.java", "lib/com/acme/PoolIT.java",
                "lib/com/acme/TestPool.java", "lib/com/acme/PoolTestCase.java")) {
            assertTrue(TestCode.isTest(path), path);
        }
        for (String path : List.of("server.go", "pkg/testing/helpers.go", "pkg/contest/result.go", "latest.go",
                "src/main/java/com/acme/TestDataGenerator.java", "app/src/main/java/com/acme/LoadTest.java",
                "src/main/java/com/acme/Contest.java", "src/main/java/com/acme/Attestation.java",
                "lib/com/acme/Testing.java", "docs/test.md")) {
            assertFalse(TestCode.isTest(path), path);
        }
    }

    @Test
    void harness_folders_above_the_source_root_are_test_code_the_same_names_inside_a_package_and_examples_are_not() {
        for (String path : List.of("maintnotifications/e2e/proxy.go", "test/e2e/cluster/setup.go",
                "microbench/src/main/java/io/acme/buffer/AllocBench.java",
                "testsuite/src/main/java/io/acme/transport/SocketSuite.java",
                "testsuite-http2/src/main/java/io/acme/h2/Frames.java", "transport/src/jmh/java/io/acme/Codec.java",
                "benchmarks/pool/pool.go")) {
            assertTrue(TestCode.isTest(path), path);
        }
        for (String path : List.of("src/main/java/com/example/orders/OrderImport.java",
                "core/src/main/java/io/acme/benchmarks/Score.java", "examples/fixtures/users/load.go",
                "internal/provider/generators/examples/main.go", "e2etests/dump/dump.go", "pkg/benchmarking/run.go")) {
            assertFalse(TestCode.isTest(path), path);
        }
    }

    /**
     * Go's own naming of test-support packages ({@code httptest}: a word followed by {@code test}) and a repository's
     * integration-test suite at its root are test code; English words ending in {@code test}, a deeper
     * {@code integration} folder (a product's integrations) and other languages' folders are not (set 19's AB).
     */
    @Test
    void go_test_support_packages_and_the_root_integration_suite_are_test_code() {
        for (String path : List.of("hscontrol/servertest/client.go", "internal/aghtest/upstream.go",
                "pkg/store/pgtest/db.go", "internal/httpdtest/client.go", "integration/hsic/hsic.go",
                "integration/helpers.go")) {
            assertTrue(TestCode.isTest(path), path);
        }
        for (String path : List.of("internal/integration/apprise/apprise.go", "pkg/autodiscovery/integration/config.go",
                "pkg/latest/version.go", "cmd/attest/main.go", "pkg/fastest/route.go", "internal/servertest.go",
                "integration/src/main/java/com/acme/Bridge.java", "pkg/contest/result.go")) {
            assertFalse(TestCode.isTest(path), path);
        }
    }

    private static final String REPORTER = """
            diff --git a/core/src/main/java/org/testng/TimingReport.java b/core/src/main/java/org/testng/TimingReport.java
            --- a/core/src/main/java/org/testng/TimingReport.java
            +++ b/core/src/main/java/org/testng/TimingReport.java
            @@ -1,4 +1,5 @@
             package org.testng;
            +import org.testng.ITestResult;
             import java.text.SimpleDateFormat;
             public class TimingReport {
                 private final SimpleDateFormat format = new SimpleDateFormat("HH:mm");
            """;

    @Test
    void a_test_frameworks_own_source_is_reviewed_the_same_imports_elsewhere_mark_test_support() throws Exception {
        SourceFile own = SourceFile.fromDiff(DiffParser.parse(REPORTER).get(0));
        assertFalse(TestCode.isTest(own), own.path());
        SourceFile support = SourceFile.fromDiff(DiffParser.parse(REPORTER.replace("org/testng/Timing",
                "com/acme/qa/Timing")).get(0));
        assertTrue(TestCode.isTest(support), support.path());
    }

    private static final String GOROUTINES = """
            diff --git a/worker/pool.go b/worker/pool.go
            new file mode 100644
            --- /dev/null
            +++ b/worker/pool.go
            @@ -0,0 +1,7 @@
            +package worker
            +
            +func Start(jobs chan func()) {
            +	go func() {
            +		for j := range jobs { j() }
            +	}()
            +}
            diff --git a/worker/pool_test.go b/worker/pool_test.go
            new file mode 100644
            --- /dev/null
            +++ b/worker/pool_test.go
            @@ -0,0 +1,9 @@
            +package worker
            +
            +import "testing"
            +
            +func TestStart(t *testing.T) {
            +	go func() {
            +		t.Log("started")
            +	}()
            +}
            """;

    private static Review review(boolean includeTests) throws Exception {
        List<SourceFile> files = DiffParser.parse(GOROUTINES).stream().map(SourceFile::fromDiff).toList();
        return new Reviewer(TestRules.book(), includeTests).review("diff", files, SarifImport.Result.none(),
                DiffFilter.ADDED);
    }

    @Test
    void a_finding_in_a_test_file_is_left_out_by_default_and_kept_when_tests_are_included() throws Exception {
        Review byDefault = review(false);
        assertEquals(List.of("worker/pool.go:4"), locations(byDefault, "CONC-01"));
        assertEquals(List.of("worker/pool_test.go"), byDefault.testFiles());
        assertEquals(List.of("worker/pool.go"), byDefault.files().stream().map(Review.ReviewedFile::path).toList());

        Review all = review(true);
        assertEquals(List.of("worker/pool.go:4", "worker/pool_test.go:6"), locations(all, "CONC-01"));
        assertEquals(List.of(), all.testFiles());
    }

    @Test
    void the_reports_name_the_test_files_left_out() throws Exception {
        ReportContext ctx = new ReportContext(review(false), TestRules.book().catalog(), "http://kb.test",
                Severity.BLOCKER);
        String md = MarkdownReport.render(ctx);
        assertTrue(md.contains("1 test file was not reviewed"), md);
        JsonNode json = new ObjectMapper().readTree(JsonReport.tree(ctx).toString());
        assertEquals("worker/pool_test.go", json.path("testFilesNotReviewed").path(0).asText());
    }

    private static List<String> locations(Review r, String item) {
        return r.findings().stream().filter(f -> f.item().equals(item)).map(f -> f.path() + ":" + f.line()).toList();
    }
}
