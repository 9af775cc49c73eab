package kb.review.analysis;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One resource of a library model ({@code content/rules/models/*.yaml}): the calls that acquire it, the calls that
 * release it, and how a finding names it.
 *
 * @param id       the resource's id, named by rules in {@code resources:}
 * @param language {@code go} or {@code java}
 * @param kind     resource, cancel, transaction or thread-local; chooses the wording of paths
 * @param shows    how a message names the held value, {@code {v}} standing for the variable
 * @param verb     what is missing, e.g. {@code closing}
 * @param releases call templates that end the lifecycle, {@code {v}} standing for the variable
 * @param borrows  functions that read an argument without taking it over (passing to them is not an escape)
 * @param escapes  false when handing the value to a function does not move the duty (transactions, thread-locals)
 * @param source   {@code file:line} of the definition
 * @param normalPathsOnly true when only the normal ways out (a return, the end, an explicit throw) must release: an
 *                 exception out of a call is not followed ({@code exception-paths: 'false'}, for values whose
 *                 library recovers them when an exception ends the work, such as Netty's leak-detected buffers)
 * @param heldFrom  the value's methods that open its connection ({@code held-from: '^connect$'}), or null: a session
 *                 or client object that holds nothing until it connects (a JSch session from {@code getSession}, a
 *                 new {@code FTPClient}) leaks nothing through an exception thrown before that call returns (its own
 *                 failure included: the library drops the half-open socket), so those exception paths are not followed
 * @param closedWithOwner Java ({@code closed-with-owner: 'true'}): the library's contract says closing the local the
 *                 value was made from ({@code {r}} in a release template) closes the value too, on every path and
 *                 whether or not the function ever closes the value itself: a JMS session or an AMQP channel goes
 *                 with its connection. Without it an owner's release counts only in a function that handles the value
 *                 itself elsewhere (JDBC statements, whose pooled connections may outlive them)
 */
public record Model(String id, String language, String kind, String shows, String verb, List<Acquire> acquires,
                    List<String> releases, List<String> borrows, boolean escapes, String source,
                    boolean normalPathsOnly, Pattern heldFrom, boolean closedWithOwner) {

    public Model(String id, String language, String kind, String shows, String verb, List<Acquire> acquires,
                 List<String> releases, List<String> borrows, boolean escapes, String source,
                 boolean normalPathsOnly, Pattern heldFrom) {
        this(id, language, kind, shows, verb, acquires, releases, borrows, escapes, source, normalPathsOnly, heldFrom,
                false);
    }

    public Model(String id, String language, String kind, String shows, String verb, List<Acquire> acquires,
                 List<String> releases, List<String> borrows, boolean escapes, String source,
                 boolean normalPathsOnly) {
        this(id, language, kind, shows, verb, acquires, releases, borrows, escapes, source, normalPathsOnly, null);
    }

    public Model(String id, String language, String kind, String shows, String verb, List<Acquire> acquires,
                 List<String> releases, List<String> borrows, boolean escapes, String source) {
        this(id, language, kind, shows, verb, acquires, releases, borrows, escapes, source, false);
    }

    /**
     * One way to acquire: a call whose callee text matches {@code call}, or a constructor whose type matches
     * {@code newType}. {@code receiver} (a name pattern) and {@code receiverType} (a declared-type pattern) narrow a
     * method call; a match on the declared type is sure, a match on the name alone is low confidence.
     *
     * @param result which of a Go call's results holds the resource
     * @param track  {@code result} (the value returned) or {@code receiver} (the object the call was made on)
     * @param args   a pattern the argument text must match, or null
     * @param sure   false when the model itself says the match is a guess
     * @param argType Java: a pattern on the declared type of a constructor's first argument, a name
     *                ({@code new Scanner(file)} with {@code File file}); with {@code args}, either one matching will do
     * @param returns Go: a pattern on a declared result type of a function the review can see ({@code *http.Response});
     *                such a function that does not release what it returns hands its caller the duty. Java: a pattern
     *                on the declared return type (without type arguments) of a method the change declares without a
     *                body, an interface's or an abstract one ({@code Cursor<Order> streamAll();} of a mapper): a call
     *                of it stored in a local acquires
     * @param localType Java, with {@code returns}: the declared type of the local a call is stored in counts as the
     *                call's return type too ({@code Cursor<Order> orders = mapper.streamAll();} with the mapper out of
     *                sight); for types whose every value is the holder's to close
     * @param cast    Java: a pattern on the type a parameter is cast to and stored in a local ({@code ByteBuf buf =
     *                (ByteBuf) msg;}): the method's caller handed it over, and the cast says what it is
     * @param inMethod Java, with {@code cast}: a pattern on the name of the method whose parameter is cast
     *                ({@code channelRead})
     * @param wraps   Java: the entry is a decorator whose close closes what it wraps ({@code Channels.newWriter(ch)},
     *                {@code new BufferedWriter(w)}): it acquires too when its first argument is a local the method
     *                itself acquired and does not release ({@link WrappedAcquisitions})
     */
    public record Acquire(Pattern call, Pattern newType, Pattern receiver, Pattern receiverType, Pattern args,
                          int result, boolean track, boolean sure, boolean expressionOnly, Pattern argType,
                          Pattern returns, boolean localType, Pattern cast, Pattern inMethod, boolean wraps) {

        public Acquire(Pattern call, Pattern newType, Pattern receiver, Pattern receiverType, Pattern args,
                       int result, boolean track, boolean sure, boolean expressionOnly, Pattern argType,
                       Pattern returns, boolean localType, Pattern cast, Pattern inMethod) {
            this(call, newType, receiver, receiverType, args, result, track, sure, expressionOnly, argType, returns,
                    localType, cast, inMethod, false);
        }

        public Acquire(Pattern call, Pattern newType, Pattern receiver, Pattern receiverType, Pattern args,
                       int result, boolean track, boolean sure, boolean expressionOnly, Pattern argType,
                       Pattern returns) {
            this(call, newType, receiver, receiverType, args, result, track, sure, expressionOnly, argType, returns,
                    false, null, null);
        }

        public Acquire(Pattern call, Pattern newType, Pattern receiver, Pattern receiverType, Pattern args,
                       int result, boolean track, boolean sure) {
            this(call, newType, receiver, receiverType, args, result, track, sure, false, null, null);
        }

        public Acquire(Pattern call, Pattern newType, Pattern receiver, Pattern receiverType, Pattern args,
                       int result, boolean track, boolean sure, boolean expressionOnly, Pattern argType) {
            this(call, newType, receiver, receiverType, args, result, track, sure, expressionOnly, argType, null);
        }

        /** True when the tracked value is the call's receiver, not its result. */
        public boolean tracksReceiver() {
            return track;
        }

        /**
         * How the call's receiver matches this entry: TRUE by its declared type, FALSE by its name alone (no declared
         * type visible), null when it does not match.
         *
         * @param name         the receiver's last name ({@code c} of {@code s.c.Get})
         * @param declaredType its declared type where one is visible, else null
         */
        public Boolean receiverMatch(String name, String declaredType) {
            if (receiverType != null && declaredType != null) {
                return receiverType.matcher(declaredType).find() ? Boolean.TRUE : null;
            }
            if (receiver != null) {
                return receiver.matcher(name).find() ? Boolean.FALSE : null;
            }
            return null;
        }
    }

    /**
     * True when a release template names the key the acquiring call was given ({@code {k}}, its first argument): the
     * duty is then per key ({@code MDC.put("user", u)} is ended by {@code MDC.remove("user")}, not by another key's
     * remove), so each acquisition is checked against {@link #forKey} of its own key.
     */
    public boolean keyed() {
        return releases.stream().anyMatch(t -> t.contains("{k}"));
    }

    /**
     * This model for one key: {@code {k}} in the release templates and in {@code shows} replaced by the key's source
     * text (a literal or a constant), so release patterns and messages name that key.
     */
    public Model forKey(String key) {
        String k = key.strip();
        return new Model(id, language, kind, shows.replace("{k}", k), verb, acquires,
                releases.stream().map(t -> t.replace("{k}", k)).toList(), borrows, escapes, source + "[" + k + "]",
                normalPathsOnly, heldFrom, closedWithOwner);
    }

    /** True for a model {@link #forKey} bound to one key. */
    public boolean boundToKey() {
        return source.endsWith("]");
    }

    /** The message text naming the held value for variable {@code v}. */
    public String show(String v) {
        return shows.replace("{v}", v);
    }

    private static final java.util.Map<String, Pattern> RELEASES = new java.util.concurrent.ConcurrentHashMap<>();

    /** A regex finding any release of variable {@code v}; compiled once per model and name. */
    Pattern releasePattern(String v) {
        String key = source + "\0" + v;
        Pattern p = RELEASES.get(key);
        if (p == null) {
            if (RELEASES.size() > 50_000) {
                RELEASES.clear(); // bounded: names come from reviewed code
            }
            p = RELEASES.computeIfAbsent(key, k -> compileRelease(v));
        }
        return p;
    }

    /** True when {@code code} releases variable {@code v} by one of the model's templates. */
    public boolean releasedIn(String code, String v) {
        return releasePattern(v).matcher(code).find();
    }

    private Pattern compileRelease(String v) {
        StringBuilder sb = new StringBuilder();
        for (String t : releases) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(template(t, v));
        }
        return Pattern.compile(sb.toString());
    }

    /**
     * A call template as a regex: literal text quoted (spaces optional around dots and parentheses), {@code {v}}
     * the variable as a whole name, {@code {*}} any text on the same line and statement, a trailing {@code ()} any
     * argument list.
     */
    static String template(String t, String v) {
        String body = t.endsWith("()") ? t.substring(0, t.length() - 2) : t;
        boolean call = t.endsWith("()");
        StringBuilder sb = new StringBuilder("(?:");
        String[] parts = body.split("\\{v}", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append("(?<![\\w.$])").append(Pattern.quote(v)).append("(?![\\w$])");
            }
            // {*}: any text of the same statement ('{v}.Exec{*}COMMIT' is an Exec of a COMMIT, whatever comes between)
            String[] pieces = parts[i].split("\\{\\*}", -1);
            for (int j = 0; j < pieces.length; j++) {
                sb.append(j > 0 ? "[^\\n;]*?" : "").append(literal(pieces[j]));
            }
        }
        if (call) {
            sb.append("\\s*\\(");
        }
        return sb.append(')').toString();
    }

    private static String literal(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '.' || c == '(' || c == ')' || c == ',') {
                sb.append("\\s*\\").append(c).append("\\s*");
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                sb.append(c);
            } else if (!Character.isWhitespace(c)) {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}
