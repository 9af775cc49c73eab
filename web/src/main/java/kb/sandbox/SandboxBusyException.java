package kb.sandbox;

/** Thrown when the queue of waiting runs is full; the web layer answers 429 with Retry-After. */
public final class SandboxBusyException extends RuntimeException {
    private final int retryAfterSeconds;

    public SandboxBusyException(int retryAfterSeconds) {
        super("the sandbox is busy; retry in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A hint for the Retry-After header, at least 1. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
