package kb.sandbox.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    @Test
    void the_compile_services_warm_up_texts_compile_whole() {
        SnippetRunner runner = SnippetRunner.recording();
        try {
            for (String text : CompileMain.JIT_WARM_UP) {
                RunPlan plan = runner.compile(text);
                assertEquals(ChildReport.Outcome.COMPLETED, plan.ending().outcome(), plan.ending()::toString);
                assertTrue(runner.reset());
            }
        } finally {
            runner.close();
        }
    }

    @Test
    void a_trailing_variable_and_the_statements_after_it_compile_as_one_snippet() {
        RunPlan plan = SnippetRunner.recording().compile(
                "var list = new ArrayList<>(List.of(3, 1, 2));\nCollections.sort(list);\nSystem.out.println(list);\n");
        assertEquals(ChildReport.Outcome.COMPLETED, plan.ending().outcome());
        assertEquals(1, plan.steps().stream().filter(st -> st.invokeClass() != null).count(), plan::toString);
    }

    /**
     * Texts whose last snippets may or may not be merged into one block. A default import at the end stops the
     * merge without changing the meaning, so each text must give what it gives snippet by snippet: the same
     * output, stack trace, status and message.
     */
    @Test
    void a_text_gives_the_same_output_and_report_whether_or_not_its_trailing_snippets_are_merged() {
        List<String> texts = List.of(
                "var list = new ArrayList<>(List.of(3, 1, 2));\nCollections.sort(list);\nSystem.out.println(list);\n",
                "void show() { System.out.println(n); }\nvar n = 5;\nshow();\n",
                "int n = 1;\nvoid show() { System.out.println(n); }\nvar n = 2;\nshow();\n",
                "var count = 0;\nRunnable r = () -> System.out.println(count);\ncount++;\nr.run();\n",
                "var x = 1;\nSystem.out.println(x);\n\nInteger.parseInt(\"nope\");\n",
                "var x = Integer.parseInt(\"nope\");\nSystem.out.println(x);\n",
                "String s = \"a\";\nvar s = 2;\nSystem.out.println(s);\n",
                "var u = (sun.misc.Unsafe) null;\nSystem.out.println(u);\n",
                "var t = new Thread(() -> System.out.println(\"in thread\"));\nt.start();\nt.join();\n",
                "var y = 3;\nSystem.out.println(y +);\n",
                "var z = 4;\nfinal var w = z * 2;\nSystem.out.println(w);\n");
        for (String text : texts) {
            assertEquals(evaluated(text + "import java.util.*;\n"), evaluated(text), text);
        }
    }

    private static String evaluated(String text) {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        SnippetRunner runner = SnippetRunner.create(new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
        try {
            ChildReport report = runner.run(text);
            return "out: " + out + "\nerr: " + err + "\nreport: " + report;
        } finally {
            runner.close();
        }
    }

    /** Declarations of every kind a text can leave behind, and texts that would see them if they leaked. */
    private static final String FIRST = """
            import java.time.*;
            int secret = 42;
            String hidden() { return "from the first run"; }
            class Box { int v = 7; }
            interface Shape { int sides(); }
            enum Colour { RED }
            record Pair(int a, int b) {}
            var list = new ArrayList<>(List.of(1, 2));
            System.out.println(secret + hidden());
            """;
    private static final List<String> PROBES = List.of(
            "System.out.println(secret);\n",
            "System.out.println(hidden());\n",
            "System.out.println(new Box().v);\n",
            "Shape s = () -> 3;\n",
            "System.out.println(Colour.RED);\n",
            "System.out.println(new Pair(1, 2));\n",
            "System.out.println(list);\n",
            "LocalDate d = null;\nSystem.out.println(d);\n",
            "int secret = 1;\nclass Box { String s = \"new\"; }\nSystem.out.println(secret + new Box().s);\n");

    @Test
    void a_reset_runner_compiles_every_text_exactly_as_a_fresh_jshell_and_nothing_of_the_last_text_reaches_it() {
        SnippetRunner reused = SnippetRunner.recording();
        try {
            for (String probe : PROBES) {
                RunPlan first = reused.compile(FIRST);
                assertEquals(ChildReport.Outcome.COMPLETED, first.ending().outcome(), first.ending()::toString);
                assertTrue(reused.reset(), "a runner that compiled normally can be reset");
                RunPlan again = reused.compile(probe);
                SnippetRunner fresh = SnippetRunner.recording();
                RunPlan expected = fresh.compile(probe);
                fresh.close();
                assertEquals(expected.ending(), again.ending(), probe);
                assertEquals(expected.steps().size(), again.steps().size(), probe);
                assertEquals(expected.classCount(), again.classCount(), probe);
                Set<String> before = classNames(first);
                for (String name : classNames(again)) {
                    assertFalse(before.contains(name), "a class of the first text is handed to the next run: " + name);
                }
                assertTrue(reused.reset());
            }
        } finally {
            reused.close();
        }
        // The probes that name the first text's declarations do not compile on their own.
        SnippetRunner fresh = SnippetRunner.recording();
        assertEquals(ChildReport.Outcome.COMPILE_ERROR, fresh.compile(PROBES.get(0)).ending().outcome());
        fresh.close();
    }

    @Test
    void a_runner_on_which_the_compiler_itself_failed_is_not_reused() throws Exception {
        String source = "int b = " + "(".repeat(3000) + "1" + ")".repeat(3000) + ";\n";
        var reset = new AtomicReference<Boolean>();
        Thread t = new Thread(null, () -> {
            SnippetRunner runner = SnippetRunner.recording();
            runner.compile(source);
            reset.set(runner.reset());
            runner.close();
        }, "small", 256 * 1024);
        t.start();
        t.join();
        assertFalse(reset.get(), "reset refused after javac ran out of stack");
    }

    @Test
    void a_runner_left_with_more_declarations_than_a_reset_drops_is_replaced_instead() {
        var text = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            text.append("int v").append(i).append(" = ").append(i).append(";\n");
        }
        // A declaration after them, so that they stay snippets instead of joining one trailing block.
        text.append("void last() { }\n");
        SnippetRunner runner = SnippetRunner.recording();
        try {
            assertEquals(ChildReport.Outcome.COMPLETED, runner.compile(text.toString()).ending().outcome());
            assertFalse(runner.reset(), "120 declarations are not dropped one by one");
            assertFalse(runner.reusable());
        } finally {
            runner.close();
        }
    }

    private static Set<String> classNames(RunPlan plan) {
        var names = new HashSet<String>();
        plan.steps().forEach(st -> st.classes().forEach(c -> names.add(c.name())));
        return names;
    }
}
