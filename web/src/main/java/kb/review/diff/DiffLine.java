package kb.review.diff;

/**
 * One line of a hunk body.
 *
 * @param oldLine 1-based line in the old file, or 0 for an added line
 * @param newLine 1-based line in the new file, or 0 for a removed line
 * @param text    the line without its diff marker and without a trailing carriage return
 */
public record DiffLine(Kind kind, int oldLine, int newLine, String text) {

    public enum Kind { ADDED, REMOVED, CONTEXT }
}
