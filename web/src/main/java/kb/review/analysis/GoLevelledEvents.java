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

    private static final Pattern DETAIL_EVENT = Pattern.compile("\\.(?:Debug|Trace)\\(\\s*\\)\\s*\\.\\s*\\w+$");
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
        return !EAGER.matcher(SyntaxNode.text(src, top)).find();
    }
}
