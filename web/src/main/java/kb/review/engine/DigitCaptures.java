package kb.review.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go: a number conversion whose text a regular expression the review can see has already constrained to digits, so
 * the conversion cannot fail on the text's form (rule {@code go-conversion-error-discarded}, condition
 * {@code in: 'digits:report'}). What a reviewer leaves alone, in the shapes real code writes it:
 * <ul>
 *   <li>a submatch: {@code m := re.FindStringSubmatch(s)} (or {@code FindSubmatch}, or in an {@code if} header), then
 *       {@code strconv.Atoi(m[2])} where group 2 of {@code re} is {@code (\d+)}, {@code (\d{1,2})}, {@code ([0-9]{4})}
 *       or a signed {@code (-\d+)} (precision set 21's imagor dimension token, set 23's fzf cursor move);</li>
 *   <li>a whole match of a digits-only expression: {@code ss := re.FindAllString(s, 1)} with {@code re = `\d+`}, then
 *       {@code strconv.Atoi(ss[0])} (set 24's pdfcpu sort key), or the call in place,
 *       {@code strconv.Atoi(re.FindString(s))}.</li>
 * </ul>
 * An empty text (an optional group, {@code \d*}, or no match at all) fails to the zero value, which is the value the
 * absent number has. Every assignment of the slice in the function must come from such an expression, and the
 * expression must be declared in the file with {@code regexp.MustCompile} of a literal. A base other than 10 or 16 for
 * {@code ParseInt}/{@code ParseUint}, a sign for {@code ParseUint}, and {@code ParseBool} stay reported, as does a
 * piece cut from a group by {@code strings.Split} (its spaces and prefixes are not digits).
 */
final class DigitCaptures {

    static final String DIGITS = "digits";

    private DigitCaptures() {
    }

    /** The conversion and its first argument; group 3 is the base of ParseInt/ParseUint when written. */
    private static final Pattern CONVERSION = Pattern.compile(
            "strconv\\.(Atoi|ParseInt|ParseUint|ParseFloat)\\(\\s*(.+?)\\s*(?:,\\s*(\\w+)\\s*)?(?:,\\s*\\w+\\s*)?\\)\\s*$");
    /** An element of a slice: {@code m[2]}, {@code all[i][1]}. */
    private static final Pattern ELEMENT = Pattern.compile("(\\w+)(?:\\[\\w+\\])?\\[(\\d+)\\]");
    /** The find in place: {@code re.FindString(s)}. */
    private static final Pattern FIND_IN_PLACE = Pattern.compile("([\\w.]+)\\.FindString\\([^()]*(?:\\([^()]*\\)[^()]*)*\\)");
    /** The right side of a slice's assignment: a find of a regular expression; group 1 names it, group 2 the find. */
    private static final Pattern FIND = Pattern.compile(
            "([\\w.]+)\\.(FindStringSubmatch|FindSubmatch|FindAllStringSubmatch|FindAllString)\\(");
    /** A quoted or raw string literal of a regular expression, the only argument of MustCompile. */
    private static final String LITERAL = "(`[^`]*`|\"(?:[^\"\\\\\\n]|\\\\.)*\")";
    /** An assignment: group 1 the (last) name assigned, group 2 the right side up to the line's end or a block. */
    private static final Pattern ASSIGN = Pattern.compile("(?<![\\w.])(\\w+)\\s*:?=(?!=)\\s*(?:range\\s+)?([^\\n;{]*)");
    /** A regular expression compiled from a literal: group 1 the name it is assigned to, group 2 the literal. */
    private static final Pattern COMPILED = Pattern.compile(
            "(?<![\\w.])(\\w+)\\s*:?=\\s*regexp\\.MustCompile\\(\\s*" + LITERAL + "\\s*\\)");
    /** A digit atom with its quantifier, one or more of them, after an optional sign. */
    private static final Pattern DIGITS_ONLY = Pattern.compile(
            "(?:-|\\\\?\\+|\\[[-+]{1,2}\\])?\\??(?:(?:\\\\d|\\[0-9\\])(?:[+*?]|\\{\\d+(?:,\\d*)?\\})?\\??)+");

    /**
     * {@link #DIGITS} when the conversion statement {@code report} converts a visible digits-only match, else empty.
     * {@code scope} is the text of the enclosing function, {@code file} the file's visible text.
     */
    static String of(String report, String scope, String file) {
        if (!report.contains("strconv.") || !file.contains("regexp.")) {
            return "";
        }
        Matcher c = CONVERSION.matcher(report.strip());
        if (!c.find()) {
            return "";
        }
        String fn = c.group(1);
        String arg = c.group(2);
        String base = c.group(3);
        if ((fn.equals("ParseInt") || fn.equals("ParseUint")) && !("10".equals(base) || "16".equals(base))) {
            return "";
        }
        String expression = matched(arg, scope, file);
        if (expression == null) {
            return "";
        }
        boolean digits = DIGITS_ONLY.matcher(expression).matches()
                && !(fn.equals("ParseUint") && (expression.startsWith("-") || expression.startsWith("[")));
        return digits ? DIGITS : "";
    }

    /** The regular expression (or group of it) the argument's text was matched by, or null. */
    private static String matched(String arg, String scope, String file) {
        Matcher inPlace = FIND_IN_PLACE.matcher(arg);
        if (inPlace.matches()) {
            String re = pattern(inPlace.group(1), scope, file);
            return re == null ? null : strip(re);
        }
        Matcher e = ELEMENT.matcher(arg);
        if (!e.matches()) {
            return null;
        }
        String slice = e.group(1);
        int index = Integer.parseInt(e.group(2));
        // every assignment of the slice in the function (`m :=`, `m =`, `for _, m := range`) must be a find
        Matcher a = ASSIGN.matcher(scope);
        String found = null;
        while (a.find()) {
            if (!a.group(1).equals(slice)) {
                continue;
            }
            Matcher f = FIND.matcher(a.group(2));
            String re = f.lookingAt() ? pattern(f.group(1), scope, file) : null;
            if (re == null) {
                return null;
            }
            String piece = f.group(2).equals("FindAllString") ? strip(re) : group(re, index);
            if (piece == null || found != null && !found.equals(piece)) {
                return null;
            }
            found = piece;
        }
        return found;
    }

    /**
     * The literal of {@code name = regexp.MustCompile(literal)}, unquoted: the function's own when it declares one,
     * else the file's when all its declarations of the name agree; or null.
     */
    private static String pattern(String name, String scope, String file) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        String own = literal(simple, scope);
        return own != null ? own : literal(simple, file);
    }

    private static String literal(String name, String text) {
        Matcher m = COMPILED.matcher(text);
        String found = null;
        while (m.find()) {
            if (!m.group(1).equals(name)) {
                continue;
            }
            String literal = m.group(2);
            String body = literal.substring(1, literal.length() - 1);
            // an interpreted string writes each backslash twice
            String re = literal.startsWith("\"") ? body.replace("\\\\", "\\") : body;
            if (found != null && !found.equals(re)) {
                return null;
            }
            found = re;
        }
        return found;
    }

    /** A whole expression without its anchors. */
    private static String strip(String re) {
        String s = re.startsWith("^") ? re.substring(1) : re;
        return s.endsWith("$") && !s.endsWith("\\$") ? s.substring(0, s.length() - 1) : s;
    }

    /** The text of capturing group {@code n} of {@code re} (0: the whole, without anchors), or null. */
    static String group(String re, int n) {
        if (n == 0) {
            return strip(re);
        }
        int count = 0;
        boolean inClass = false;
        for (int i = 0; i < re.length(); i++) {
            char ch = re.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (inClass) {
                inClass = ch != ']';
            } else if (ch == '[') {
                inClass = true;
            } else if (ch == '(') {
                boolean capturing = !re.startsWith("(?", i) || re.startsWith("(?P<", i) || re.startsWith("(?<", i);
                if (capturing && ++count == n) {
                    int start = re.startsWith("(?", i) ? re.indexOf('>', i) + 1 : i + 1;
                    int end = close(re, i);
                    return end < 0 ? null : re.substring(start, end);
                }
            }
        }
        return null;
    }

    /** The index of the parenthesis closing the one at {@code open}, or -1. */
    private static int close(String re, int open) {
        int depth = 0;
        boolean inClass = false;
        for (int i = open; i < re.length(); i++) {
            char ch = re.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (inClass) {
                inClass = ch != ']';
            } else if (ch == '[') {
                inClass = true;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
