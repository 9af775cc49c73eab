package kb.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first engine ({@code KB_SANDBOX_ENGINE=jshell}, JShell inside every run's JVM) is still a
 * supported setting, so its child must keep running snippets, checking output and denying what
 * the split engine denies.
 */
class FirstEngineTest {
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(TestSandbox.config().withEngine(SandboxConfig.Engine.JSHELL));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void snippets_run_in_order_and_their_output_is_checked() {
        String source = "int n = 2;\nSystem.out.println(\"n=\" + (n + 1));\n";
        RunResult r = sandbox.run(RunRequest.bundled(source, "n=3\n"));
        assertEquals(RunStatus.OK, r.status(), r::toString);
        assertEquals("n=3\n", r.stdout());
        assertTrue(r.passed(), r::toString);
    }

    @Test
    void a_denied_api_stops_the_run_and_is_named() {
        RunResult r = sandbox.run(RunRequest.bundled("System.out.println(\"one\");\nSystem.exit(3);\n", null));
        assertEquals(RunStatus.DENIED, r.status(), r::toString);
        assertEquals("one\n", r.stdout());
        assertTrue(r.message().contains("java.lang.System.exit"), r.message());
    }
}
