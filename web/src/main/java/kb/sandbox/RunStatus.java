package kb.sandbox;

import java.util.Locale;

/** How a sandboxed run ended. */
public enum RunStatus {
    /** Every snippet ran to its end. */
    OK,
    /** A snippet did not compile; the diagnostics say where. */
    COMPILE_ERROR,
    /** The code refers to an API the sandbox does not allow, or the source was refused before running. */
    DENIED,
    /** A snippet threw an exception; its stack trace is on stderr. */
    RUNTIME_ERROR,
    /** The run passed the wall-clock limit and was killed. */
    TIMEOUT,
    /** The child JVM ran out of memory. */
    OUT_OF_MEMORY,
    /** The run was stopped for passing a limit (threads, CPU, output) or the child died. */
    KILLED,
    /** The sandbox itself failed; never the user's fault. */
    INTERNAL_ERROR;

    /** Lower-case words for people: {@code "compile error"}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
