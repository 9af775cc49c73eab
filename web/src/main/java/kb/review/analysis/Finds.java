package kb.review.analysis;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Whether a model's pattern matches a name, remembered. The analyses test every call site against the models'
 * patterns (some hundreds of them, most of which match nothing), and building a {@link java.util.regex.Matcher} per
 * test was a tenth of a review's CPU, while a change names only some hundreds of distinct callees and types. Use it
 * for patterns compiled once (the models' and static ones): keys hold their pattern by identity.
 *
 * <p>Memory stays bounded in a server that runs for months whatever code it reviews: the memo is emptied when it
 * reaches {@value #LIMIT} entries, and a text longer than {@value #TEXT_LIMIT} characters is matched without it.
 * Thread-safe.
 */
public final class Finds {

    static final int LIMIT = 50_000;
    static final int TEXT_LIMIT = 160;

    private static final ConcurrentHashMap<Key, Boolean> MEMO = new ConcurrentHashMap<>();

    /** {@code whole}: the pattern must match all of the text ({@code matches}), not only a part ({@code find}). */
    private record Key(Pattern pattern, String text, boolean whole) {
    }

    private Finds() {
    }

    /** {@code pattern.matcher(text).find()}, remembered. */
    public static boolean in(Pattern pattern, String text) {
        return test(pattern, text, false);
    }

    /** {@code pattern.matcher(text).matches()}, remembered. */
    public static boolean whole(Pattern pattern, String text) {
        return test(pattern, text, true);
    }

    private static boolean test(Pattern pattern, String text, boolean whole) {
        if (text.length() > TEXT_LIMIT) {
            return whole ? pattern.matcher(text).matches() : pattern.matcher(text).find();
        }
        Key key = new Key(pattern, text, whole);
        Boolean known = MEMO.get(key);
        if (known != null) {
            return known;
        }
        boolean found = whole ? pattern.matcher(text).matches() : pattern.matcher(text).find();
        if (MEMO.size() >= LIMIT) {
            MEMO.clear();
        }
        MEMO.put(key, found);
        return found;
    }

    /** How many answers are remembered (for the test of the bound). */
    static int size() {
        return MEMO.size();
    }
}
