package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;

/**
 * A dropped error that can only be the caller's own context's (set 21's LP: a channel worker's {@code Run(ctx, f)}
 * whose every return is {@code ctx.Err()} or the failure of a semaphore's {@code Acquire(ctx, n)}, which fails only
 * when that context is done). The caller handed the context in and stops with it; the discarded error says only
 * "stopped because you asked", which the caller knows. A callee that can fail for any other reason (a return of
 * another error, a call's error passed on, a callee the review cannot see) is no such call.
 * <p>
 * Called for ERR-01's {@code discard} words ({@link GoDiscards}); gives {@value #WORD} or nothing.
 */
public final class GoContextOnlyErrors {

    public static final String WORD = "callee-fails-only-with-context";

    private static final Pattern DISCARD = Pattern.compile("^\\s*_\\s*=\\s*([\\p{L}_][\\w.]*)\\s*\\(");
    private static final Pattern RETURN = Pattern.compile("(?m)^\\s*return\\b([^\\n]*)$");
    private static final Pattern LITERAL = Pattern.compile("\\bfunc\\s*\\(");
    private static final Pattern IDENT = Pattern.compile("[\\p{L}_]\\w*");

    private GoContextOnlyErrors() {
    }

    /** {@value #WORD} when the {@code _ = call(...)} at {@code lineNo} drops an error only its context can cause. */
    public static List<String> describe(SourceFile file, int lineNo, String line, Summaries helpers) {
        Matcher d = DISCARD.matcher(line);
        if (helpers == null || file.language() != Language.GO || !d.find()) {
            return List.of();
        }
        List<String> args = arguments(file, lineNo, line, line.indexOf('(', d.start(1)));
        if (args == null) {
            return List.of();
        }
        List<Summaries.Function> declared = helpers.in(file.path(), file.text()).declarations(d.group(1));
        boolean any = false;
        for (Summaries.Function f : declared) {
            if (f.body() == null || f.params().size() != args.size()) {
                continue;
            }
            if (!onlyContextErrors(f, args)) {
                return List.of();
            }
            any = true;
        }
        return any ? List.of(WORD) : List.of();
    }

    /**
     * True when {@code f} declares only an error result and every return of its body (its literals' own returns left
     * out) gives nil, the error of a context parameter the caller fills with a plain name, or a name assigned only
     * from a semaphore's {@code Acquire} on that context; at least one return does.
     */
    private static boolean onlyContextErrors(Summaries.Function f, List<String> args) {
        if (f.results() == null || !f.results().strip().matches("\\(?\\s*error\\s*\\)?")) {
            return false;
        }
        List<String> contexts = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (IDENT.matcher(args.get(i)).matches()) {
                contexts.add(f.params().get(i));
            }
        }
        String body = withoutLiterals(f.body());
        Matcher r = RETURN.matcher(body);
        int returns = 0;
        while (r.find()) {
            String value = r.group(1).replaceFirst("//.*$", "").strip();
            if (!value.equals("nil") && !contextError(value, contexts, body)) {
                return false;
            }
            returns += value.equals("nil") ? 0 : 1;
        }
        return returns > 0;
    }

    private static boolean contextError(String value, List<String> contexts, String body) {
        for (String c : contexts) {
            String q = Pattern.quote(c);
            if (value.matches(q + "\\.Err\\(\\s*\\)|context\\.Cause\\(\\s*" + q + "\\s*\\)")) {
                return true;
            }
            if (IDENT.matcher(value).matches()) {
                String v = Pattern.quote(value);
                Matcher assigned = Pattern.compile("(?<![\\w.])" + v + "\\s*:?=\\s*([^\\n;]*)").matcher(body);
                boolean all = false;
                while (assigned.find()) {
                    if (!assigned.group(1).matches("[\\w.]+\\.Acquire\\(\\s*" + q + "\\s*,[^()]*\\)")) {
                        return false;
                    }
                    all = true;
                }
                if (all) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The body with each function literal's braces and what is between them taken out. */
    private static String withoutLiterals(String body) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        Matcher m = LITERAL.matcher(body);
        while (m.find(from)) {
            int open = body.indexOf('{', m.end());
            int close = open < 0 ? -1 : CodeText.closing(body, open, '{', '}');
            if (close < 0) {
                break;
            }
            out.append(body, from, open);
            from = close + 1;
        }
        return out.append(body.substring(from)).toString();
    }

    /**
     * The call's top-level arguments as written, read from the line's opening parenthesis on (over up to 200 lines
     * of the file's known text); null when the call does not close in sight.
     */
    private static List<String> arguments(SourceFile file, int lineNo, String line, int paren) {
        StringBuilder text = new StringBuilder(line.substring(paren));
        java.util.BitSet known = file.knownLines();
        for (int l = lineNo + 1; l <= lineNo + 200 && known.get(l); l++) {
            text.append('\n').append(file.line(l));
        }
        String s = text.toString();
        int close = CodeText.closing(s, 0, '(', ')');
        if (close < 0) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 1;
        for (int i = 1; i < close; i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        String last = s.substring(start, close).strip();
        if (!last.isEmpty()) {
            out.add(last);
        }
        return out;
    }
}
