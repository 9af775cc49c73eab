package kb.sandbox;

/** Receives a run's output while it runs (see {@link Sandbox#run(RunRequest, RunListener)}). */
@FunctionalInterface
public interface RunListener {

    /**
     * A chunk of output, in the order printed within each stream.
     *
     * @param stderr {@code true} for the snippets' stderr, {@code false} for stdout
     * @param bytes  UTF-8; a chunk may end inside a character
     */
    void output(boolean stderr, byte[] bytes);
}
