package kb.review.analysis;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * More statements of {@link IdleGoroutines}' class, from set 21's CONC-01 false rows (AH): goroutines that only launch
 * others and wait. (A byte pump, {@code io.Copy} between two ends, is not one of them: set 18 judged soft-serve's
 * stdout and stderr pumps true and set 21 judged watchtower's and pgweb's false; the copy runs whatever Read and Write
 * the ends implement, which the review cannot type.)
 * <ul>
 * <li>A launcher: a component's {@code start} that makes its own context ({@code ctx, cancel :=
 * context.WithCancel(context.Background())}), starts its workers ({@code go s.read(ctx)}, a literal
 * {@code go func() {...}()}), signals ready and waits for stop. Each worker it starts runs on a goroutine of its own
 * and is reported where it starts, if it needs a recover; the launcher runs none of their code. A literal it starts
 * is folded to one spawn before the launcher's statements are read ({@link #foldSpawnedLiterals}).</li>
 * <li>What stays a dispatcher: a goroutine that starts goroutines inside a loop ({@code for { select { case c :=
 * <-ch: go handle(c) } }}), one per received value for the component's life (set 6's memberlist listeners). Only a
 * spawn inside a {@code for} block makes one ({@link #spawnsInLoop}); a one-time {@code select} that waits for ready
 * before the launches does not.</li>
 * </ul>
 */
final class LaunchingGoroutines {

    private LaunchingGoroutines() {
    }

    private static final String PLAIN = "(?:[\\w.]+|\\d+\\s*\\*\\s*[\\w.]+|[\\w.]+\\s*\\*\\s*[\\w.]+)";
    /**
     * The goroutine's own context, made from a parent it names or a fresh background. (Not a ticker: a goroutine that
     * makes one almost always does periodic work on it below, and when a hunk cuts that work off, as round 14's
     * go-21 shows, the ticker alone must not make the body look idle.)
     */
    private static final Pattern SETUP = Pattern.compile(
            "\\w+\\s*,\\s*\\w+\\s*:?=\\s*context\\.With(?:Cancel|Timeout|Deadline|CancelCause)\\(\\s*"
                    + "(?:context\\.(?:Background|TODO)\\(\\s*\\)|[\\w.]+)(?:\\s*,\\s*" + PLAIN + ")?\\s*\\)");
    private static final Pattern GO_LITERAL = Pattern.compile("\\bgo\\s+func\\s*\\(");
    private static final Pattern LOOP = Pattern.compile("\\bfor\\b[^{};]*(?:;[^{};]*){0,2}\\{");
    private static final Pattern SPAWN_LINE = Pattern.compile("(?m)^\\s*go\\s+[\\w.]+");

    /**
     * A permit taken on the context ({@code if err := w.sem.Acquire(ctx, 1)}, split at ';' from its check; a weighted
     * semaphore fails only when the context is done) or a return of nothing but the context's end
     * ({@code return ctx.Err()}, {@code return err}, {@code return nil}).
     */
    private static final Pattern CONTEXT_EXIT = Pattern.compile(
            "if\\s+err\\s*:?=\\s*[\\w.]+\\.Acquire\\(\\s*\\w+\\s*,\\s*\\w+\\s*\\)"
                    + "|return\\s+(?:nil|err|\\w+\\.Err\\(\\s*\\))");
    /** A statement that hands a function literal, as its last argument, to a call: group 1 the callee. */
    private static final Pattern HANDOFF = Pattern.compile(
            "(?m)^[ \\t]*(?:_\\s*=\\s*|(?:err|\\w+Err)\\s*:?=\\s*)?([\\p{L}_][\\w.]*)"
                    + "\\((?:[^()\\n]*?,\\s*)?func\\s*\\(");

    /** True for a permit taken on the goroutine's context, or a return of its end. */
    static boolean contextExit(String st) {
        return CONTEXT_EXIT.matcher(st).matches();
    }

    /**
     * The body with each call that hands a function literal to a worker pool of the program replaced by
     * {@code go spawned()}: {@code _ = c.nodes.Run(ctx, func(n Node) {...})}, where every visible declaration of
     * {@code Run} calls its last parameter (the callback) only on goroutines it starts, and otherwise only receives,
     * takes permits and starts them (set 21's AH: a DHT crawler's channel workers). The callback runs on the pool's
     * goroutines, reported where the pool starts them; the goroutine that calls {@code Run} runs none of it.
     */
    static String foldPoolHandoffs(String body, Summaries summaries, int depth) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        Matcher m = HANDOFF.matcher(body);
        while (m.find(from)) {
            int open = body.indexOf('{', m.end());
            int close = open < 0 ? -1 : CodeText.closing(body, open, '{', '}');
            int end = close < 0 ? -1 : skipSpaces(body, close + 1);
            if (end < 0 || end >= body.length() || body.charAt(end) != ')' || !handsOffToPool(m.group(1),
                    arguments(body, m.end(1), end), summaries, depth)) {
                out.append(body, from, m.end());
                from = m.end();
                continue;
            }
            int indent = m.start();
            while (indent < body.length() && (body.charAt(indent) == ' ' || body.charAt(indent) == '\t'
                    || body.charAt(indent) == '\n')) {
                indent++;
            }
            out.append(body, from, indent).append("go spawned()");
            from = end + 1;
        }
        return out.append(body.substring(from)).toString();
    }

    /**
     * True when {@code callee} resolves to functions of the program that each call their last parameter only inside
     * goroutines they start ({@code go func() { defer release(); f(next) }()}, {@code go f(next)}), and whose bodies,
     * those goroutines folded away, are idle even with a loop that starts them.
     */
    static boolean handsOffToPool(String callee, int arity, Summaries summaries, int depth) {
        // of the declarations by that name, those taking as many arguments (a generated mock's one-argument Run of
        // another type is not the pool's)
        List<Summaries.Function> declared = summaries.declarations(callee).stream()
                .filter(f -> f.params().size() == arity).toList();
        if (declared.isEmpty()) {
            return false;
        }
        for (Summaries.Function f : declared) {
            if (f.params().isEmpty() || f.body() == null) {
                return false;
            }
            String callback = Pattern.quote(f.params().get(f.params().size() - 1));
            Pattern called = Pattern.compile("(?<![\\w.])" + callback + "\\s*\\(");
            String folded = foldSpawnedLiterals(f.body())
                    .replaceAll("(?m)^\\s*go\\s+" + callback + "\\s*\\(", "go spawned(");
            if (!called.matcher(f.body()).find() || called.matcher(folded).find()
                    || !IdleGoroutines.idle(f.body(), summaries, depth, true)) {
                return false;
            }
        }
        return true;
    }

    /** How many top-level arguments the call whose parentheses open at {@code open} and close at {@code close} has. */
    private static int arguments(String s, int open, int close) {
        int depth = 0;
        int count = 1;
        for (int i = open + 1; i < close; i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                count++;
            }
        }
        return count;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** True for a statement that makes the goroutine's own context. */
    static boolean setup(String st) {
        return SETUP.matcher(st).matches();
    }

    /**
     * The body with each {@code go func(...) {...}(...)} replaced by {@code go spawned()}: the literal runs on a
     * goroutine of its own, reported at its own line, and none of its statements run on this one.
     */
    static String foldSpawnedLiterals(String body) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        Matcher m = GO_LITERAL.matcher(body);
        while (m.find(from)) {
            int open = body.indexOf('{', m.end());
            int close = open < 0 ? -1 : CodeText.closing(body, open, '{', '}');
            if (close < 0) {
                break;
            }
            int after = close + 1;
            while (after < body.length() && body.charAt(after) == ' ') {
                after++;
            }
            int end = after < body.length() && body.charAt(after) == '(' ? CodeText.closing(body, after, '(', ')') : -1;
            if (end < 0) {
                break;
            }
            out.append(body, from, m.start()).append("go spawned()");
            from = end + 1;
        }
        return out.append(body.substring(from)).toString();
    }

    /** True when a {@code go} statement sits inside a {@code for} block of the body (a dispatcher). */
    static boolean spawnsInLoop(String body) {
        Matcher m = LOOP.matcher(body);
        while (m.find()) {
            int open = m.end() - 1;
            int close = CodeText.closing(body, open, '{', '}');
            if (close > open && SPAWN_LINE.matcher(body.substring(open + 1, close)).find()) {
                return true;
            }
        }
        return false;
    }
}
