package kb.accounts;

import kb.system.ContentHash;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Random secrets (session ids, CSRF and API tokens, generated passwords) and how they are stored. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** {@code bytes} random bytes as URL-safe Base64 without padding (32 bytes = 256 bits → 43 characters). */
    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** What the database keeps instead of a secret: a leaked table does not let anyone sign in. */
    static String hash(String secret) {
        return ContentHash.sha256(secret);
    }

    /** Compares in time independent of where the strings differ; {@code null} never matches. */
    static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
