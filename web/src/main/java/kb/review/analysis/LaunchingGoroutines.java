package kb.review.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * More statements of {@link IdleGoroutines}' class, from set 21's CONC-01 false rows (AH): goroutines that only launch
 * others and wait. (A byte pump, {@code io.Copy} between two ends, is not one of them: set 18 judged soft-serve's
 * stdout and stderr pumps true and set 21 judged watchtower's and pgweb's false; the copy runs whatever Read and Write
 * the ends implement, which the review cannot type.)
 * <ul>
 * <li>A launcher: a component's {@code start} that makes its own context ({@code ctx, cancel :=
 * context.WithCancel(context.Background())}, a ticker), starts its workers ({@code go s.read(ctx)}, a literal
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
    /** The goroutine's own context, ticker or timer, made from a parent it names or a fresh background. */
    private static final Pattern SETUP = Pattern.compile(
            "\\w+\\s*,\\s*\\w+\\s*:?=\\s*context\\.With(?:Cancel|Timeout|Deadline|CancelCause)\\(\\s*"
                    + "(?:context\\.(?:Background|TODO)\\(\\s*\\)|[\\w.]+)(?:\\s*,\\s*" + PLAIN + ")?\\s*\\)"
                    + "|\\w+\\s*:?=\\s*time\\.New(?:Ticker|Timer)\\(\\s*" + PLAIN + "\\s*\\)"
                    + "|defer\\s+\\w+\\.Stop\\(\\s*\\)");
    private static final Pattern GO_LITERAL = Pattern.compile("\\bgo\\s+func\\s*\\(");
    private static final Pattern LOOP = Pattern.compile("\\bfor\\b[^{};]*(?:;[^{};]*){0,2}\\{");
    private static final Pattern SPAWN_LINE = Pattern.compile("(?m)^\\s*go\\s+[\\w.]+");

    /** True for a statement that makes the goroutine's own context, ticker or timer, or stops its ticker. */
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
            int close = open < 0 ? -1 : matching(body, open, '{', '}');
            if (close < 0) {
                break;
            }
            int after = close + 1;
            while (after < body.length() && body.charAt(after) == ' ') {
                after++;
            }
            int end = after < body.length() && body.charAt(after) == '(' ? matching(body, after, '(', ')') : -1;
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
            int close = matching(body, open, '{', '}');
            if (close > open && SPAWN_LINE.matcher(body.substring(open + 1, close)).find()) {
                return true;
            }
        }
        return false;
    }

    /** The index of the bracket closing the one at {@code open}, or -1. */
    private static int matching(String s, int open, char in, char out) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == in) {
                depth++;
            } else if (c == out && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
