package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kb.review.diff.DiffFilter;
import kb.review.diff.DiffParser;
import kb.review.diff.SourceFile;
import org.junit.jupiter.api.Test;

/**
 * Session 28 (prec28), set 20's AB: test harnesses that sit beside main code. Test modules named by a word ending in
 * {@code tests} above a source root, a {@code test} word between two others, a hyphenated {@code e2e} module, a
 * conformance or TCK folder; and Go files that only a test build compiles (a build constraint that needs a test
 * build's tag). The look-alikes are product code: a Go package named so, English words, a file built when the tag is
 * absent, platform and feature tags.
 */
class Prec28TestBoundaryTest {

    @Test
    void test_modules_named_for_their_tests_are_test_code() {
        for (String path : List.of("systests/src/main/java/org/acme/broker/QueueSmoke.java",
                "joramtests/src/main/java/org/acme/jms/AdminAdapter.java",
                "broker/itests/src/main/java/org/acme/it/Harness.java",
                "systests/acme-systests-jms/src/main/java/org/acme/jms/JmsBase.java",
                "acme-test-utils/src/main/java/org/acme/util/PortFinder.java",
                "protocol-tests-amqp/src/main/java/org/acme/amqp/FrameDriver.java",
                "acme-e2e-case/src/main/java/org/acme/e2e/LoginFlow.java",
                "conformance/src/main/java/org/acme/spec/Checks.java",
                "tck/src/main/java/org/acme/tck/Suite.java",
                "server/conformance/runner/run.go")) {
            assertTrue(TestCode.isTest(path), path);
        }
        for (String path : List.of("e2etests/dump/dump.go", "contests/src/main/java/org/acme/Ranking.java",
                "broker-core/src/main/java/org/acme/systests/Settings.java",
                "ingest/src/main/java/org/acme/pipeline/Loader.java", "protests/api/handler.go",
                "latest/src/main/java/org/acme/Version.java", "src/main/java/org/acme/conformance/Rules.java")) {
            assertFalse(TestCode.isTest(path), path);
        }
    }

    @Test
    void a_build_constraint_that_needs_a_test_tag_marks_a_test_build_file() {
        for (String c : List.of("agentcompat", "linux && agentcompat", "e2e", "integration && !windows",
                "(functional || acceptance) && linux", "smoke_test")) {
            assertTrue(BuildTags.needsTestTag(c), c);
        }
        for (String c : List.of("!agentcompat", "linux || e2e", "linux && cgo", "enterprise", "!integration || linux",
                "go1.21")) {
            assertFalse(BuildTags.needsTestTag(c), c);
        }
    }

    private static final String TAGGED = """
            diff --git a/service/rpc/stream_hold_e2e.go b/service/rpc/stream_hold_e2e.go
            new file mode 100644
            --- /dev/null
            +++ b/service/rpc/stream_hold_e2e.go
            @@ -0,0 +1,9 @@
            +//go:build e2e && linux
            +
            +package rpc
            +
            +func holdStreams(done chan struct{}) {
            +	go func() {
            +		<-done
            +		panicIfLeaked()
            +	}()
            diff --git a/service/rpc/legacy_probe.go b/service/rpc/legacy_probe.go
            new file mode 100644
            --- /dev/null
            +++ b/service/rpc/legacy_probe.go
            @@ -0,0 +1,10 @@
            +// +build integration
            +
            +package rpc
            +
            +func probeLegacy(addrs []string) {
            +	for _, a := range addrs {
            +		go dialAndReport(a)
            +	}
            +}
            +
            diff --git a/service/rpc/stream_hold.go b/service/rpc/stream_hold.go
            new file mode 100644
            --- /dev/null
            +++ b/service/rpc/stream_hold.go
            @@ -0,0 +1,9 @@
            +//go:build !e2e
            +
            +package rpc
            +
            +func holdStreams(done chan struct{}) {
            +	go func() {
            +		<-done
            +		panicIfLeaked()
            +	}()
            diff --git a/service/rpc/sampler_linux.go b/service/rpc/sampler_linux.go
            new file mode 100644
            --- /dev/null
            +++ b/service/rpc/sampler_linux.go
            @@ -0,0 +1,9 @@
            +//go:build linux && cgo
            +
            +package rpc
            +
            +func startSampler(tick chan struct{}) {
            +	go func() {
            +		for range tick { sampleOnce() }
            +	}()
            +}
            """;

    @Test
    void files_only_a_test_build_compiles_are_left_out_and_the_product_twins_reviewed() throws Exception {
        List<SourceFile> files = DiffParser.parse(TAGGED).stream().map(SourceFile::fromDiff).toList();
        Review r = new Reviewer(TestRules.book(), false).review("diff", files, SarifImport.Result.none(),
                DiffFilter.ADDED);
        assertEquals(List.of("service/rpc/stream_hold_e2e.go", "service/rpc/legacy_probe.go"), r.testFiles());
        assertEquals(List.of("service/rpc/sampler_linux.go:6", "service/rpc/stream_hold.go:6"),
                r.findings().stream().filter(f -> f.item().equals("CONC-01")).map(f -> f.path() + ":" + f.line())
                        .sorted().toList());
    }
}
