package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.analysis.Shapes.Spot;
import kb.review.diff.SyntaxNode;
import kb.review.diff.TreeSitter;

/**
 * (session 48, logg48) LOG-03 in Go: an edit that keeps a log line's message but writes it through a wider logger
 * than the line had, so the fields the narrower one carried (the request or call id, the trace, the object's name)
 * are gone from the record. Three ways to widen, each read from the removed line and its replacement:
 * <ul>
 *   <li>a logger taken from the context or the request ({@code log.Tracer(ctx)}, {@code logging.FromContext(ctx)},
 *   {@code zerolog.Ctx(ctx)}, {@code l.WithContext(ctx)}) becomes one that is not;</li>
 *   <li>a local logger (one the function derives, {@code log := s.log.WithValues("callID", id)}, or takes as a
 *   parameter) becomes the receiver's or the package's ({@code s.log}, {@code c.Logger});</li>
 *   <li>the receiver's logger ({@code c.logger}, built with the object's fields) becomes a process-wide one: the
 *   standard {@code log}, {@code fmt}, {@code logrus}, {@code klog}, {@code glog}, {@code slog}, {@code zap.L()}.</li>
 * </ul>
 * The real fixes go the other way (README "logg48 (session 48)": securityonion-soc moved its handlers' lines to
 * {@code log.FromContext(ctx)} so each carries the request id, dapr/kit derived {@code WithContext(ctx)} loggers for
 * the trace id). Not this: a line whose new logger is itself derived ({@code With...}, {@code FromContext}), a rewrite
 * of the message (another event), a block that replaces more than the one line.
 */
public final class WidenedLoggers {

    private static final Pattern LEVEL = Pattern.compile(
            "^(?:Print|Info|Warn|Warning|Error|Debug|Trace|Notice|Fatal|Panic|Log)\\w*$");
    /**
     * A logger expression that carries the context, the request or fields derived for them; not a {@code With...} that
     * adds a throttle or a sampler (round 96's vmagent {@code logger.WithThrottler(...)}: a rate limit, LOG-01's).
     */
    private static final Pattern SCOPED = Pattern.compile(
            "\\((?:ctx|\\w*[cC]tx|r|req|request|c)\\)|\\b(?:FromContext|Ctx|WithContext|FromRequest|Tracer)\\s*\\("
                    + "|\\.With(?:Values|Fields?|Context|Group|Attrs|Name|Prefix|Tags?|Labels?|Ctx|Request\\w*|Trace\\w*"
                    + "|Span\\w*)?\\(");
    private static final Pattern PACKAGES = Pattern.compile("^(?:log|logrus|klog|glog|slog|zap|zerolog|hclog|fmt)$");
    private static final Pattern LOGGER_NAME = Pattern.compile("(?i)\\w*log(?:ger)?\\w*");
    /** What ties a line to its call: the context or request, or a field keyed or named as an identifier. */
    private static final Pattern IDENTIFYING = Pattern.compile(
            "\\((?:ctx|\\w*[cC]tx|r|req|request|c)\\)|\\b(?:FromContext|Ctx|WithContext|FromRequest|Tracer)\\s*\\("
                    + "|(?i:id|trace|span|request|correlation|tenant|user|session|call|job|task|run)\\w*\""
                    + "|\\w*(?:ID|Id)\\b");
    /** The process-wide loggers of the standard library and the common packages. */
    private static final Pattern GLOBAL = Pattern.compile(
            "^(?:log|fmt|logrus|klog|glog|slog|zap\\.L\\(\\)|zap\\.S\\(\\)|zerolog\\.log|stdlog)$");
    private static final Pattern FIELD = Pattern.compile("^\\w+\\.(?i:\\w*log\\w*)$");
    private static final Pattern REMOVED_CALL = Pattern.compile(
            "^\\s*(?<recv>[\\w.][^\\n]*)\\.(?<m>(?:Print|Info|Warn|Warning|Error|Debug|Trace|Notice|Fatal|Panic|Log)\\w*)"
                    + "\\s*\\((?<msg>\"(?:[^\"\\\\]|\\\\.)*\")");
    private static final Set<String> FUNCTIONS = Set.of("function_declaration", "method_declaration", "func_literal");

    private WidenedLoggers() {
    }

    /** The added Go log lines of a file that replace one line of the same message through a wider logger. */
    public static List<Spot> find(SyntaxNode root, byte[] src, IntPredicate added, IntFunction<String> replaced) {
        List<SyntaxNode> calls = new ArrayList<>();
        Shapes.walk(root, "call_expression", calls);
        List<Spot> out = new ArrayList<>();
        for (SyntaxNode c : calls) {
            int row = c.getStartPoint().getRow() + 1;
            SyntaxNode fn = c.getChildByFieldName("function");
            SyntaxNode args = c.getChildByFieldName("arguments");
            if (!added.test(row) || fn == null || fn.isNull() || !fn.getType().equals("selector_expression")
                    || args == null || args.isNull() || args.getNamedChildCount() == 0
                    || c.getParent() == null || !c.getParent().getType().equals("expression_statement")) {
                continue;
            }
            SyntaxNode field = fn.getChildByFieldName("field");
            SyntaxNode operand = fn.getChildByFieldName("operand");
            SyntaxNode msg = args.getNamedChild(0);
            if (!LEVEL.matcher(text(src, field)).matches() || !msg.getType().equals("interpreted_string_literal")) {
                continue;
            }
            String removed = onlyRemoved(replaced.apply(row));
            if (removed == null) {
                continue;
            }
            Matcher m = REMOVED_CALL.matcher(removed);
            if (!m.find() || !m.group("msg").equals(text(src, msg)) || !LEVEL.matcher(m.group("m")).matches()) {
                continue;
            }
            if (widens(m.group("recv"), text(src, operand).strip(), c, src)) {
                out.add(Shapes.at(c, true, null));
            }
        }
        return out;
    }

    /** The one removed line of a changed block that replaces it with one line; null otherwise. */
    private static String onlyRemoved(String block) {
        int first = block.indexOf('\n');
        int cut = block.indexOf("\n--\n");
        if (first < 0 || cut <= first) {
            return null;
        }
        String removed = block.substring(first + 1, cut + 1);
        String addedPart = block.substring(cut + 4);
        return removed.indexOf('\n') == removed.length() - 1 && addedPart.strip().indexOf('\n') < 0
                ? removed.strip() : null;
    }

    /**
     * A logger expression that is bound to the call it logs for: taken from the context or the request, or derived
     * with fields that name the call ({@code zerolog.Ctx(ctx)}, {@code c.Logger().WithField("tx_id", id)}). Shared
     * with {@code RequestLoggerDrops}, which reads such a logger given up for the standard one.
     */
    public static boolean boundToCall(String logger) {
        return SCOPED.matcher(logger).find() && IDENTIFYING.matcher(logger).find();
    }

    private static boolean widens(String was, String now, SyntaxNode c, byte[] src) {
        if (was.equals(now) || SCOPED.matcher(now).find()) {
            return false;
        }
        if (SCOPED.matcher(was).find()) {
            // a context's or request's logger given up, or fields that name the call: what the old logger carried
            // must identify (round 23's clean signalfx line and set 19's shiori line dropped a url and an address)
            return IDENTIFYING.matcher(was.startsWith(now) ? was.substring(now.length()) : was).find();
        }
        // a bare name is a local logger when the function declares or takes it, or when it is named as a logger and
        // is no logging package (round 93's logger parameter; gopass's debug package is neither)
        boolean wasLocal = was.matches("\\w+") && (declaredIn(c, src, was)
                || LOGGER_NAME.matcher(was).matches() && !PACKAGES.matcher(was).matches());
        if (wasLocal) {
            return now.contains(".") || GLOBAL.matcher(now).matches() && !declaredIn(c, src, now);
        }
        return FIELD.matcher(was).matches() && GLOBAL.matcher(now).matches() && !declaredIn(c, src, now);
    }

    /** The function around {@code c} assigns {@code name} ({@code log := s.log.WithValues(...)}) or takes it. */
    private static boolean declaredIn(SyntaxNode c, byte[] src, String name) {
        SyntaxNode fn = TreeSitter.enclosing(c, FUNCTIONS);
        if (fn == null) {
            return false;
        }
        String body = text(src, fn);
        return body.contains(name + " :=") || body.contains(name + ":=") || body.contains("(" + name + " ")
                || body.contains(", " + name + " ");
    }
}
