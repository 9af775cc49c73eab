package kb.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import kb.sandbox.child.ChildReport;
import kb.sandbox.child.RunPlan;
import org.junit.jupiter.api.Test;

class PlanCacheTest {

    @Test
    void a_text_run_again_skips_the_compiler_yet_runs_in_a_fresh_child_with_nothing_left_from_before() {
        Sandbox sandbox = TestSandbox.shared();
        // A text no other test sends, so that the first run compiles it.
        String source = "// " + UUID.randomUUID() + "\n"
                + "class Seen { static int runs; }\n"
                + "Seen.runs++;\n"
                + "System.out.println(\"runs=\" + Seen.runs + \" threads=\" + Thread.activeCount());\n"
                + "new Thread(() -> { try { Thread.sleep(60_000); } catch (InterruptedException e) { } }).start();\n";
        RunResult first = sandbox.run(RunRequest.bundled(source, null));
        assertEquals(RunStatus.OK, first.status(), first::toString);
        long hits = sandbox.compileCacheHits();
        RunResult second = sandbox.run(RunRequest.bundled(source, null));
        assertEquals(RunStatus.OK, second.status(), second::toString);
        assertEquals(hits + 1, sandbox.compileCacheHits(), "the second run took the plan of the first");
        // Static state and the thread the first run left sleeping would show in a JVM used twice.
        assertEquals(first.stdout(), second.stdout());
        assertEquals("runs=1", second.stdout().split(" ")[0]);
    }

    @Test
    void a_text_that_does_not_compile_is_compiled_again_each_time() {
        Sandbox sandbox = TestSandbox.shared();
        String source = "// " + UUID.randomUUID() + "\nint x = \"not a number\";\n";
        long hits = sandbox.compileCacheHits();
        assertEquals(RunStatus.COMPILE_ERROR, sandbox.run(RunRequest.bundled(source, null)).status());
        assertEquals(RunStatus.COMPILE_ERROR, sandbox.run(RunRequest.bundled(source, null)).status());
        assertEquals(hits, sandbox.compileCacheHits());
    }

    @Test
    void texts_compiled_ahead_run_from_their_kept_plan_and_are_not_compiled_twice() throws InterruptedException {
        Sandbox sandbox = TestSandbox.shared();
        String good = "// " + UUID.randomUUID() + "\nSystem.out.println(6 * 7);\n";
        String broken = "// " + UUID.randomUUID() + "\nint x = \"not a number\";\n";
        assertEquals(1, sandbox.precompile(List.of(good, broken)), "only the text that compiles is kept");
        assertEquals(0, sandbox.precompile(List.of(good)), "a kept text is not compiled again");
        long hits = sandbox.compileCacheHits();
        RunResult r = sandbox.run(RunRequest.bundled(good, null));
        assertEquals(RunStatus.OK, r.status(), r::toString);
        assertEquals("42\n", r.stdout());
        assertEquals(hits + 1, sandbox.compileCacheHits(), "the first run took the plan compiled ahead");
        assertEquals(RunStatus.COMPILE_ERROR, sandbox.run(RunRequest.bundled(broken, null)).status(),
                "a text that does not compile is reported by its run");
    }

    @Test
    void the_least_recently_used_plans_go_first_when_entries_or_bytes_run_out() {
        var cache = new PlanCache(2, 10_000);
        RunPlan a = plan("a", 100);
        cache.store("a", a);
        cache.store("b", plan("b", 100));
        assertSame(a, cache.find("a"));
        cache.store("c", plan("c", 100));
        assertNull(cache.find("b"), "b was used least recently");
        assertNotNull(cache.find("a"));
        cache.store("d", plan("d", 9_900));
        assertEquals(1, cache.size(), "over the byte budget only the newest stays");
        cache.store("e", plan("e", 20_000));
        assertNull(cache.find("e"), "a plan larger than the whole budget is not kept");
        assertNotNull(cache.find("d"));
    }

    private static RunPlan plan(String source, int classBytes) {
        var step = new RunPlan.Step("1", List.of(new RunPlan.ClassFile("REPL/$JShell$1", new byte[classBytes])),
                "REPL.$JShell$1", "do_it$");
        return new RunPlan(source, 0, 0, 0, List.of(step), Map.of(), Map.of(), Map.of(),
                ChildReport.of(ChildReport.Outcome.COMPLETED, ""));
    }
}
