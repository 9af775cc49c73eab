package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Literal texts found in a regular expression's source such that every match of it contains at least one of them
 * (compared in lower case). Searching a text for these with {@code indexOf} is far cheaper than running the regex,
 * so a text that holds none of them is skipped without running it. The reading is deliberately small: whatever it
 * does not understand (hex and Unicode escapes, comments mode, Unicode case folding) gives no needles, and then
 * the regex always runs. Only the speed depends on this class, never a result.
 */
final class Needles {

    /** The needles of {@code p}, lower case; null when none are known and the regex must run on every text. */
    static List<String> of(Pattern p) {
        if ((p.flags() & (Pattern.COMMENTS | Pattern.UNICODE_CASE | Pattern.LITERAL | Pattern.CANON_EQ)) != 0) {
            return null;
        }
        try {
            NeedleReader n = new NeedleReader(p.pattern());
            Set<String> found = n.alternation();
            return n.pos == n.src.length() && found != null ? List.copyOf(found) : null;
        } catch (NeedleReader.Unknown e) {
            return null;
        }
    }

    /**
     * A stricter reading for a regex that runs over a large text, such as a manual trigger over a file's added lines:
     * texts in the regex's own case (only for a regex without case-insensitive flags), such that every match holds
     * one text of each returned list. Each required part of the regex gives its own list (every match holds all of
     * them), and a literal run joined to a following group of literal branches gives the joined texts ({@code
     * context\.(?:Background|TODO)}: {@code context.Background} or {@code context.TODO}). Null when nothing is known.
     */
    static List<List<String>> required(Pattern p) {
        if ((p.flags() & (Pattern.COMMENTS | Pattern.UNICODE_CASE | Pattern.LITERAL | Pattern.CANON_EQ
                | Pattern.CASE_INSENSITIVE)) != 0) {
            return null;
        }
        try {
            NeedleReader n = new NeedleReader(p.pattern(), true);
            List<Set<String>> parts = new ArrayList<>();
            Set<String> one = n.alternation(parts);
            if (n.pos != n.src.length() || one == null) {
                return null;
            }
            if (parts.isEmpty()) {
                parts.add(one); // several top-level branches: one of their texts is required
            }
            return parts.stream().map(List::copyOf).toList();
        } catch (NeedleReader.Unknown e) {
            return null;
        }
    }

    /** True when {@code text} holds one text of each list (null: unknown, so it may). */
    static boolean mayMatchAll(List<List<String>> required, Occurrences.Text text) {
        return required == null || required.stream().allMatch(any -> any.stream().anyMatch(text::contains));
    }

    private static final java.util.Map<Pattern, List<String>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * {@link #of} remembered per pattern object (patterns come from the rule book, so the map stays small; it is
     * emptied if it ever grows past a bound).
     */
    static List<String> cached(Pattern p) {
        List<String> n = CACHE.get(p);
        if (n == null) {
            if (CACHE.size() > 10_000) {
                CACHE.clear();
            }
            n = CACHE.computeIfAbsent(p, k -> {
                List<String> found = of(k);
                return found == null ? List.of() : found;
            });
        }
        return n.isEmpty() ? null : n;
    }

    /**
     * True when {@code lowerText} (the text in lower case, {@link Locale#ROOT}) may hold a match; the needles are
     * looked up in one reading of the text (see {@link Occurrences}).
     */
    static boolean mayMatch(List<String> needles, String lowerText) {
        return mayMatch(needles, n -> Occurrences.contains(lowerText, n));
    }

    /** The same test on a text kept by its caller (see {@link Occurrences.Text}). */
    static boolean mayMatch(List<String> needles, Occurrences.Text lowerText) {
        return mayMatch(needles, lowerText::contains);
    }

    private static boolean mayMatch(List<String> needles, java.util.function.Predicate<String> contains) {
        return needles == null || needles.stream().anyMatch(contains);
    }

}
