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
 * @param declared true when every function the file declares with an error as its last result is taken too (an
 *                 errcheck of the change's own functions), not only those that make a modelled call
 * @param except   callees never taken, whatever they return (errcheck's exclusions: a print, an in-memory write, a
 *                 close or removal on the way out); null when none
 * @param helpers  true when a function of the file that returns an error and makes one of the calls is taken as one
 *                 of them (false for a model of calls whose value carries the error: the helper returns a plain error,
 *                 which errcheck's own-function pass already judges)
 */
public record ErrorModel(String id, String language, String shows, List<Call> calls, String source,
                         boolean declared, Pattern except, boolean helpers) {

    public ErrorModel(String id, String language, String shows, List<Call> calls, String source) {
        this(id, language, shows, calls, source, false, null, true);
    }

    /**
     * One call: a callee pattern, the number of results (the error is the last), and optional receiver narrowing as
     * in the resource models (a declared type is sure, a name alone is a guess). {@code args} is a regex the argument
     * list (with its parentheses) must match; {@code argType} and {@code arg} narrow the first argument as
     * {@code receiverType} and {@code receiver} narrow the receiver ({@code io.Copy(f, rc)} into a file, not a
     * connection); each null when not given.
     */
    public record Call(Pattern call, int results, Pattern receiverType, Pattern receiver, Pattern args,
                       Pattern argType, Pattern arg) {

        public Call(Pattern call, int results, Pattern receiverType, Pattern receiver) {
            this(call, results, receiverType, receiver, null, null, null);
        }
    }
}
