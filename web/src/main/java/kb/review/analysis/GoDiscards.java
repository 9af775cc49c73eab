package kb.review.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;

/**
 * What the code around a Go {@code _ = call(...)} line shows about the error it drops, for the {@code discard}
 * condition of ERR-01's rule: one word a line, each a class of call whose error ERR-01 does not ask to handle, known
 * from what the review can see (the file's declarations, the enclosing function's signature and doc comment, a
 * widely used library's documented API), never from a project's names.
 * <ul>
 * <li>{@value #COLLECTOR}: Prometheus's {@code Register(c)} of a collector the file builds with a
 * {@code prometheus.New...} constructor, or on a registry (one the file makes or declares, or one the file registers
 * such a collector with). The client library documents its only errors as an invalid or duplicate collector, a mistake
 * of the program's own metric definitions that the same binary makes at every start.</li>
 * <li>{@value #INIT_REGISTRATION}: a {@code Register...} call in a package's {@code func init()}, which runs before
 * {@code main} reads any configuration: it can only add to a table of the process (a plugin, a codec, an API server
 * by name), whose one failure is a duplicate name.</li>
 * <li>{@value #RESPONSE_WRITE}: a write of the HTTP response, on a name the enclosing function declares as
 * {@code http.ResponseWriter} or go-restful's {@code *restful.Response} ({@code rsp.WriteAsJson(v)},
 * {@code m.Marshal(w, pb)}, {@code json.NewEncoder(w).Encode(v)}). It fails only when the client has gone; the
 * request it would fail is over, and nobody is left to tell.</li>
 * <li>{@value #DOC_IGNORES}: the enclosing function's doc comment says its errors are ignored on purpose
 * ({@code // Best-effort: errors are ignored.}), the comment of why the item itself asks for.</li>
 * <li>{@value #NO_ERROR_RESULT}: the callee is a function value the enclosing function declares (a parameter or a
 * variable) whose type's results hold no error ({@code fn func(host string, n int32) bool}): the {@code _} drops a
 * value, not an error.</li>
 * </ul>
 */
public final class GoDiscards {

    public static final String COLLECTOR = "registers-collector";
    public static final String INIT_REGISTRATION = "registers-at-init";
    public static final String RESPONSE_WRITE = "writes-response";
    public static final String DOC_IGNORES = "doc-says-ignored";
    public static final String NO_ERROR_RESULT = "func-value-without-error";

    /** {@code _ = } and the call that follows, to the end of the line. */
    private static final Pattern DISCARD = Pattern.compile("^\\s*_\\s*=\\s*(.+?)\\s*$");
    /**
     * A {@code Register} on a package, a name or a registry getter: group 1 is what it is called on
     * ({@code GetRegistry()}), group 2 its argument list.
     */
    private static final Pattern REGISTER = Pattern.compile(
            "^(?:([\\w.]+(?:\\(\\s*\\))?)\\.)?Register\\((.*)\\)$");
    private static final String PROMETHEUS_COLLECTOR = "(?:prometheus|collectors)\\.New(?:\\w*Collector|(?:Counter|Gauge"
            + "|Histogram|Summary|Untyped)(?:Vec|Func)?)\\s*\\(";
    /** The last name of a call's function: {@code auth.RegisterUserServer(} gives {@code RegisterUserServer}. */
    private static final Pattern CALLEE = Pattern.compile("^(?:[\\w.]+\\.)?([\\p{L}_]\\w*)\\s*\\(");
    private static final Pattern RESPONSE_PARAM = Pattern.compile(
            "(?<![\\w.])([\\p{L}_]\\w*)\\s+(?:http\\.ResponseWriter|\\*\\s*restful\\.Response)\\b");
    private static final Pattern DOC = Pattern.compile(
            "(?i)best[- ]effort|\\berrors?\\s+(?:are|is)\\s+(?:deliberately\\s+|intentionally\\s+|silently\\s+)?ignored"
                    + "|\\bignor(?:e|es|ing)\\s+(?:\\w+\\s+)?errors?\\b");
    private static final Pattern TOP_FUNC = Pattern.compile("^func\\b");

    private GoDiscards() {
    }

    /** The words above that hold for the {@code _ = call(...)} at {@code lineNo}, one a line; empty when none does. */
    public static String describe(SourceFile file, int lineNo, String line) {
        Matcher d = DISCARD.matcher(line);
        if (file.language() != Language.GO || !d.find()) {
            // `_, _ = db.ExecContext(...)`: only the lost-write words apply (see GoLostWrites)
            return file.language() == Language.GO ? String.join("\n", GoLostWrites.describe(file, lineNo, line)) : "";
        }
        String call = d.group(1).replaceFirst("\\s*//.*$", "");
        // the text at true line numbers: line l is lines[l - 1]
        List<String> lines = java.util.Arrays.asList(file.text().split("\n", -1));
        int top = enclosingFunction(lines, lineNo);
        Set<String> out = new LinkedHashSet<>();
        Matcher reg = REGISTER.matcher(call);
        if (reg.find() && (collector(file.text(), reg.group(2).strip()) || registry(file.text(), reg.group(1)))) {
            out.add(COLLECTOR);
        }
        if (top > 0) {
            String above = String.join("\n", lines.subList(top - 1, Math.min(lineNo - 1, lines.size())));
            Matcher callee = CALLEE.matcher(call);
            if (lines.get(top - 1).matches("^func\\s+init\\s*\\(\\s*\\)\\s*\\{.*")
                    && callee.find() && callee.group(1).startsWith("Register") && packageFunction(file, call)) {
                out.add(INIT_REGISTRATION);
            }
            if (writesResponse(call, above)) {
                out.add(RESPONSE_WRITE);
            }
            if (DOC.matcher(docComment(file, top)).find()) {
                out.add(DOC_IGNORES);
            }
            if (valueWithoutError(call, above)) {
                out.add(NO_ERROR_RESULT);
            }
        }
        out.addAll(GoSettledDiscards.describe(file.text(), lines, lineNo, call, top));
        out.addAll(GoInfallibleDiscards.describe(file, lineNo, call, top));
        out.addAll(GoLostWrites.describe(file, lineNo, line));
        out.addAll(GoRecordedErrors.describe(file, call));
        out.addAll(GoValueDiscards.describe(lines, lineNo, call, file.text()));
        out.addAll(GoCleanupDiscards.describe(file, lineNo, call));
        out.addAll(GoProgressDiscards.describe(call, file.text()));
        return String.join("\n", out);
    }

    /**
     * The argument is a Prometheus collector: built in place by a constructor of the client library, or a name the
     * file assigns from one ({@code x = prometheus.NewGauge(...)}, {@code var x = ...}, {@code x := ...}).
     */
    private static boolean collector(String text, String argument) {
        if (Pattern.compile("^" + PROMETHEUS_COLLECTOR).matcher(argument).find()) {
            return true;
        }
        return argument.matches("[\\p{L}_][\\w.]*") && Pattern.compile("(?<![\\w.])" + Pattern.quote(argument)
                + "\\s*(?:[\\w.*\\[\\]]+\\s*)?:?=\\s*" + PROMETHEUS_COLLECTOR).matcher(text).find();
    }

    /**
     * What {@code Register} is called on is a Prometheus registry: the client package itself, a name the file makes
     * with {@code prometheus.NewRegistry()} or declares as a {@code *prometheus.Registry} or {@code Registerer}, or
     * the receiver of another {@code Register} of the file whose argument is a collector (the same getter
     * registering the collectors of one file, some built in a part the diff does not show).
     */
    private static boolean registry(String text, String on) {
        if (on == null) {
            return false;
        }
        if (on.equals("prometheus")) {
            return true;
        }
        String q = Pattern.quote(on);
        if (Pattern.compile("(?<![\\w.])" + q + "\\s*(?::?=\\s*prometheus\\.New(?:Pedantic)?Registry\\s*\\("
                + "|\\s+(?:\\*\\s*prometheus\\.Registry|prometheus\\.Registerer)\\b)").matcher(text).find()) {
            return true;
        }
        Matcher other = Pattern.compile("(?m)^\\s*(?:_\\s*=\\s*)?(?<![\\w.])" + q + "\\.Register\\(\\s*(.+?)\\s*\\)\\s*$")
                .matcher(text);
        while (other.find()) {
            if (collector(text, other.group(1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The call is of a package's function, not of a value's method: unqualified ({@code RegisterCodec(c)}), or on a
     * name the file imports; in a file the diff shows only in part (its imports may be outside the hunks), on a name
     * the visible code never declares or assigns. A method of a variable ({@code registry.Register(fd)}, the variable
     * declared elsewhere in the package) may do anything, and stays reported.
     */
    private static boolean packageFunction(SourceFile file, String call) {
        Matcher q = Pattern.compile("^([\\p{L}_]\\w*)\\.[\\p{L}_]\\w*\\s*\\(").matcher(call);
        if (!q.find()) {
            return call.matches("^[\\p{L}_]\\w*\\s*\\(.*");
        }
        String name = Pattern.quote(q.group(1));
        String text = file.text();
        if (Pattern.compile("(?m)^\\s*(?:import\\s+)?(?:" + name + "\\s+\"[^\"]*\"|\"(?:[^\"]*/)?" + name
                + "(?:/v\\d+)?\")").matcher(text).find()) {
            return true;
        }
        return !file.complete() && !Pattern.compile("(?<![\\w.])" + name + "\\s*(?:,[^=\\n]*)?(?::=|=(?!=))|\\bvar\\s+"
                + name + "\\b").matcher(text).find();
    }

    /**
     * The line of the top-level {@code func} the line is in (a {@code func} at the start of a line above it, with no
     * closing brace at the start of a line between), or 0 when there is none in sight.
     */
    private static int enclosingFunction(List<String> lines, int lineNo) {
        for (int l = Math.min(lineNo - 1, lines.size()); l >= 1; l--) {
            String text = lines.get(l - 1);
            if (TOP_FUNC.matcher(text).find()) {
                return l;
            }
            if (text.startsWith("}")) {
                return 0;
            }
        }
        return 0;
    }

    /** The comment lines right above the declaration at {@code top}, as the diff shows them. */
    private static String docComment(SourceFile file, int top) {
        List<String> doc = new ArrayList<>();
        for (int l = top - 1; l >= 1 && file.known(l) && file.line(l).stripLeading().startsWith("//"); l--) {
            doc.add(0, file.line(l));
        }
        return String.join("\n", doc);
    }

    /** The call writes onto a response the function above declares: its receiver or its first argument. */
    private static boolean writesResponse(String call, String above) {
        Matcher p = RESPONSE_PARAM.matcher(above);
        while (p.find()) {
            String w = Pattern.quote(p.group(1));
            if (Pattern.compile("^" + w + "\\.Write\\w*\\s*\\(").matcher(call).find()
                    || Pattern.compile("^[\\w.]+\\.(?:Marshal|Encode|Execute\\w*)\\s*\\(\\s*" + w + "\\s*,").matcher(call).find()
                    || Pattern.compile("^(?:json|xml|gob)\\.NewEncoder\\(\\s*" + w + "\\s*\\)\\.Encode\\s*\\(")
                    .matcher(call).find()) {
                return true;
            }
        }
        return false;
    }

    /** The call is of a name the function above declares as a function type with no error among its results. */
    private static boolean valueWithoutError(String call, String above) {
        Matcher c = Pattern.compile("^([\\p{L}_]\\w*)\\s*\\(").matcher(call);
        if (!c.find()) {
            return false;
        }
        Matcher decl = Pattern.compile("(?<![\\w.])" + Pattern.quote(c.group(1)) + "\\s+func\\s*\\(").matcher(above);
        boolean any = false;
        while (decl.find()) {
            String results = resultsAfter(above, decl.end() - 1);
            if (results == null || results.contains("error")) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * The results of a function type whose parameter list opens at {@code open}: the text after its closing
     * parenthesis up to the end of the declaration ({@code bool}, {@code (int, error)}); null when the list does not
     * close in the text or the results do not end on their line.
     */
    private static String resultsAfter(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return results(text, i + 1);
            }
        }
        return null;
    }

    private static String results(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '(' || ch == '[') {
                depth++;
            } else if ((ch == ')' || ch == ']') && depth > 0) {
                depth--;
            } else if (depth == 0 && (ch == ',' || ch == ')' || ch == '{' || ch == '\n' || ch == ';' || ch == '=')) {
                return text.substring(from, i);
            }
        }
        return null;
    }
}
