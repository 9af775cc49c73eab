package kb.sandbox;

import java.util.List;

/**
 * What a run produced.
 *
 * @param status         how it ended
 * @param stdout         what the snippets printed, at most the output cap (UTF-8, malformed bytes replaced)
 * @param stderr         the snippets' stderr, including stack traces of uncaught exceptions
 * @param truncated      output passed the cap and was cut there
 * @param exitCode       the child JVM's exit code, -1 when it did not exit by itself
 * @param durationMillis from handing the source to the child to the end of the run
 * @param message        one line for people (the error, the forbidden API, the limit); empty for OK
 * @param diagnostics    compile errors and denials with their place in the source
 * @param verdict        stdout against the expected output
 */
public record RunResult(RunStatus status, String stdout, String stderr, boolean truncated, int exitCode,
                        long durationMillis, String message, List<Diagnostic> diagnostics, Verdict verdict) {

    public RunResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** Completed normally, and printed the expected output if there was one. */
    public boolean passed() {
        return status == RunStatus.OK && verdict.outcome() != Verdict.Outcome.FAIL;
    }

    /** Whether the result depends only on the source and may be cached (no time-outs, OOMs or internal errors). */
    public boolean cacheable() {
        return switch (status) {
            case OK, COMPILE_ERROR, DENIED, RUNTIME_ERROR -> !truncated;
            case TIMEOUT, OUT_OF_MEMORY, KILLED, INTERNAL_ERROR -> false;
        };
    }
}
