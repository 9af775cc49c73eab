package kb.review.analysis;

import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * A Go log line built as a levelled event at debug or trace ({@code log.Debug().Str("k", v).Msg("...")},
 * {@code logger.Trace().Msgf(...)}: zerolog's API and the loggers shaped after it). Such a logger returns no event
 * when the level is off, and every field and message call on the missing event returns at once, so the line costs a
 * level test per element: what LOG-01 asks of per-element detail ("goes to debug level, guarded so it costs nothing
 * when off"; precision set 15's class AY). A chain that formats or serialises in its arguments ({@code fmt.Sprintf},
 * {@code json.Marshal}, {@code strings.Join}) pays that on every element whatever the level, and a levelled call that
 * takes its arguments directly ({@code Debugf(...)}, {@code Debug("msg", args...)}) boxes them per call; both stay
 * reviewed, as do info and higher levels.
 */
final class GoLevelledEvents {

    /** A chain opened at debug or trace: {@code log.Debug().Msg}, {@code c.log.Trace().Str("k", v).Int("n", n).Send}. */
    private static final Pattern DETAIL_EVENT = Pattern.compile("\\.(?:Debug|Trace)\\(\\s*\\)\\s*\\.\\s*\\w+");
    private static final Pattern DETAIL_LEVEL = Pattern.compile("\\.(?:Debug|Trace)$");
    private static final Pattern EAGER = Pattern.compile(
            "\\b(?:fmt\\.Sprint\\w*|json\\.Marshal\\w*|strings\\.Join|spew\\.\\w+|proto\\.Marshal\\w*)\\s*\\(");

    private GoLevelledEvents() {
    }

    /** {@code log.Debug()} with no arguments whose result is the operand of a further link ({@code .Msg}, {@code .Str}). */
    private static boolean opensChain(SyntaxNode call) {
        SyntaxNode args = call.getChildByFieldName("arguments");
        SyntaxNode p = call.getParent();
        return args != null && !args.isNull() && args.getNamedChildCount() == 0 && p != null && !p.isNull()
                && p.getType().equals("selector_expression");
    }

    /** True when the Go call {@code call} is a link of a debug or trace event chain that builds nothing when off. */
    static boolean disabledDetail(SyntaxNode call, String callee, byte[] src) {
        if (!DETAIL_EVENT.matcher(callee).find() && !(DETAIL_LEVEL.matcher(callee).find() && opensChain(call))) {
            return false;
        }
        // the whole chain the call belongs to: walk up while this call is the operand of a further link
        SyntaxNode top = call;
        for (SyntaxNode p = call.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (!t.equals("selector_expression") && !t.equals("call_expression")) {
                break;
            }
            top = p;
        }
        return !EAGER.matcher(withoutLiterals(top, src)).find();
    }

    /**
     * The text of {@code n} with the bodies of its function literals left out: a formatter inside one runs only when
     * the logger calls it (zerolog's {@code MsgFunc(func() string {...})}, {@code Func(func(e *Event) {...})}).
     */
    static String withoutLiterals(SyntaxNode n, byte[] src) {
        StringBuilder out = new StringBuilder();
        int[] at = {n.getStartByte()};
        skipLiterals(n, src, out, at);
        out.append(new String(src, at[0], n.getEndByte() - at[0], java.nio.charset.StandardCharsets.UTF_8));
        return out.toString();
    }

    private static void skipLiterals(SyntaxNode n, byte[] src, StringBuilder out, int[] at) {
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            SyntaxNode c = n.getNamedChild(i);
            if (c.getType().equals("func_literal")) {
                out.append(new String(src, at[0], c.getStartByte() - at[0], java.nio.charset.StandardCharsets.UTF_8));
                at[0] = c.getEndByte();
            } else {
                skipLiterals(c, src, out, at);
            }
        }
    }

    /**
     * A levelled Go call at debug or trace that formats only when the level is on: slog's {@code Debug} and
     * {@code DebugContext}, zap's {@code Debug} with fields and its sugared {@code Debugf}/{@code Debugw}, logrus',
     * apex's and charmbracelet's {@code Debug}/{@code Debugf}, hclog's {@code Trace}, logr's and klog's {@code V(n)}
     * lines, go-kit's {@code level.Debug(l).Log}. Each tests its level before it formats, so the line per element
     * costs a level test and the boxing of values already at hand: LOG-01's own remedy for per-element detail. Set 17
     * judged all ten such lines false (AY, N, FJ, HI), as sets 12 to 16 did (AY). Still reviewed: arguments that
     * format or serialise ({@link #EAGER}, or a {@code .String()} call), and the data path, where the sets judged a
     * debug line per frame or block true (kitex, juicefs): a loop whose text names frames, packets, blocks or chunks.
     */
    private static final Pattern LAZY_DETAIL = Pattern.compile(
            "\\.(?:Debug|Trace)(?:f|w|ln|Context|S)?$|\\bV\\(\\s*[1-9]\\d*\\s*\\)\\.(?:Info|Infof|InfoS|Infoln)$"
                    + "|^level\\.Debug\\([^()]*\\)\\.Log$");
    private static final Pattern VERBOSITY = Pattern.compile("(?:^|\\.)V$");
    private static final Pattern VERBOSE_LEVEL = Pattern.compile("\\(\\s*(?:[1-9]\\d*|[\\w.]*(?i:debug|trace|verbose)\\w*)\\s*\\)");
    /** A call in the arguments whose name says it builds text: a project's marshal, dump or encode helper. */
    private static final Pattern BUILDS = Pattern.compile(
            "(?i)\\b\\w*(?:marshal|json|serializ|dump|sprint|join|encode|tostring|pretty)\\w*\\s*\\(");
    private static final Pattern STRINGER = Pattern.compile("\\.String\\(\\s*\\)");
    private static final Pattern DATA_PATH = Pattern.compile("(?i)frame|packet|block|chunk|segment|datagram|\\bbuf\\b");

    /** True when the Go log call {@code call} named {@code callee} is lazy detail (see {@link #LAZY_DETAIL}). */
    static boolean lazyDetail(SyntaxNode call, String callee, byte[] src) {
        if (VERBOSITY.matcher(callee).find()) {
            // klog.V(4) itself: the level test of the line it opens, which is judged as its own call (V(n).Infof)
            SyntaxNode args = call.getChildByFieldName("arguments");
            return args != null && !args.isNull() && VERBOSE_LEVEL.matcher(SyntaxNode.text(src, args)).matches();
        }
        if (!LAZY_DETAIL.matcher(callee).find()) {
            return false;
        }
        SyntaxNode args = call.getChildByFieldName("arguments");
        String text = args == null || args.isNull() ? "" : withoutLiterals(args, src);
        if (EAGER.matcher(text).find() || STRINGER.matcher(text).find() || BUILDS.matcher(text).find()) {
            return false;
        }
        for (SyntaxNode p = call.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("func_literal") || t.equals("function_declaration") || t.equals("method_declaration")) {
                break;
            }
            if (t.equals("for_statement")) {
                SyntaxNode body = p.getChildByFieldName("body");
                int end = body == null || body.isNull() ? p.getEndByte() : body.getStartByte();
                String head = new String(src, p.getStartByte(), end - p.getStartByte(),
                        java.nio.charset.StandardCharsets.UTF_8);
                return !DATA_PATH.matcher(head).find() && !DATA_PATH.matcher(text).find();
            }
        }
        return true;
    }
}
