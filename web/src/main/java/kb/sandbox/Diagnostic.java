package kb.sandbox;

/**
 * A problem at a place in the submitted source.
 *
 * @param line    1-based line in the submitted source, 0 when it has no place
 * @param column  1-based column, 0 when unknown
 * @param message what is wrong, possibly several lines
 */
public record Diagnostic(int line, int column, String message) {
}
