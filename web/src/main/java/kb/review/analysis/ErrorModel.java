package kb.review.analysis;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One "returns error" entry of a Go library model ({@code returns-error:}): calls whose last result is an error that
 * must be checked, with how many results they return. Read by {@link Discards}.
 *
 * @param id     named by {@code analysis: error-to-blank} and {@code error-unchecked} rules in {@code resources:}
 * @param shows  how a message names the calls, e.g. {@code database call}
 * @param calls  the calls
 * @param source {@code file:line} of the definition
 */
public record ErrorModel(String id, String language, String shows, List<Call> calls, String source) {

    /**
     * One call: a callee pattern, the number of results (the error is the last), and optional receiver narrowing as
     * in the resource models (a declared type is sure, a name alone is a guess).
     */
    public record Call(Pattern call, int results, Pattern receiverType, Pattern receiver) {
    }
}
