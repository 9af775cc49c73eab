package kb.sandbox;

/**
 * Thrown when untrusted (user-edited) code is submitted but the sandbox only has the weak tier
 * and the administrator has not opted in with {@code KB_SANDBOX_ALLOW_WEAK=true}. The message
 * says so in words a reader can act on.
 */
public final class SandboxRefusedException extends RuntimeException {
    public SandboxRefusedException(String message) {
        super(message);
    }
}
