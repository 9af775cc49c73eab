package kb.accounts;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;

import java.nio.charset.StandardCharsets;

/**
 * bcrypt hashing. Passwords longer than bcrypt's 72 bytes are pre-hashed (SHA-512) rather than cut,
 * so every character counts. Nothing here logs or keeps a password.
 */
final class Passwords {

    /** 2^10 rounds: Spring Security's default and OWASP's floor; roughly 0.1 s per check on one core. */
    static final int COST = 10;
    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 500;

    private static final BCrypt.Hasher HASHER =
            BCrypt.with(BCrypt.Version.VERSION_2A, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A));
    private static final BCrypt.Verifyer VERIFYER =
            BCrypt.verifyer(BCrypt.Version.VERSION_2A, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A));
    /**
     * Checked against for unknown users so that they take as long as known ones. Made on first need,
     * not when the class loads: that would cost every first start a second bcrypt hash.
     */
    private static final class Dummy {
        static final String HASH = hash(Secrets.random(24));
    }

    private Passwords() {
    }

    /** Throws {@link AccountException} when {@code password} is too short or too long for a new password. */
    static void checkPolicy(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new AccountException("password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw new AccountException("password must have at most " + MAX_LENGTH + " characters");
        }
    }

    static String hash(String password) {
        return new String(HASHER.hash(COST, password.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** True when {@code password} matches {@code hash}; with a {@code null} hash, spends the same time and says no. */
    static boolean verify(String password, String hash) {
        String p = password == null ? "" : password;
        if (p.length() > MAX_LENGTH) {
            p = p.substring(0, MAX_LENGTH + 1);
        }
        boolean ok = VERIFYER.verify(p.getBytes(StandardCharsets.UTF_8),
                (hash == null ? Dummy.HASH : hash).getBytes(StandardCharsets.UTF_8)).verified;
        return ok && hash != null;
    }
}
