package kb.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import kb.sandbox.child.ChildReport;
import org.junit.jupiter.api.Test;

/** How a child's report becomes a run's status and message. */
class OutcomesTest {
    private static final SandboxConfig CONFIG = SandboxConfig.defaults(Path.of("target", "outcomes-test"));

    private static RunResult classify(ChildReport report) {
        var x = new ChildProcess.Exchange(report, new byte[0], new byte[0], false, false, 0, "", 5, 5);
        return Outcomes.classify(x, RunRequest.untrusted("int x = 1;"), CONFIG);
    }

    @Test
    void a_thread_the_system_refused_is_the_thread_limit_not_a_lack_of_memory() {
        RunResult r = classify(ChildReport.of(ChildReport.Outcome.EXCEPTION, "java.lang.OutOfMemoryError: unable to create"
                + " native thread: possibly out of memory or process/resource limits reached (line 5)"));
        assertEquals(RunStatus.KILLED, r.status());
        assertTrue(r.message().startsWith("thread limit reached"), r.message());
        assertTrue(r.message().contains(Integer.toString(CONFIG.maxNewThreads())), r.message());
    }

    @Test
    void an_out_of_memory_error_thrown_by_library_code_stays_out_of_memory() {
        RunResult r = classify(ChildReport.of(ChildReport.Outcome.EXCEPTION,
                "java.lang.OutOfMemoryError: Cannot reserve 1048576 bytes of direct buffer memory (line 2)"));
        assertEquals(RunStatus.OUT_OF_MEMORY, r.status());
    }

    @Test
    void another_exception_is_the_users_runtime_error() {
        RunResult r = classify(ChildReport.of(ChildReport.Outcome.EXCEPTION, "java.lang.IllegalStateException: no (line 1)"));
        assertEquals(RunStatus.RUNTIME_ERROR, r.status());
    }
}
