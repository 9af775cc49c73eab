package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * More of what the code around a Go {@code _ = call(...)} shows about the error it drops (precision set 12; called from
 * {@link GoDiscards#describe}, whose words these join). Each word is a call whose only failure the standard library or
 * a widely used library documents, and which the code in sight rules out or leaves nobody to tell:
 * <ul>
 * <li>{@value #LOG_WRITE}: {@code Output(calldepth, text)} of the standard library's {@code log.Logger}, called on the
 * {@code log} package, on a name the file declares or builds as a {@code *log.Logger}, or on the receiver of a method
 * whose struct (in the file) embeds {@code *log.Logger}: the only error is the writer's, for the line a logger is
 * writing. There is nowhere left to report it, and {@code log.Printf} drops the same error.</li>
 * <li>{@value #DEFINED_FLAG}: cobra's or pflag's {@code Mark...(name)} ({@code MarkFlagRequired},
 * {@code MarkFlagFilename(name, exts...)}, {@code MarkHidden}, {@code MarkDeprecated}), cobra's
 * {@code RegisterFlagCompletionFunc(name, fn)}, or viper's {@code BindPFlag(key, flags.Lookup(name))} (whose one
 * failure is the nil flag an unknown name looks up), of a flag whose
 * name the file defines above it as a literal
 * ({@code fs.StringVarP(&o.out, "output", ...)}): the one documented failure is "no such flag", which the definition
 * in sight rules out; only a typo could bring it back, and the first run would show it.</li>
 * </ul>
 */
final class GoSettledDiscards {

    static final String LOG_WRITE = "writes-log-line";
    static final String DEFINED_FLAG = "marks-defined-flag";

    /** {@code x.Output(first, ...)}: group 1 the receiver, group 2 the first argument. */
    private static final Pattern OUTPUT = Pattern.compile("^([\\p{L}_][\\w.]*)\\.Output\\s*\\(\\s*([^,()]+?)\\s*,");
    /**
     * {@code Mark...(…, "name")}, or cobra's {@code RegisterFlagCompletionFunc("name", fn)}, whose failures are "no such
     * flag" and "a completion is registered already" (session 26, set 18's DO): the flag's name in group 1, 2, 3 or 4.
     */
    private static final Pattern MARK = Pattern.compile(
            "^(?:[\\w.]+(?:\\(\\s*\\))?\\.)?Mark(?:Persistent)?Flag\\w*\\s*\\((?:[^,()\"]+,\\s*)?\"([^\"]+)\"\\s*[,)]"
                    + "|^[\\w.]+(?:\\(\\s*\\))?\\.Mark(?:Hidden|Deprecated|ShorthandDeprecated)\\s*\\(\\s*\"([^\"]+)\"\\s*,?"
                    + "|^[\\w.]+(?:\\(\\s*\\))?\\.RegisterFlagCompletionFunc\\s*\\(\\s*\"([^\"]+)\"\\s*,"
                    + "|^[\\w.]+(?:\\(\\s*\\))?\\.BindPFlag\\s*\\(\\s*\"[^\"]*\"\\s*,\\s*[\\w.]+(?:\\(\\s*\\))?\\.Lookup\\s*\\("
                    + "\\s*\"([^\"]+)\"\\s*\\)\\s*\\)");
    /** A method declaration's receiver: group 1 its name, group 2 its type. */
    private static final Pattern RECEIVER = Pattern.compile("^func\\s*\\(\\s*(\\w+)\\s+\\*?\\s*(\\w+)\\s*\\)");

    private GoSettledDiscards() {
    }

    /**
     * The words above that hold for {@code call} (the text after {@code _ = }) on line {@code lineNo}; {@code lines}
     * holds the file's text a line each (line l at index l - 1) and {@code top} is the line of the enclosing top-level
     * {@code func}, 0 when none is in sight.
     */
    static List<String> describe(String text, List<String> lines, int lineNo, String call, int top) {
        List<String> out = new ArrayList<>();
        Matcher o = OUTPUT.matcher(call);
        if (o.find() && calldepth(text, o.group(2)) && stdLogger(text, lines, top, o.group(1))) {
            out.add(LOG_WRITE);
        }
        Matcher m = MARK.matcher(call);
        if (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2)
                    : m.group(3) != null ? m.group(3) : m.group(4);
            String above = String.join("\n", lines.subList(0, Math.max(0, Math.min(lineNo - 1, lines.size()))));
            // a definition: the literal as an argument (first on its line when the call is broken over lines) of a
            // call that is not itself a mark, a registration or a binding (a second registration of one name is the
            // other failure, not a definition)
            if (Pattern.compile("(?m)^(?![^\\n]*\\.(?:RegisterFlagCompletionFunc|Mark\\w*|BindPFlag)\\s*\\()"
                    + "(?:[^\\n]*[(,])?\\s*\"" + Pattern.quote(name) + "\"\\s*,").matcher(above).find()) {
                out.add(DEFINED_FLAG);
            }
        }
        return out;
    }

    /** An integer: a literal, or a name the file declares as one ({@code calldepth = 2}), optionally plus a literal. */
    private static boolean calldepth(String text, String first) {
        Matcher a = Pattern.compile("^(\\d+|[\\p{L}_]\\w*)(?:\\s*[+-]\\s*\\d+)?$").matcher(first);
        if (!a.find()) {
            return false;
        }
        String n = a.group(1);
        return Character.isDigit(n.charAt(0)) || Pattern.compile("(?m)^\\s*(?:const\\s+)?" + Pattern.quote(n)
                + "\\s*(?:int\\s*)?=\\s*\\d+\\s*(?://.*)?$").matcher(text).find();
    }

    /**
     * The receiver is the standard library's logger: the {@code log} package itself (imported as "log"), a name
     * declared {@code *log.Logger} or assigned from {@code log.New(}, a {@code .Logger} field of such an embedding, or
     * the enclosing method's receiver whose struct the file declares with an embedded {@code *log.Logger}.
     */
    private static boolean stdLogger(String text, List<String> lines, int top, String on) {
        if (!Pattern.compile("(?m)^\\s*(?:import\\s+)?\"log\"").matcher(text).find()) {
            return false;
        }
        if (on.equals("log")) {
            return true;
        }
        String last = on.substring(on.lastIndexOf('.') + 1);
        String q = Pattern.quote(last);
        if (Pattern.compile("(?<![\\w.])" + q + "\\s+\\*\\s*log\\.Logger\\b|(?<![\\w.])" + q
                + "\\s*:?=\\s*log\\.New\\s*\\(").matcher(text).find()) {
            return true;
        }
        String receiver = on.contains(".") ? on.substring(0, on.indexOf('.')) : on;
        if (on.contains(".") && !last.equals("Logger")) {
            return false;
        }
        if (top <= 0) {
            return false;
        }
        Matcher r = RECEIVER.matcher(lines.get(top - 1));
        return r.find() && r.group(1).equals(receiver) && Pattern.compile("(?s)\\btype\\s+" + Pattern.quote(r.group(2))
                + "\\s+struct\\s*\\{[^}]*?^\\s*\\*\\s*log\\.Logger\\s*$", Pattern.MULTILINE).matcher(text).find();
    }
}
