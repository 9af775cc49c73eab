package kb.review.analysis;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One "needs timeout" entry of a library model ({@code needs-timeout:} in {@code content/rules/models/*.yaml}): the
 * ways a client, server, connection or statement is built, and the fields, setters or builder methods that give it a
 * timeout. Read by {@link Timeouts}.
 *
 * @param id       named by {@code analysis: needs-timeout} rules in {@code resources:}
 * @param language {@code go} or {@code java}
 * @param shows    how a message names the object, e.g. {@code http.Client}
 * @param builds   the constructions
 * @param timeout  name patterns of the fields (Go literal keys, {@code v.F = ...}), setters and builder methods that
 *                 set a timeout; empty when nothing can (http.Get uses the default client)
 * @param all      true when every pattern in {@code timeout} must be set (connect and read), false when one is enough
 * @param disabled a pattern of the value text that switches a timeout off ({@code 0}), or null
 * @param uses     callees that take the object to use it, not to configure it (passing it to one is not a hand-over)
 * @param configures methods of the object that prepare it without waiting on a peer for data ({@code connect} of an
 *                 unconnected socket, which takes its own timeout): calling one before the setter is not a use
 * @param source   {@code file:line} of the definition
 * @param localUse a pattern of a call made right on the construction (its name and arguments,
 *                 {@code DialContext(ctx, "unix", path)}) that reaches no network peer, so the object needs no timeout;
 *                 or null
 * @param contextBound a pattern of the object's methods that take a context first ({@code DialContext}): a call whose
 *                 context the enclosing function bounds ({@code context.WithTimeout}, {@code context.WithDeadline})
 *                 has its timeout; or null
 * @param localFile a pattern of the file's text that says every such object in the file talks to no network peer
 *                 (the JDBC URL or driver of an embedded, in-process database), so none needs a timeout; or null
 * @param perUse   Java: name patterns of calls that give one query made from the object its own timeout (jOOQ's
 *                 {@code .queryTimeout(n)} on a query chain): when every statement of the file that uses the object's
 *                 holder carries one, the object needs none; empty when the library has no such call
 * @param unreadBy Go: callee patterns that take the object and never read its timeout fields (x/crypto/ssh's
 *                 {@code NewClientConn} runs the handshake on a connection the caller dialled; only {@code ssh.Dial}
 *                 reads {@code ClientConfig.Timeout}): a local handed only to such calls needs no timeout there
 * @param configBound Java: the setters in {@code timeout} take a configuration object (a pooled connection manager,
 *                 a request config); when that argument is built where the file shows it and nothing of its making
 *                 matches this pattern, the setter gives no timeout ({@link ConfigArguments}); or null
 * @param convention a pattern of the file's text that shows the project bounding such objects one by one (another
 *                 statement's {@code setQueryTimeout}); without it the bound, if any, lives out of sight (a pool's or
 *                 a driver's setting in configuration) and the object is not judged; or null (always judged)
 */
public record TimeoutModel(String id, String language, String shows, List<Build> builds, List<Pattern> timeout,
                           boolean all, Pattern disabled, List<String> uses, List<String> configures,
                           String source, Pattern localUse, Pattern contextBound,
                           Pattern localFile, List<Pattern> perUse, List<Pattern> unreadBy, Pattern configBound,
                           Pattern convention) {

    public TimeoutModel(String id, String language, String shows, List<Build> builds, List<Pattern> timeout,
                        boolean all, Pattern disabled, List<String> uses, List<String> configures,
                        String source, Pattern localUse, Pattern contextBound,
                        Pattern localFile, List<Pattern> perUse, List<Pattern> unreadBy, Pattern configBound) {
        this(id, language, shows, builds, timeout, all, disabled, uses, configures, source, localUse, contextBound,
                localFile, perUse, unreadBy, configBound, null);
    }

    public TimeoutModel(String id, String language, String shows, List<Build> builds, List<Pattern> timeout,
                        boolean all, Pattern disabled, List<String> uses, List<String> configures,
                        String source, Pattern localUse, Pattern contextBound,
                        Pattern localFile, List<Pattern> perUse, List<Pattern> unreadBy) {
        this(id, language, shows, builds, timeout, all, disabled, uses, configures, source, localUse, contextBound,
                localFile, perUse, unreadBy, null);
    }

    public TimeoutModel(String id, String language, String shows, List<Build> builds, List<Pattern> timeout,
                        boolean all, Pattern disabled, List<String> uses, List<String> configures,
                        String source, Pattern localUse, Pattern contextBound,
                        Pattern localFile, List<Pattern> perUse) {
        this(id, language, shows, builds, timeout, all, disabled, uses, configures, source, localUse, contextBound,
                localFile, perUse, List.of());
    }

    public TimeoutModel(String id, String language, String shows, List<Build> builds, List<Pattern> timeout,
                        boolean all, Pattern disabled, List<String> uses, List<String> configures,
                        String source, Pattern localUse, Pattern contextBound, Pattern localFile) {
        this(id, language, shows, builds, timeout, all, disabled, uses, configures, source, localUse, contextBound,
                localFile, List.of());
    }

    public TimeoutModel(String id, String language, String shows, List<Build> builds, List<Pattern> timeout,
                        boolean all, Pattern disabled, List<String> uses, List<String> configures, String source) {
        this(id, language, shows, builds, timeout, all, disabled, uses, configures, source, null, null, null);
    }

    /** How the object is made. */
    public enum Via {
        /** A call by callee text ({@code http.Get}, {@code HttpClient.newBuilder}, {@code c.prepareStatement}). */
        CALL,
        /** A Java constructor by simple type name. */
        NEW,
        /** A Go composite literal by type text ({@code http.Client}). */
        LITERAL,
        /** A package-level value used by name ({@code http.DefaultClient}). */
        NAME
    }

    /**
     * One construction.
     *
     * @param args a pattern the argument text must match, or null
     * @param safe true when the object's defaults already bound every wait: only a setter that disables a timeout is
     *             reported (OkHttp's builders default to 10 s)
     * @param fixedPeer built-once only: the construction counts only when its first argument is a field of the
     *                  enclosing Go method's receiver (the one peer the client value stands for, dialled per call)
     * @param configuredPeer built-once only ({@code peer: receiver-config}): the construction counts only in a Go
     *                  method that serves a request (it takes a parameter besides a context) and builds the client
     *                  from its receiver's configuration, with none of its parameters in the arguments: a function
     *                  that connects to the address it is given (a probe, a one-shot command) decides nothing about
     *                  how often it runs, and a method without parameters is a lifecycle step (Run, Start, Open)
     * @param inHandler built-once only ({@code peer: request-handler}): the construction counts only in a Go function
     *                  that serves an HTTP request (it takes the request or a web framework's context), which runs per
     *                  request whatever its arguments say; a command or a controller's start-up builds it once
     * @param receiverType Java calls only: a pattern the declared type of the call's receiver must match (a local,
     *                  parameter or field of the file, generic arguments left out), or null; a receiver whose type the
     *                  file does not declare never matches ({@code builder.build()} on an injected
     *                  {@code RestTemplateBuilder}, {@code client.get(path)} on a Vert.x {@code WebClient})
     */
    public record Build(Via via, Pattern pattern, Pattern args, boolean safe, boolean fixedPeer,
                        boolean configuredPeer, boolean inHandler, Pattern receiverType) {

        public Build(Via via, Pattern pattern, Pattern args, boolean safe, boolean fixedPeer,
                     boolean configuredPeer, boolean inHandler) {
            this(via, pattern, args, safe, fixedPeer, configuredPeer, inHandler, null);
        }

        public Build(Via via, Pattern pattern, Pattern args, boolean safe, boolean fixedPeer, boolean configuredPeer) {
            this(via, pattern, args, safe, fixedPeer, configuredPeer, false);
        }

        public Build(Via via, Pattern pattern, Pattern args, boolean safe, boolean fixedPeer) {
            this(via, pattern, args, safe, fixedPeer, false);
        }

        public Build(Via via, Pattern pattern, Pattern args, boolean safe) {
            this(via, pattern, args, safe, false);
        }
    }

    /** True when nothing can give the object a timeout after it is built. */
    public boolean fixed() {
        return timeout.isEmpty();
    }
}
