package kb.review.analysis;

import java.util.regex.Pattern;

/**
 * Whether a Go name holds an error, known by what the code does with it rather than by what it is called: declared
 * {@code error}, or tested against nil by an {@code if} whose block hands it on ({@code return nil, cause},
 * {@code return fmt.Errorf("...: %w", cause)}, {@code panic(cause)}, {@code log.Fatal(cause)}, or a bare
 * {@code return cause} in a function whose last result is an {@code error}). The conventional
 * names ({@link GoAcquisitions#ERR_NAME}) still count. The code given is blanked of literals and comments by the
 * caller or here, so {@code "err != nil"} in a message tests nothing.
 */
public final class GoErrors {

    private GoErrors() {
    }

    /** True when {@code name} holds an error in {@code code} (a function's text, as written or blanked). */
    public static boolean holdsError(String name, String code) {
        if (name.equals("_") || name.isEmpty()) {
            return false;
        }
        if (GoAcquisitions.ERR_NAME.matcher(name).matches()) {
            return true;
        }
        String text = CodeText.code(code);
        String q = Pattern.quote(name);
        return Pattern.compile("(?<![\\w.])" + q + "\\s+error\\b").matcher(text).find()
                || Pattern.compile("(?<![\\w.])" + q + "\\s*!=\\s*nil\\s*\\{[^{}]*?(?:"
                        // handed back beside other results, or wrapped by a call, or the program stops on it
                        + "\\breturn\\b[^\\n;]*,\\s*" + q + "\\s*(?:\\n|;|})"
                        + "|\\breturn\\b[^\\n;]*\\([^\\n;]*(?<![\\w.])" + q + "(?![\\w.(])"
                        + "|\\b(?:panic|Fatal\\w*|Panic\\w*)\\s*\\([^\\n;]*(?<![\\w.])" + q + "(?![\\w.(])"
                        + ")").matcher(text).find()
                || returnsError(text) && Pattern.compile("(?<![\\w.])" + q + "\\s*!=\\s*nil\\s*\\{[^{}]*?\\breturn\\s+"
                        + q + "\\s*(?:\\n|;|})").matcher(text).find();
    }

    /** The code is a function whose last result is an {@code error}: a bare {@code return x} hands back an error. */
    private static boolean returnsError(String code) {
        int open = code.indexOf('{');
        return code.startsWith("func") && open > 0
                && Pattern.compile("\\berror\\s*\\)?\\s*$").matcher(code.substring(0, open)).find();
    }
}
