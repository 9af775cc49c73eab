package kb.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import kb.sandbox.child.ChildReport;

/** Turns what came back from a child into a {@link RunResult}. */
final class Outcomes {
    /** The JVM's exit code under -XX:+ExitOnOutOfMemoryError. */
    private static final int OOM_EXIT = 3;
    private static final String OOM_CLASS = "java.lang.OutOfMemoryError";
    /** How the JVM words a thread the OS would not create. */
    private static final String NO_NATIVE_THREAD = "unable to create native thread";

    private Outcomes() {
    }

    static RunResult classify(ChildProcess.Exchange x, RunRequest request, SandboxConfig config) {
        String stdout = new String(x.stdout(), StandardCharsets.UTF_8);
        String stderr = new String(x.stderr(), StandardCharsets.UTF_8);
        RunStatus status;
        String message;
        boolean truncated = x.overCap();
        List<Diagnostic> diagnostics = List.of();
        ChildReport report = x.report();
        if (report != null) {
            diagnostics = report.diagnostics().stream()
                    .map(p -> new Diagnostic(p.line(), p.column(), p.message())).toList();
            message = report.message();
            status = switch (report.outcome()) {
                case COMPLETED -> RunStatus.OK;
                case COMPILE_ERROR -> RunStatus.COMPILE_ERROR;
                case DENIED -> RunStatus.DENIED;
                case EXCEPTION -> RunStatus.RUNTIME_ERROR;
                case LIMIT -> RunStatus.KILLED;
                case OUTPUT_LIMIT -> RunStatus.KILLED;
                case INTERNAL -> RunStatus.INTERNAL_ERROR;
            };
            if (report.outcome() == ChildReport.Outcome.EXCEPTION && message.startsWith(OOM_CLASS)) {
                if (message.contains(NO_NATIVE_THREAD)) {
                    // The child's process cap (cgroup pids, a backstop behind the governor) refused a thread before
                    // the governor's next look: the same limit, reached faster than it polls.
                    status = RunStatus.KILLED;
                    message = "thread limit reached: the system refused a new thread (a run may start "
                            + config.maxNewThreads() + ")";
                } else {
                    // Thrown by library code (direct buffers), so the JVM did not exit on it by itself.
                    status = RunStatus.OUT_OF_MEMORY;
                }
            }
            if (report.outcome() == ChildReport.Outcome.OUTPUT_LIMIT) {
                truncated = true;
                message = outputLimit(config);
            }
        } else if (x.timedOut()) {
            status = RunStatus.TIMEOUT;
            message = "no result within " + config.timeout().toSeconds() + " s; the run was killed";
        } else if (x.overCap()) {
            status = RunStatus.KILLED;
            message = outputLimit(config);
        } else if (x.exitCode() == OOM_EXIT || x.jvmMessages().contains("OutOfMemoryError")) {
            status = RunStatus.OUT_OF_MEMORY;
            message = "the run ran out of memory (heap limit " + config.heapMegabytes() + " MB)";
        } else {
            status = RunStatus.KILLED;
            message = "the runner stopped unexpectedly (exit code " + x.exitCode() + ")";
        }
        return new RunResult(status, stdout, stderr, truncated, x.exitCode(), x.durationMillis(), message,
                diagnostics, Verdict.compare(request.expectedOutput(), stdout));
    }

    private static String outputLimit(SandboxConfig config) {
        return "the output passed the limit of " + config.outputCapBytes() / 1024 + " KiB and was cut there";
    }
}
