package kb.review.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SourceFile;
import kb.review.engine.RemovedReleases.Release;

/**
 * A deleted release that the change puts back on another name of the same value, for {@link RemovedReleases}: a poll
 * loop keeps its last response in {@code last} ({@code last = resp}) and the change swaps the {@code defer
 * last.Body.Close()} after the loop for a {@code defer resp.Body.Close()} inside it; a retry loop's {@code
 * res.Body.Close()} becomes a {@code defer final.Body.Close()} on the variable the loop hands its answer to; a Java
 * stream's {@code close()} becomes a try-with-resources over a local declared from it ({@code InputStream body = in;}).
 * The value is still released (late, perhaps: that is RES-03's question, not a removal). The other names are the
 * plain locals the new code assigns the value to, or assigns from it, one identifier to another: an assignment from a
 * call or a field makes a new value, not a name of the same one.
 */
final class ReleaseAliases {

    private ReleaseAliases() {
    }

    /** An identifier assigned, declared or Go-declared from another, alone on its line: {@code a = b}, {@code T a = b;}. */
    private static final Pattern PLAIN = Pattern.compile(
            "^\\s*(?:var\\s+)?([A-Za-z_]\\w*)\\s*(?:[*\\w.\\[\\]<>]+\\s*)?(?<![=!<>]):?=\\s*([A-Za-z_]\\w*)\\s*;?\\s*(?://.*)?$");
    /** A Java declaration {@code Type a = b;}: the name stands after the type. */
    private static final Pattern JAVA_DECLARED = Pattern.compile(
            "^\\s*(?:final\\s+)?[A-Z][\\w.<>\\[\\], ?]*\\s+([a-z_]\\w*)\\s*=\\s*([A-Za-z_]\\w*)\\s*;\\s*(?://.*)?$");

    /** True when the change releases another name of {@code value} the way {@link ReleasesPutBack#putBack} asks. */
    static boolean putBack(String value, Release r, List<String> added, SourceFile file, boolean java,
                           boolean unwrapped) {
        if (value.isEmpty()) {
            return false;
        }
        String text = file.text();
        // the value's name must stand alone on the right or the left of an assignment somewhere for an alias to exist
        if (!text.contains("= " + value) && !text.contains("=" + value) && !text.contains(value + " =")
                && !text.contains(value + " :=")) {
            return false;
        }
        for (String alias : aliases(value, text)) {
            if (ReleasesPutBack.putBack(alias, r, added, java, unwrapped)) {
                return true;
            }
        }
        return false;
    }

    /** The plain locals the code assigns {@code value} to or from, without {@code value} itself. */
    static Set<String> aliases(String value, String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : text.split("\n")) {
            if (!line.contains(value) || !line.contains("=")) {
                continue;
            }
            Matcher m = JAVA_DECLARED.matcher(line);
            if (!m.find()) {
                m = PLAIN.matcher(line);
                if (!m.find()) {
                    continue;
                }
            }
            String left = m.group(1);
            String right = m.group(2);
            if (left.equals(value) && !right.equals(value) && !KEYWORDS.contains(right)) {
                out.add(right);
            } else if (right.equals(value) && !left.equals(value) && !KEYWORDS.contains(left)) {
                out.add(left);
            }
        }
        return out;
    }

    /** Words that stand where a name could but name no value. */
    private static final Set<String> KEYWORDS = Set.of("nil", "null", "true", "false", "this", "var", "new",
            "return", "err");
}
