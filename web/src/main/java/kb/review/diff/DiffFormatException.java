package kb.review.diff;

/** A diff that cannot be read; {@link #line()} is the 1-based line of the diff where reading failed. */
public final class DiffFormatException extends Exception {

    private final int line;

    public DiffFormatException(int line, String message) {
        super("diff line " + line + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
