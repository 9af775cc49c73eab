package kb.review.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a Java line sets a time limit on a call when the method's own name does not say so (session 53, tmo53); the
 * forms {@link DeletedTimeoutSetters#SETTER} reads by the method's name ({@code .setSocketTimeout(ms)},
 * {@code .timeout(d)}) stay there. Three more, each the library's or the language's way, none a project's:
 * <ul>
 * <li>a keyed setting whose key names the limit: {@code .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)} (Netty),
 * {@code props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000)} (Kafka), {@code props.setProperty(
 * "mail.smtp.timeout", "10000")} (JavaMail), {@code .property(ClientProperties.READ_TIMEOUT, ms)} (Jersey),
 * {@code .withOption(ConnectOptions.DEADLINE, d)};</li>
 * <li>an operator of the {@link #OPERATORS} table whose name does not say timeout: Mutiny's {@code .ifNoItem()
 * .after(d)}, gRPC's {@code .withDeadlineAfter(n, unit)} and {@code .withDeadline(d)};</li>
 * <li>a chain step whose argument is a value named for the limit ({@code .after(this.fetchTimeout)},
 * {@code .within(requestTimeout)}): the code's own name for what the step bounded.</li>
 * </ul>
 * Not a limit here: idle, keep-alive, linger, eviction, shutdown, close, grace, TTL, lease, validation, retry, backoff,
 * interval, delay and period values (they bound no wait of the caller), a value that turns the limit off ({@code 0},
 * {@code -1}, {@code Duration.ZERO}), a string with spaces (a message, not a key), a lambda, and a name of an exception,
 * a handler or a counter ({@code TimeoutException.class}, {@code timeoutCounter}).
 */
final class TimeLimitSettings {

    /** Words that name a limit of a wait, in a key or a value's name. */
    static final Pattern LIMIT_WORD = Pattern.compile("(?i)time_?out|deadline|max_?time|max[._]?block|max_?wait");
    /** Words that name something that bounds no wait of the caller. */
    static final Pattern NOT_A_WAIT = Pattern.compile("(?i)idle|keep_?alive|linger|evict|shutdown|close|grace|ttl"
            + "|lease|validation|without|disable|retry|retries|backoff|interval|delay|period|expir|cache|heartbeat");
    /** A name of an exception, a handler, a counter or a flag: it says a limit exists elsewhere, it sets none. */
    private static final Pattern NOT_A_VALUE = Pattern.compile(
            "(?:Exception|Error|Handler|Listener|Callback|Count|Counter|Metric|Enabled|Class)$");
    /** A keyed setting: group 1 the method, 2 the key (a constant or a string without spaces), 3 the value. */
    private static final Pattern KEYED = Pattern.compile(
            "^\\s*(?:(?:this\\.)?[A-Za-z_$][\\w$]*(?:\\(\\))?\\s*)?\\.\\s*(\\w+)\\s*\\(\\s*(\"[^\"\\s]*\"|[A-Za-z_$][\\w$.]*)"
                    + "\\s*,\\s*(.+?)\\s*\\)\\s*[;)]?\\s*(?://.*)?$");
    /** The methods a keyed setting is written with. */
    private static final Pattern KEYED_METHOD = Pattern.compile(
            "(?i)put|set|setProperty|option|childOption|property|withOption|withProperty|config|configure|setOption"
                    + "|setConfig|param|setParameter|header|addProperty");
    /** The time-limit operators whose name does not say timeout (the table; data, the libraries' names). */
    static final Pattern OPERATORS = Pattern.compile(
            "\\.\\s*ifNoItem\\s*\\(\\s*\\)\\s*\\.\\s*after\\s*\\(|\\.\\s*withDeadline(?:After)?\\s*\\(");
    /** A chain step: group 1 the method, group 2 its arguments (to the line's last parenthesis). */
    private static final Pattern STEP = Pattern.compile("^\\s*\\.\\s*(\\w+)\\s*\\((.*)\\)[^()]*$");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][\\w$]*");
    private static final Pattern OFF = Pattern.compile(
            "^\\s*(?:0+[lL]?|-1|\"0\"|Duration\\.ZERO|Timeout\\.DISABLED|Integer\\.MAX_VALUE|Long\\.MAX_VALUE)\\s*$");
    /** The header of a loop that sets something on each part ({@code for (Resolver r : resolver.getResolvers()) {}). */
    static final Pattern LOOP = Pattern.compile("^\\s*for\\s*\\(.*\\)\\s*\\{\\s*$");

    private TimeLimitSettings() {
    }

    /** True when {@code line} sets a time limit in one of the three forms above. */
    static boolean limits(String line) {
        if (!LIMIT_WORD.matcher(line).find() && !OPERATORS.matcher(line).find() || line.strip().startsWith("//")) {
            return false;
        }
        Matcher s = STEP.matcher(line);
        if (s.matches() && OPERATORS.matcher(line).find()) {
            return true; // the operator is the limit, whatever its failure callback builds
        }
        if (line.contains("->")) {
            return false;
        }
        Matcher k = KEYED.matcher(line);
        if (k.matches() && KEYED_METHOD.matcher(k.group(1)).matches()) {
            String key = k.group(2);
            return LIMIT_WORD.matcher(key).find() && !NOT_A_WAIT.matcher(key).find() && !OFF.matcher(k.group(3))
                    .matches();
        }
        if (!s.matches() || NOT_A_WAIT.matcher(s.group(1)).find()) {
            return false;
        }
        String args = s.group(2).replaceAll("\"[^\"]*\"", "\"\"");
        Matcher n = NAME.matcher(args);
        while (n.find()) {
            String name = n.group();
            if (LIMIT_WORD.matcher(name).find() && !NOT_A_WAIT.matcher(name).find()
                    && !NOT_A_VALUE.matcher(name).find()) {
                return !OFF.matcher(args).matches();
            }
        }
        return false;
    }
}
