package kb.format;

/**
 * One violation of the postmortem format, located in the source text.
 *
 * @param line   1-based line in the whole file (front matter included)
 * @param column 1-based column, or 0 when only the line is known
 * @param message what is wrong, phrased for the author
 */
public record Problem(int line, int column, String message) implements Comparable<Problem> {

    public static Problem at(int line, String message) {
        return new Problem(line, 0, message);
    }

    /** {@code file:line: message}, the form every CLI and log line uses. */
    public String format(String file) {
        return file + ":" + line + (column > 0 ? ":" + column : "") + ": " + message;
    }

    @Override
    public int compareTo(Problem o) {
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
    }
}
