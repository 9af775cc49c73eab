package kb.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Source aimed at the compile service and at the handoff to the run child: each case is stopped
 * with a status that says what happened, never an internal error, and the next ordinary run
 * passes (the compile service recovers by itself).
 */
class CompileServiceHostileTest {
    private final Sandbox sandbox = TestSandbox.shared();

    private RunResult run(String source) {
        return sandbox.run(RunRequest.untrusted(source));
    }

    @AfterEach
    void the_next_ordinary_run_passes() {
        RunResult after = sandbox.run(RunRequest.bundled("System.out.println(\"still fine\");", "still fine\n"));
        assertTrue(after.passed(), after::toString);
    }

    @Test
    void overload_resolution_that_makes_javac_loop_is_stopped_at_the_compile_limit() {
        // Each level doubles the work of inferring implicit lambdas against two overloads.
        String nested = "x -> m(".repeat(14) + "1" + ")".repeat(14);
        RunResult r = run("int m(java.util.function.Function<Integer, Integer> f) { return 1; }\n"
                + "int m(java.util.function.IntUnaryOperator f) { return 2; }\n"
                + "int m(int x) { return x; }\n"
                + "System.out.println(m(" + nested + "));\n");
        assertNotEquals(RunStatus.INTERNAL_ERROR, r.status(), r::toString);
        if (r.status() == RunStatus.TIMEOUT) {
            assertTrue(r.message().startsWith("compiling took longer than"), r.message());
        }
    }

    @Test
    void constant_folding_that_fills_the_compilers_memory_ends_with_a_clear_status() {
        String constants = IntStream.rangeClosed(1, 28).mapToObj(i -> "static final String S" + i + " = S" + (i - 1)
                + " + S" + (i - 1) + ";").collect(Collectors.joining("\n  "));
        RunResult r = run("class K {\n  static final String S0 = \"0123456789abcdef\";\n  " + constants
                + "\n}\nSystem.out.println(K.S28.length());\n");
        assertTrue(List.of(RunStatus.OUT_OF_MEMORY, RunStatus.COMPILE_ERROR, RunStatus.TIMEOUT).contains(r.status()),
                r::toString);
        assertFalse(r.message().isBlank());
    }

    @Test
    void an_enormous_concatenation_is_a_compile_error_or_a_run_never_an_internal_error() {
        String terms = IntStream.range(0, 3500).mapToObj(i -> "x").collect(Collectors.joining(" + "));
        RunResult r = run("String x = \"a\";\nString y = " + terms + ";\nSystem.out.println(y.length());\n");
        // On a loaded machine javac may need longer than the compile limit: stopped, and said so.
        assertTrue(List.of(RunStatus.OK, RunStatus.COMPILE_ERROR, RunStatus.TIMEOUT).contains(r.status()), r::toString);
        if (r.status() == RunStatus.OK) {
            assertEquals("3500\n", r.stdout());
        } else if (r.status() == RunStatus.COMPILE_ERROR) {
            assertEquals(2, r.diagnostics().get(0).line(), r::toString);
        } else {
            assertTrue(r.message().startsWith("compiling took longer than"), r.message());
        }
    }

    @Test
    void deep_nesting_as_far_as_the_source_cap_allows_compiles_or_is_reported_as_such() {
        String deep = "(".repeat(9000) + "1" + ")".repeat(9000);
        RunResult r = run("int a = 1;\nint b = " + deep + ";\nSystem.out.println(b);\n");
        assertTrue(List.of(RunStatus.OK, RunStatus.COMPILE_ERROR, RunStatus.TIMEOUT).contains(r.status()), r::toString);
        if (r.status() == RunStatus.OK) {
            assertEquals("1\n", r.stdout());
        } else if (r.status() == RunStatus.COMPILE_ERROR) {
            assertTrue(r.message().contains("nested"), r.message());
        } else {
            assertTrue(r.message().startsWith("compiling took longer than"), r.message());
        }
    }

    @Test
    void code_too_large_is_reported_at_its_own_snippet() {
        // About seven bytes of bytecode per element: past the 64 KiB a method may hold, within the source cap.
        String values = IntStream.range(0, 9800).mapToObj(i -> "7").collect(Collectors.joining(","));
        RunResult r = run("System.out.println(\"first\");\nint[] big = {" + values + "};\nSystem.out.println(\"after\");\n");
        assertEquals(RunStatus.COMPILE_ERROR, r.status(), r::toString);
        assertTrue(r.message().contains("too large"), r.message());
        assertEquals(2, r.diagnostics().get(0).line(), r::toString);
        assertEquals("first\n", r.stdout());
    }

    @Test
    void thousands_of_compile_errors_are_capped() {
        String broken = IntStream.range(0, 120).mapToObj(i -> "  int v" + i + " = \"s\";").collect(Collectors.joining("\n"));
        RunResult r = run("void f() {\n" + broken + "\n}\n");
        assertEquals(RunStatus.COMPILE_ERROR, r.status(), r::toString);
        assertTrue(r.diagnostics().size() <= 21, "diagnostics: " + r.diagnostics().size());
        assertTrue(r.diagnostics().get(r.diagnostics().size() - 1).message().contains("more errors not shown"));
    }

    @Test
    void more_classes_than_a_run_may_define_are_refused_with_the_cap_named() {
        String classes = IntStream.range(0, 450).mapToObj(i -> "class C" + i + " {}").collect(Collectors.joining(" "));
        RunResult r = run("class Outer { " + classes + " }\nSystem.out.println(\"ran\");\n");
        assertEquals(RunStatus.DENIED, r.status(), r::toString);
        assertTrue(r.message().contains("classes"), r.message());
        assertFalse(r.stdout().contains("ran"));
    }

    @Test
    void user_code_compiles_against_the_jdk_alone_not_the_runner_or_asm() {
        for (String source : List.of("System.out.println(org.objectweb.asm.Opcodes.ASM9);",
                "System.out.println(kb.sandbox.child.RunPlan.MAX_CLASSES);",
                "System.out.println(kb.sandbox.compiler.CompileMain.class);")) {
            RunResult r = run(source);
            assertEquals(RunStatus.COMPILE_ERROR, r.status(), source + ": " + r);
        }
    }

    @Test
    void tool_internals_are_out_of_reach() {
        RunResult javac = run("import com.sun.tools.javac.main.Main;\nSystem.out.println(new Main(\"x\"));\n");
        assertTrue(List.of(RunStatus.COMPILE_ERROR, RunStatus.DENIED).contains(javac.status()), javac::toString);
        RunResult jshell = run("var shell = jdk.jshell.JShell.create();\nSystem.out.println(shell);\n");
        assertEquals(RunStatus.DENIED, jshell.status(), jshell::toString);
        RunResult processor = run("import javax.annotation.processing.*;\n"
                + "@SupportedAnnotationTypes(\"*\") class P extends AbstractProcessor {\n"
                + "  public boolean process(java.util.Set<? extends javax.lang.model.element.TypeElement> a, RoundEnvironment r) {\n"
                + "    System.out.println(\"processor ran\"); return false; }\n}\n@Deprecated class Q {}\nSystem.out.println(\"done\");\n");
        assertFalse(processor.stdout().contains("processor ran"), processor::toString);
        assertNotEquals(RunStatus.INTERNAL_ERROR, processor.status(), processor::toString);
    }

    @Test
    void classes_named_like_the_runners_own_stay_the_users() {
        RunResult r = run("class PlanRunner { static String who() { return \"user\"; } }\n"
                + "class RunChildMain { public static void main(String[] a) { System.out.println(\"fake main\"); } }\n"
                + "class SnippetLoader extends ClassLoader {}\n"
                + "System.out.println(PlanRunner.who() + \" \" + new SnippetLoader().getClass().getSimpleName());\n");
        // Defining a class loader is not allowed; either way the runner's classes are never replaced.
        assertTrue(List.of(RunStatus.OK, RunStatus.DENIED).contains(r.status()), r::toString);
        assertFalse(r.stdout().contains("fake main"));
    }

    @Test
    void forged_jshell_exceptions_are_the_users_runtime_errors() {
        RunResult r = run("void f() {\n  throw new jdk.jshell.spi.SPIResolutionException(12345);\n}\nf();\n");
        assertEquals(RunStatus.RUNTIME_ERROR, r.status(), r::toString);
        assertTrue(r.stderr().contains("SPIResolutionException"), r.stderr());
        assertTrue(r.stderr().contains("at f (line 2)"), r.stderr());
    }

    @Test
    void a_declaration_with_a_missing_reference_names_it_when_called() {
        RunResult r = run("System.out.println(\"start\");\nvoid f() { helper(); }\nf();\n");
        assertEquals(RunStatus.COMPILE_ERROR, r.status(), r::toString);
        assertEquals("start\n", r.stdout());
        assertTrue(r.message().contains("helper()") && r.message().contains("never declared"), r.message());
        assertEquals(2, r.diagnostics().get(0).line());
    }

    @Test
    void user_exceptions_read_with_their_own_names_and_lines() {
        RunResult r = run("class Broken extends RuntimeException {\n  Broken() { super(\"bad\"); }\n}\n"
                + "record P(int x) {\n  public P {\n    if (x < 0) throw new Broken();\n  }\n}\nnew P(1);\nnew P(-1);\n");
        assertEquals(RunStatus.RUNTIME_ERROR, r.status(), r::toString);
        assertTrue(r.stderr().startsWith("Exception in thread \"main\" Broken: bad\n"), r.stderr());
        assertTrue(r.stderr().contains("(line 6)") && r.stderr().contains("(line 10)"), r.stderr());
    }

    @Test
    void the_cpu_limit_holds_across_all_of_the_childs_threads() {
        // A wall-clock limit far past the CPU limit, so that only the CPU limit can end the run
        // however loaded the machine is.
        var config = TestSandbox.withCpuLimit(TestSandbox.config().withPoolSize(1), java.time.Duration.ofSeconds(1))
                .withTimeout(java.time.Duration.ofSeconds(60));
        RunResult r;
        try (Sandbox own = Sandbox.start(config)) {
            r = own.run(RunRequest.untrusted("Runnable burn = () -> { long x = 0; while (true) { x++; } };\n"
                + "for (int i = 0; i < 4; i++) { new Thread(burn).start(); }\nThread.sleep(120_000);\n"));
        }
        assertEquals(RunStatus.KILLED, r.status(), r::toString);
        assertTrue(r.message().contains("CPU limit"), r.message());
    }

    @Test
    void deep_recursion_in_user_code_is_a_runtime_error() {
        RunResult r = run("int down(int n) { return down(n + 1) + 1; }\ndown(0);\n");
        assertEquals(RunStatus.RUNTIME_ERROR, r.status(), r::toString);
        assertTrue(r.message().startsWith("java.lang.StackOverflowError"), r.message());
    }
}
