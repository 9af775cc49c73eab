package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.Set;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Log lines in a loop that LOG-01 does not ask to change, read from the call itself. A Java debug or trace line
 * (SLF4J, Log4j 2, commons-logging, JBoss; JUL's fine, finer, finest) whose message is a string literal and whose
 * arguments are values already at hand costs the logger's level test per element when the level is off: "Per-element
 * detail goes to debug level, guarded so it costs nothing when off". The precision sets judge it false every time
 * (class AY). A message joined with {@code +}, built with {@code String.format}, or an argument that serialises or
 * joins a value ({@code toJson}, {@code writeValueAsString}, {@code String.join}, {@code Arrays.toString}) is computed
 * on every element whatever the level, and stays reported. Go's debug calls read the same way
 * ({@link GoLevelledEvents}): a levelled event chain that builds nothing when off, or a debug call whose logger
 * formats only when the level is on, outside the data path (a per-frame debug line the sets judged true). Start-up code: {@link StartupHooks},
 * and private helpers only start-up code calls: {@link StartupHelpers}.
 * A branch that hands its anomaly on (a failure recorded for the caller, a switch's unmatched default):
 * {@link AnomalyBranches}. A listing whose lines are the point (a dump method, a configuration's keys):
 * {@link ListingLoops}. A Go context builder ({@code WithFields}) writes no line: {@link GoLogBuilders}.
 */
final class LogLoopExemptions {

    private static final Set<String> DETAIL_LEVELS = Set.of("debug", "trace", "fine", "finer", "finest");
    /** JBoss Logging's detail calls that format (printf or MessageFormat style) only when the level is on. */
    private static final Set<String> LAZY_FORMATS = Set.of("debugf", "tracef", "debugv", "tracev");
    /** The level argument of {@code log(Level, ...)} at debug or below: {@code System.Logger.Level.TRACE}, {@code FINE}. */
    private static final Pattern LEVEL_ARGUMENT = Pattern.compile("(?:^|\\.)(?:DEBUG|TRACE|FINE|FINER|FINEST)$");
    private static final Pattern EAGER = Pattern.compile(
            "(?:\\.\\s*|\\b)(?:to(?!(?:Hex|Octal|Binary|Unsigned)String)\\w+String|toJson\\w*|writeValueAs(?:String|Bytes)"
                    + "|serialize\\w*|toPrettyString|prettyPrint\\w*|format(?:ted)?)\\s*\\(|\\bString\\s*\\.\\s*join\\s*\\("
                    + "|\\bArrays\\s*\\.\\s*(?:deepT|t)oString\\s*\\(|\\bCollectors\\s*\\.\\s*joining\\s*\\(");

    private LogLoopExemptions() {
    }

    /** True when the log call {@code call} in a loop is one of the kinds the class comment names. */
    static boolean exempt(SyntaxNode call, byte[] src, String path, boolean go) {
        return sampledChain(call, src, go) || go && (fieldArgument(call) || goDetail(call, goCallee(call, src), src))
                || !go && (cheapDetail(call, src) || StartupHooks.runsOnce(call, src) || StartupHelpers.onlyAtStartup(call, src))
                || OneShotPasses.inMigration(call, src, path) || AnomalyBranches.exempt(call, src, go)
                || ListingLoops.inDumpMethod(call, src) || ListingLoops.overConfigurationKeys(call, src);
    }

    /** A Go line that only builds a logger, or whose detail costs nothing when its level is off. */
    private static boolean goDetail(SyntaxNode call, String callee, byte[] src) {
        return GoLogBuilders.buildsOnly(callee) || GoLevelledEvents.disabledDetail(call, callee, src)
                || GoLevelledEvents.lazyDetail(call, callee, src);
    }

    /**
     * A logger call whose chain samples or rate-limits itself: Flogger's {@code atMostEvery(1, MINUTES)},
     * {@code every(100)} and {@code onAverageEvery(n)}, zerolog's {@code Sample(...)} (a {@code BasicSampler} or
     * {@code BurstSampler}). The line is the sampled one LOG-01 asks for.
     */
    private static boolean sampledChain(SyntaxNode call, byte[] src, boolean go) {
        // the whole chain the call is a link of: walk up while it is the receiver of a further link
        SyntaxNode top = call;
        for (SyntaxNode p = call.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (!t.equals("selector_expression") && !t.equals("call_expression") && !t.equals("method_invocation")
                    && !t.equals("field_access")) {
                break;
            }
            top = p;
        }
        return SAMPLED.matcher(text(src, top)).find();
    }

    /**
     * A Go call that is an argument of another call: zap's field constructors ({@code zap.Error(err)},
     * {@code zap.String(...)}) read like logger calls by name, but a line is written by the call they are given to.
     */
    private static boolean fieldArgument(SyntaxNode call) {
        SyntaxNode p = call.getParent();
        return p != null && !p.isNull() && p.getType().equals("argument_list");
    }

    private static final Pattern SAMPLED = Pattern.compile("\\.(?:atMostEvery|every|onAverageEvery|Sample)\\s*\\(");

    /**
     * The Go call's function text, a chain broken over lines joined again ({@code logrus.WithField("k", v).} and
     * {@code Debug} on the next line read as {@code logrus.WithField("k", v).Debug}), so the level of its writing link
     * is read as on one line.
     */
    private static String goCallee(SyntaxNode call, byte[] src) {
        SyntaxNode fn = call.getChildByFieldName("function");
        return fn == null || fn.isNull() ? "" : BROKEN_LINK.matcher(text(src, fn)).replaceAll(".");
    }

    /** A selector's dot followed by a line break and indentation. */
    private static final Pattern BROKEN_LINK = Pattern.compile("\\.\\s*\\n\\s*");

    /**
     * True when the Java call {@code call} is a debug-level line that costs nothing per element when debug is off:
     * the level is debug or trace (a method named for it, JBoss's {@code debugf}/{@code tracef}/{@code debugv} that
     * format only when enabled, or {@code log(Level.DEBUG, ...)} of {@code System.Logger} and JUL, the level an
     * argument), and the message is a literal with cheap arguments or a supplier ({@code () -> ...}, a method
     * reference: Spring's {@code LogAccessor}, Log4j 2, JUL and {@code System.Logger} build it only when enabled).
     */
    static boolean cheapDetail(SyntaxNode call, byte[] src) {
        SyntaxNode name = call.getChildByFieldName("name");
        SyntaxNode args = call.getChildByFieldName("arguments");
        if (name == null || name.isNull() || args == null || args.isNull() || args.getNamedChildCount() == 0) {
            return false;
        }
        String method = text(src, name);
        int message = 0;
        if (method.equals("log") && args.getNamedChildCount() > 1
                && LEVEL_ARGUMENT.matcher(text(src, args.getNamedChild(0))).find()) {
            message = 1; // System.Logger and JUL: log(Level.TRACE, msg, args...)
        } else if (!DETAIL_LEVELS.contains(method) && !LAZY_FORMATS.contains(method)) {
            return false;
        }
        SyntaxNode first = args.getNamedChild(message);
        if (supplier(first) || !first.getType().equals("string_literal") && message + 1 < args.getNamedChildCount()
                && supplier(args.getNamedChild(message + 1))) {
            return true; // debug(() -> ...), debug(ex, () -> ...), log(Level.DEBUG, () -> ...)
        }
        if (!first.getType().equals("string_literal")) {
            return false;
        }
        for (int i = message; i < args.getNamedChildCount(); i++) {
            if (eager(args.getNamedChild(i), src)) {
                return false;
            }
        }
        return true;
    }

    private static boolean supplier(SyntaxNode arg) {
        return arg.getType().equals("lambda_expression") || arg.getType().equals("method_reference");
    }

    /** An argument that builds a string: a {@code +} joining anything, or a call that formats or serialises. */
    private static boolean eager(SyntaxNode arg, byte[] src) {
        if (arg.getType().equals("lambda_expression") || arg.getType().equals("method_reference")) {
            return false; // a supplier runs only when the line is written
        }
        if (arg.getType().equals("binary_expression")) {
            SyntaxNode op = arg.getChildByFieldName("operator");
            if (op != null && !op.isNull() && text(src, op).equals("+")) {
                return true;
            }
        }
        return EAGER.matcher(text(src, arg)).find() || containsConcatenation(arg, src);
    }

    private static boolean containsConcatenation(SyntaxNode n, byte[] src) {
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            SyntaxNode c = n.getNamedChild(i);
            if (c.getType().equals("lambda_expression")) {
                continue;
            }
            if (c.getType().equals("binary_expression") && text(src, c).contains("\"")) {
                SyntaxNode op = c.getChildByFieldName("operator");
                if (op != null && !op.isNull() && text(src, op).equals("+")) {
                    return true;
                }
            }
            if (containsConcatenation(c, src)) {
                return true;
            }
        }
        return false;
    }
}
