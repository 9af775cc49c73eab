package kb.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SandboxTest {
    private final Sandbox sandbox = TestSandbox.shared();

    private RunResult run(String source) {
        return sandbox.run(RunRequest.bundled(source, null));
    }

    @Test
    void several_snippets_run_in_order_and_pass_their_expected_output() {
        String source = """
                int calls = 0
                String greet(String who) {
                    calls++;
                    return "hello " + who;
                }
                System.out.println(greet("a")); System.out.println(greet("b"));
                record Pair(int x, int y) {}
                System.out.println(new Pair(calls, List.of(1, 2).size()));
                // Output:
                // hello a
                // hello b
                // Pair[x=2, y=2]
                """;
        RunResult r = sandbox.run(RunRequest.bundled(source, kb.format.OutputComment.expected(source)));
        assertEquals(RunStatus.OK, r.status(), r::toString);
        assertEquals("hello a\nhello b\nPair[x=2, y=2]\n", r.stdout());
        assertEquals(Verdict.Outcome.PASS, r.verdict().outcome());
        assertTrue(r.passed());
    }

    @Test
    void output_that_differs_from_the_expected_block_fails_with_a_line_diff() {
        RunResult r = sandbox.run(RunRequest.bundled("System.out.println(\"leaked=10\");\n", "leaked=0\n"));
        assertEquals(RunStatus.OK, r.status());
        assertEquals(Verdict.Outcome.FAIL, r.verdict().outcome());
        assertTrue(r.verdict().diff().contains("-leaked=0\n+leaked=10"), r.verdict().diff());
        assertFalse(r.passed());
    }

    @Test
    void a_compile_error_is_placed_at_the_line_and_column_of_the_users_text() {
        RunResult r = run("System.out.println(\"before\");\n\nint x = 1;\n    String s = x;\nSystem.out.println(\"after\");\n");
        assertEquals(RunStatus.COMPILE_ERROR, r.status(), r::toString);
        assertEquals("before\n", r.stdout(), "snippets before the broken one ran");
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(4, d.line());
        assertEquals(16, d.column());
        assertTrue(d.message().contains("incompatible types"), d.message());
    }

    @Test
    void a_denied_api_is_named_with_its_line_and_nothing_of_the_snippet_runs() {
        RunResult r = run("System.out.println(\"one\");\nvoid quit() {\n  System.out.println(\"bye\");\n  System.exit(3);\n}\nquit();\n");
        assertEquals(RunStatus.DENIED, r.status(), r::toString);
        assertEquals("one\n", r.stdout());
        assertEquals(4, r.diagnostics().get(0).line());
        assertTrue(r.message().contains("java.lang.System.exit"), r.message());
        assertTrue(r.message().contains("exits the JVM"), r.message());
    }

    @Test
    void statements_before_a_broken_one_still_run_and_the_error_keeps_its_place() {
        RunResult r = run("System.out.println(\"one\");\n// a note\nSystem.out.println(\"two\");\n"
                + "System.out.println(undeclared);\nSystem.out.println(\"never\");\n");
        assertEquals(RunStatus.COMPILE_ERROR, r.status(), r::toString);
        assertEquals("one\ntwo\n", r.stdout());
        assertEquals(4, r.diagnostics().get(0).line());
        assertEquals(20, r.diagnostics().get(0).column());
    }

    @Test
    void statements_before_a_denied_one_still_run() {
        RunResult r = run("System.out.println(\"one\");\nSystem.exit(1);\nSystem.out.println(\"never\");\n");
        assertEquals(RunStatus.DENIED, r.status(), r::toString);
        assertEquals("one\n", r.stdout());
        assertEquals(2, r.diagnostics().get(0).line());
    }

    @Test
    void an_uncaught_exception_is_a_runtime_error_with_a_trace_in_user_lines() {
        RunResult r = run("void check(int n) {\n  if (n > 1)\n    throw new IllegalStateException(\"too many: \" + n);\n}\ncheck(1);\ncheck(2);\n");
        assertEquals(RunStatus.RUNTIME_ERROR, r.status(), r::toString);
        assertTrue(r.stderr().startsWith("Exception in thread \"main\" java.lang.IllegalStateException: too many: 2\n"),
                r.stderr());
        assertTrue(r.stderr().contains("at check (line 3)"), r.stderr());
        assertTrue(r.stderr().contains("(line 6)"), r.stderr());
        assertEquals(3, r.diagnostics().get(0).line());
    }

    @Test
    void a_run_that_does_not_finish_is_killed_at_the_wall_clock_limit() {
        RunResult r = run("System.out.println(\"waiting\");\nThread.sleep(600_000);\n");
        assertEquals(RunStatus.TIMEOUT, r.status(), r::toString);
        assertEquals("waiting\n", r.stdout(), "output printed before the limit is kept");
        assertFalse(r.cacheable());
    }

    @Test
    void a_memory_bomb_ends_as_out_of_memory() {
        RunResult r = run("var hoard = new ArrayList<long[]>();\nwhile (true) hoard.add(new long[1 << 20]);\n");
        assertEquals(RunStatus.OUT_OF_MEMORY, r.status(), r::toString);
    }

    @Test
    void output_past_the_cap_is_cut_and_the_run_killed() {
        RunResult r = run("while (true) System.out.println(\"0123456789\".repeat(10));\n");
        assertEquals(RunStatus.KILLED, r.status(), r::toString);
        assertTrue(r.truncated());
        assertEquals(sandbox.config().outputCapBytes(), r.stdout().length() + r.stderr().length());
    }

    @Test
    void source_over_the_cap_is_refused_without_a_child() {
        String huge = "// padding\n".repeat(3000) + "System.out.println(1);\n";
        RunResult r = run(huge);
        assertEquals(RunStatus.DENIED, r.status());
        assertTrue(r.message().contains("at most " + sandbox.config().sourceCapBytes()), r.message());
    }

    @Test
    void metrics_count_runs_by_status() {
        long before = sandbox.metrics().byStatus().getOrDefault(RunStatus.COMPILE_ERROR, 0L);
        run("int x = \"no\";\n");
        SandboxMetrics m = sandbox.metrics();
        assertEquals(before + 1, m.byStatus().get(RunStatus.COMPILE_ERROR));
        assertTrue(m.p95Millis() >= m.meanMillis() / 2 && m.runs() >= 1);
    }

    @Test
    void the_strong_tier_is_used_wherever_bubblewrap_is_installed() {
        assertEquals(Bubblewrap.find().isPresent() ? SandboxTier.STRONG : SandboxTier.WEAK, sandbox.tier(),
                sandbox.metrics().tierDetail());
    }

    @Test
    void untrusted_code_is_refused_without_the_strong_tier_unless_the_admin_allows_it() {
        var weak = TestSandbox.config().withIsolation(SandboxConfig.Isolation.NONE).withAllowWeak(false).withPoolSize(1);
        try (Sandbox s = Sandbox.start(weak)) {
            assertEquals(SandboxTier.WEAK, s.tier());
            var e = assertThrows(SandboxRefusedException.class, () -> s.run(RunRequest.untrusted("1 + 1")));
            assertTrue(e.getMessage().contains("KB_SANDBOX_ALLOW_WEAK=true"), e.getMessage());
            assertTrue(s.untrustedRefusal().isPresent());
        }
        try (Sandbox s = Sandbox.start(weak.withAllowWeak(true))) {
            assertTrue(s.untrustedRefusal().isEmpty());
        }
    }

    @Test
    void a_full_queue_answers_busy_with_a_retry_hint() throws Exception {
        var oneSlot = TestSandbox.config().withPoolSize(1).withConcurrency(1).withQueue(0);
        try (Sandbox s = Sandbox.start(oneSlot)) {
            var first = CompletableFuture.supplyAsync(() -> s.run(RunRequest.bundled("Thread.sleep(3000);", null)));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (s.metrics().running() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            var busy = assertThrows(SandboxBusyException.class, () -> s.run(RunRequest.bundled("1", null)));
            assertTrue(busy.retryAfterSeconds() >= 1);
            assertEquals(1, s.metrics().rejectedBusy());
            assertEquals(RunStatus.OK, first.get().status());
        }
    }
}
