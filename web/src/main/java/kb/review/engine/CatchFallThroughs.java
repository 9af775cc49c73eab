package kb.review.engine;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SourceFile;

/**
 * A Java catch that only logs and falls through to code that reads what its try should have produced: {@code
 * activation = repository.findWithLock(id)} in the try, {@code log.warn("...", e)} in the catch, then {@code
 * activation.getApplication()} below it. A warning with the exception is a fall-back said out loud only when the code
 * after it does not depend on the failed work; a dereference of the value the try assigns is the code going on as if
 * the work had been done (a {@code NullPointerException} away, or an answer built from the default). The Go side of
 * the class is {@code analysis/GoLoggedFailureUses}.
 *
 * <p>Read on the new file's lines the diff shows: the try's body (from its {@code try {} at the catch's indentation,
 * or from where the hunk starts inside it, down to the catch), the catch's body, and the statements below the catch to the first that names one of the try's
 * assigned locals. Left alone: a catch that returns, throws, assigns, or breaks out; a name the next statement tests
 * ({@code if (x == null)}, {@code x != null ? ... : ...}) or assigns anew; lines the diff does not show.
 */
final class CatchFallThroughs {

    /** An assignment statement to a plain local: group 1 its name ({@code activation = ...}, {@code Foo f = ...}). */
    private static final Pattern ASSIGNED = Pattern.compile(
            "^\\s*(?:final\\s+)?(?:[\\w.$<>\\[\\], ?]+\\s+)?([a-z_$][\\w$]*)\\s*=(?!=)[^;]*;?\\s*$");
    private static final Pattern TRY = Pattern.compile("^\\s*try\\s*\\{\\s*$");
    private static final Pattern LEAVES = Pattern.compile("^\\s*(?:return\\b|throw\\b|break\\b|continue\\b)|\\s=(?!=)");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    /** How far below the catch a read is looked for. */
    private static final int BELOW = 8;
    /** How far above the catch its try may start. */
    private static final int ABOVE = 40;

    private CatchFallThroughs() {
    }

    /**
     * True when the catch whose header is new line {@code header} and whose closing brace is {@code end} falls through
     * to a statement that reads a field or method of a local its try assigned.
     */
    static boolean readsTryValue(SourceFile file, int header, int end) {
        if (header <= 0 || end <= header) {
            return false;
        }
        for (int n = header + 1; n < end; n++) {
            if (!file.known(n) || LEAVES.matcher(STRING.matcher(file.line(n)).replaceAll("\"\"")).find()) {
                return false;
            }
        }
        int indent = RemovedReleases.indent(file.line(header));
        Set<String> assigned = new LinkedHashSet<>();
        int n = header - 1;
        for (; n > 0 && n >= header - ABOVE && file.known(n); n--) {
            String line = file.line(n);
            if (!line.isBlank() && RemovedReleases.indent(line) <= indent) {
                break;
            }
            Matcher m = ASSIGNED.matcher(line);
            if (m.find()) {
                assigned.add(m.group(1));
            }
        }
        // up to the try's opening line, or to where the diff stops showing the try's body (a hunk cut inside it);
        // another line at the catch's depth (an earlier catch's header) leaves the try out of reach
        boolean reached = n > 0 && (!file.known(n) || TRY.matcher(file.line(n)).matches());
        if (!reached || assigned.isEmpty()) {
            return false;
        }
        for (int k = end + 1; k <= end + BELOW && k <= file.lineCount() && file.known(k); k++) {
            String line = file.line(k);
            if (RemovedReleases.indent(line) < indent && !line.isBlank()) {
                return false; // the method (or the enclosing block) ends
            }
            for (String v : assigned) {
                String q = Pattern.quote(v);
                if (!Pattern.compile("(?<![\\w$.])" + q + "(?![\\w$])").matcher(line).find()) {
                    continue;
                }
                if (Pattern.compile("(?<![\\w$.])" + q + "\\s*[!=]=\\s*null|null\\s*[!=]=\\s*" + q
                        + "(?![\\w$])|^\\s*" + q + "\\s*=(?!=)").matcher(line).find()) {
                    return false; // tested for the failure, or given a new value
                }
                return Pattern.compile("(?<![\\w$.])" + q + "\\s*\\.\\s*\\w").matcher(line).find();
            }
        }
        return false;
    }
}
