package kb.review.analysis;

import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * A fresh context handed straight to a line of output: a logger's or a terminal helper's level call
 * ({@code ui.Warnf(context.Background(), ...)}, {@code slog.InfoContext(context.TODO(), ...)},
 * {@code log.Ctx(context.Background())}). Such a call reads values from the context (a trace id, the writer of a
 * command's output) and waits for nothing, so no deadline or cancellation is lost that TMO-02 is about (set 23's NU,
 * cosign's deprecation warnings). A fresh context given to any other call stays a drop.
 */
final class OutputContexts {

    /** The last name of an output call: a level or print method, with its printf, context and key-value forms. */
    private static final Pattern OUTPUT = Pattern.compile(
            "(?:^|\\.)(?i:trace|debug|info|notice|warn|warning|error|print|log|ctx)(?:f|ln|w|Context|Ctx)?$");

    private OutputContexts() {
    }

    /** True when {@code call} (the fresh context's own call) is an argument of an output call. */
    static boolean onlyForOutput(SyntaxNode call, byte[] src) {
        SyntaxNode args = call.getParent();
        if (args == null || args.isNull() || !args.getType().equals("argument_list")) {
            return false;
        }
        SyntaxNode outer = args.getParent();
        if (outer == null || outer.isNull() || !outer.getType().equals("call_expression")) {
            return false;
        }
        SyntaxNode fn = outer.getChildByFieldName("function");
        return fn != null && !fn.isNull() && OUTPUT.matcher(SyntaxNode.text(src, fn).strip()).find();
    }
}
