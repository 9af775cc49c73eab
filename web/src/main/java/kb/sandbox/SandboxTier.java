package kb.sandbox;

/** How strongly children are isolated from the host, decided by a probe at start-up. */
public enum SandboxTier {
    /**
     * bubblewrap works: children have no network, a throwaway uid, a read-only view of the JDK and
     * the runner only, and a small private /tmp; on top of the bytecode allowlist and rlimits.
     */
    STRONG,
    /** Only the bytecode allowlist, JVM flags, a cleared environment and rlimits. */
    WEAK
}
