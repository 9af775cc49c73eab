package kb.incidents;

/** Thrown when a save is based on a revision that is no longer the current one. */
public final class StaleRevisionException extends RuntimeException {

    private final int current;

    public StaleRevisionException(String id, int base, int current) {
        super("incident " + id + " is at revision " + current + ", the edit was based on revision " + base);
        this.current = current;
    }

    public int current() {
        return current;
    }
}
