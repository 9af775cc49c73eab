package kb.review.analysis;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The "context variant" entries of a model ({@code context-variants:}): calls that start a fresh context, ignore the
 * caller's, or (Java) wait without a bound, each with what to use instead. Read by {@link ContextDrops} (Go) and
 * {@link DeadlineDrops} (Java).
 *
 * @param id     named by {@code analysis: context-dropped} rules in {@code resources:}
 * @param given  Java: the parameters that carry the caller's deadline or timeout; empty for Go, whose context
 *               parameter ({@code context.Context}, {@code *http.Request}) is known without a model
 * @param calls  the calls
 * @param source {@code file:line} of the definition
 */
public record ContextModel(String id, String language, List<Given> given, List<Call> calls, String source) {

    /** A parameter that carries a deadline: its declared type, and optionally a pattern its name must match. */
    public record Given(Pattern type, Pattern name) {
    }

    /**
     * One call: a callee pattern, what to call instead ({@code {name}} stands for the method's name, so
     * {@code {name}Context} reads QueryContext for Query; {@code {ctx}} for the caller's context or deadline), optional
     * receiver narrowing as in the resource models, {@code args} a pattern the argument list (with its parentheses)
     * must match, and {@code bounded} a pattern that, found in the call's method chain or on a line that assigns its
     * receiver, says a bound was set another way ({@code orTimeout}, {@code withDeadlineAfter}).
     */
    public record Call(Pattern call, String use, Pattern receiverType, Pattern receiver, Pattern args,
                       Pattern bounded) {
    }
}
