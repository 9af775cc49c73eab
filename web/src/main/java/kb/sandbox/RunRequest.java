package kb.sandbox;

import java.util.Objects;

/**
 * One piece of code to run.
 *
 * @param source         any number of JShell snippets
 * @param trusted        {@code true} for reproductions shipped with the app (content/) and not changed
 *                       in it since; {@code false} for code a user typed or edited
 * @param expectedOutput the stdout the code should print (each line ending in a newline), or
 *                       {@code null} when there is nothing to compare with
 */
public record RunRequest(String source, boolean trusted, String expectedOutput) {

    public RunRequest {
        Objects.requireNonNull(source, "source");
    }

    /** A bundled reproduction, with its {@code // Output:} block if it has one (else {@code null}). */
    public static RunRequest bundled(String source, String expectedOutput) {
        return new RunRequest(source, true, expectedOutput);
    }

    /** Code a user typed or edited. */
    public static RunRequest untrusted(String source) {
        return new RunRequest(source, false, null);
    }
}
