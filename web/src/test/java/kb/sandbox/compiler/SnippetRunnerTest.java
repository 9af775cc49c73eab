package kb.sandbox.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import kb.sandbox.child.ChildReport;
import kb.sandbox.child.RunPlan;
import org.junit.jupiter.api.Test;

/** The recording engine: plans, and what it says when JShell or javac fails on the user's code. */
class SnippetRunnerTest {

    @Test
    void a_compiler_that_runs_out_of_stack_is_reported_at_the_snippet_as_such() throws Exception {
        String source = "int a = 1;\nint b = " + "(".repeat(3000) + "1" + ")".repeat(3000) + ";\n";
        var plan = new AtomicReference<RunPlan>();
        // A small stack makes javac overflow where the compile service's roomy one would not.
        Thread t = new Thread(null, () -> plan.set(SnippetRunner.recording().compile(source)), "small", 256 * 1024);
        t.start();
        t.join();
        ChildReport ending = plan.get().ending();
        assertEquals(ChildReport.Outcome.COMPILE_ERROR, ending.outcome(), ending::toString);
        assertTrue(ending.message().contains("nested or chained too deeply"), ending.message());
        assertFalse(ending.diagnostics().isEmpty(), "placed in the text");
    }

    @Test
    void a_plan_records_loads_and_invocations_in_order_and_maps_lines() {
        RunPlan plan = SnippetRunner.recording().compile("void f() {\n  System.out.println(1);\n}\nf();\n");
        assertEquals(ChildReport.Outcome.COMPLETED, plan.ending().outcome());
        assertTrue(plan.steps().get(0).invokeClass() == null && !plan.steps().get(0).classes().isEmpty());
        assertTrue(plan.steps().get(plan.steps().size() - 1).invokeClass() != null);
        assertFalse(plan.lines().isEmpty(), "wrapper lines map to snippet lines");
        assertTrue(plan.classCount() >= 2);
    }
}
