package kb.review.analysis;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The "context variant" entries of a Go model ({@code context-variants:}): calls that start a fresh context or ignore
 * the caller's, each with what to use instead. Read by {@link ContextDrops}.
 *
 * @param id     named by {@code analysis: context-dropped} rules in {@code resources:}
 * @param calls  the calls
 * @param source {@code file:line} of the definition
 */
public record ContextModel(String id, String language, List<Call> calls, String source) {

    /**
     * One call: a callee pattern, what to call instead ({@code {name}} stands for the method's name, so
     * {@code {name}Context} reads QueryContext for Query), and optional receiver narrowing as in the resource models.
     */
    public record Call(Pattern call, String use, Pattern receiverType, Pattern receiver) {
    }
}
