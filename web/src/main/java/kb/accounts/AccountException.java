package kb.accounts;

/** A request about accounts that cannot be done as asked; the message says why and is safe to show. */
public class AccountException extends RuntimeException {

    public AccountException(String message) {
        super(message);
    }

    /** The same, keeping the failure underneath as the cause. */
    public AccountException(String message, Throwable cause) {
        super(message, cause);
    }
}
