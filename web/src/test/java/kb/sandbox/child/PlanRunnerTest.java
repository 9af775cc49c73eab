package kb.sandbox.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run child checks everything that crosses from the compile service before defining any of it. */
class PlanRunnerTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ChildReport run(List<RunPlan.Step> steps) throws IOException {
        var plan = new RunPlan("x\n", 1024, 4, 1000, steps, Map.of("1", 0), Map.of(), Map.of(),
                ChildReport.of(ChildReport.Outcome.COMPLETED, ""));
        // Through the codec, as the plan travels.
        return new PlanRunner(RunPlan.decode(plan.encode()), new PrintStream(err, true, StandardCharsets.UTF_8)).run();
    }

    private static RunPlan.Step load(String name, byte[] bytes) {
        return new RunPlan.Step("1", List.of(new RunPlan.ClassFile(name, bytes)), null, null);
    }

    private static byte[] snippetClass(String simpleName, String body) {
        return InMemoryCompiler.compile("REPL." + simpleName,
                "package REPL;\nclass " + simpleName + " {\n" + body + "\n}\n").get("REPL/" + simpleName);
    }

    @Test
    void bytes_that_are_no_class_file_are_refused() throws IOException {
        ChildReport r = run(List.of(load("REPL/$JShell$1", "not a class".getBytes(StandardCharsets.UTF_8))));
        assertEquals(ChildReport.Outcome.DENIED, r.outcome(), r::toString);
        assertTrue(r.message().contains("not a class file"), r.message());
    }

    @Test
    void a_class_outside_the_snippets_package_is_refused() throws IOException {
        byte[] wire = InMemoryCompiler.compile("kb.sandbox.child.Wire2", "package kb.sandbox.child; class Wire2 {}")
                .get("kb/sandbox/child/Wire2");
        ChildReport r = run(List.of(load("kb/sandbox/child/Wire2", wire)));
        assertEquals(ChildReport.Outcome.DENIED, r.outcome(), r::toString);
        assertTrue(r.message().contains("only new snippet classes"), r.message());
    }

    @Test
    void a_class_file_under_another_name_than_it_says_is_refused() throws IOException {
        ChildReport r = run(List.of(load("REPL/$JShell$2", snippetClass("$JShell$1", ""))));
        assertEquals(ChildReport.Outcome.DENIED, r.outcome(), r::toString);
    }

    @Test
    void the_same_class_twice_is_refused() throws IOException {
        byte[] one = snippetClass("$JShell$1", "");
        ChildReport r = run(List.of(load("REPL/$JShell$1", one), load("REPL/$JShell$1", one)));
        assertEquals(ChildReport.Outcome.DENIED, r.outcome(), r::toString);
    }

    @Test
    void a_forbidden_call_is_denied_again_in_the_child() throws IOException {
        byte[] exit = snippetClass("$JShell$1", "public static void do_it$() { System.exit(3); }");
        ChildReport r = run(List.of(load("REPL/$JShell$1", exit), new RunPlan.Step("1", List.of(), "REPL.$JShell$1", "do_it$")));
        assertEquals(ChildReport.Outcome.DENIED, r.outcome(), r::toString);
        assertTrue(r.message().contains("java.lang.System.exit"), r.message());
    }

    @Test
    void invoking_a_class_never_defined_is_refused() throws IOException {
        ChildReport r = run(List.of(new RunPlan.Step("1", List.of(), "java.lang.Runtime", "getRuntime")));
        assertEquals(ChildReport.Outcome.DENIED, r.outcome(), r::toString);
    }

    @Test
    void a_snippet_that_throws_is_a_runtime_error_with_its_trace() throws IOException {
        byte[] thrower = snippetClass("$JShell$1", "public static void do_it$() { throw new IllegalStateException(\"boom\"); }");
        ChildReport r = run(List.of(load("REPL/$JShell$1", thrower), new RunPlan.Step("1", List.of(), "REPL.$JShell$1", "do_it$")));
        assertEquals(ChildReport.Outcome.EXCEPTION, r.outcome(), r::toString);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Exception in thread \"main\" java.lang.IllegalStateException: boom"));
    }

    @Test
    void a_plan_with_more_classes_than_the_cap_does_not_decode() {
        var files = new ArrayList<RunPlan.ClassFile>();
        for (int i = 0; i <= RunPlan.MAX_CLASSES; i++) {
            files.add(new RunPlan.ClassFile("REPL/$JShell$" + i, new byte[1]));
        }
        var plan = new RunPlan("", 1, 1, 1, List.of(new RunPlan.Step("1", files, null, null)), Map.of(), Map.of(), Map.of(),
                ChildReport.of(ChildReport.Outcome.COMPLETED, ""));
        assertThrows(IOException.class, () -> RunPlan.decode(plan.encode()));
    }
}
