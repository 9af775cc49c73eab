package kb.review.analysis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Regular expressions built at run time from a name the code holds ({@code (?<![\w.])} + the variable +
 * {@code \s*\.}), compiled once per distinct text. Such patterns were compiled again for every call site an analysis
 * looked at, a few percent of the review benchmark; the names repeat (err, ctx, resp, client), so a bounded map of
 * the compiled ones answers most of them. The map is emptied when it passes its bound: the texts are built from the
 * code under review, not from the rule book, so they are not a fixed set.
 */
public final class Regexes {

    private static final int BOUND = 4_000;
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private Regexes() {
    }

    /** {@code Pattern.compile(regex)}, remembered. */
    public static Pattern compiled(String regex) {
        Pattern p = COMPILED.get(regex);
        if (p == null) {
            if (COMPILED.size() > BOUND) {
                COMPILED.clear();
            }
            p = COMPILED.computeIfAbsent(regex, Pattern::compile);
        }
        return p;
    }

    /** {@code text.replaceAll("\\s+", "")} without a regular expression. */
    public static String withoutSpace(String text) {
        int i = 0;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
