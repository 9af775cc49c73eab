package kb.review.analysis;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import kb.format.YamlTree;
import kb.review.diff.SyntaxNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loops whose every turn is slow by construction, so a log line per turn is not a flood (LOG-01): a turn that waits a
 * second or more, or one that sends a request to another process and waits for the answer. Which calls are such
 * round trips is library knowledge, read from the models' {@code round-trips:} key (a synchronous RPC, an HTTP
 * exchange, a query), so a team adds its own RPC client in YAML.
 */
final class LoopPacing {

    /** A callee pattern of a call that sends one request and waits for its answer, for one language. */
    record RoundTrip(String language, Pattern call, String source) {
    }

    /** Unrelated callees a round-trip pattern must not all match: one that does names no client. */
    private static final List<String> EVERY_CALLEE = List.of("q", "list.add", "fmt.Println");

    private LoopPacing() {
    }

    /**
     * Reads a model file's {@code round-trips:} list, one callee regex per entry; every mistake is reported at the
     * entry's line: not a text, not a valid regex, or a pattern that matches every callee (which would take every
     * loop for a paced one and silence LOG-01).
     */
    static void read(YamlTree y, String name, String language, Map<String, Node> top, List<RoundTrip> out) {
        read(y, name, language, top, "round-trips", out);
    }

    /** The same for another key of callee patterns ({@code polls:}, see {@link PollLoops}). */
    static void read(YamlTree y, String name, String language, Map<String, Node> top, String key,
                     List<RoundTrip> out) {
        String label = key.equals("round-trips") ? "round-trip" : "poll";
        for (PatternLists.Entry e : PatternLists.read(y, top, key, "callee patterns", label, EVERY_CALLEE,
                "matches every callee: name the client's calls")) {
            out.add(new RoundTrip(language, e.pattern(), name + ":" + YamlTree.line(e.node())));
        }
    }

    /**
     * A wait of a second or more: a timed offer/poll/await in seconds, minutes or hours, a sleep of as long
     * ({@code TimeUnit.SECONDS.sleep(3)}, {@code Thread.sleep(5000)}, {@code time.Sleep(2 * time.Second)}).
     */
    private static final Pattern SECONDS_WAIT = Pattern.compile("\\b\\d+[lL]?\\s*,\\s*(?:TimeUnit\\.)?(?:SECONDS|MINUTES|HOURS)\\b"
            + "|\\b(?:TimeUnit\\.)?(?:SECONDS|MINUTES|HOURS)\\.sleep\\s*\\(|\\bThread\\.sleep\\s*\\(\\s*[1-9][\\d_]{3,}[lL]?\\s*\\)"
            + "|\\btime\\.(?:Sleep|After)\\s*\\([^()]*\\btime\\.(?:Second|Minute|Hour)\\b");

    /**
     * True when every turn of {@code loop} waits a second or more, in its condition
     * ({@code while (!buffer.offer(r, 3, TimeUnit.SECONDS))}) or in a statement of its body that is not under a
     * branch: at most one line a second per caller, which is the rate limit the item asks for. A 50 ms pause is not
     * one (a warning every 50 ms is a flood).
     */
    static boolean pacedBySeconds(SyntaxNode loop, byte[] src) {
        SyntaxNode cond = loop.getChildByFieldName("condition");
        SyntaxNode clause = LogTraffic.child(loop, "for_clause");
        if (clause != null) {
            cond = clause.getChildByFieldName("condition");
        }
        if (cond != null && !cond.isNull() && SECONDS_WAIT.matcher(SyntaxNode.text(src, cond)).find()) {
            return true;
        }
        for (SyntaxNode st : LogTraffic.bodyStatements(loop)) {
            if (waits(st, src)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A Go sleep or timer wait whose duration the author named a back-off or a delay ({@code time.Sleep(backoff)},
     * {@code time.Sleep(delayReconnectTime)}): a retry pace chosen on purpose, which grows or is configured, not a spin.
     */
    private static final Pattern BACKOFF_WAIT = Pattern.compile("\\btime\\.(?:Sleep|After)\\s*\\(\\s*(?:\\w+\\.)*\\w*"
            + "(?i:backoff|delay)\\w*\\s*\\)");

    /**
     * (session 34) A Java sleep whose duration the author named as the pace of a wait or a retry: {@code
     * Thread.sleep(sleep)} after a back-off grows it, {@code ThreadUtils.sleep(SLEEP_TIME_MILLIS)}, {@code
     * timer.sleep(SERVER_READY_WAIT_TIME_MS)}, {@code Thread.sleep(props.getHeartbeatRefreshInterval().toMillis())},
     * {@code TimeUnit.MILLISECONDS.sleep(retryDelay)}, Guava's {@code sleepUninterruptibly(pollInterval, ...)}. A loop
     * that sleeps so on every turn is a wait for something to become ready (a topic, a registry node, the server),
     * logged once per wait: class O of the precision sets (streampark, ranger, atlas). A bare small literal is left to
     * {@link #SECONDS_WAIT}: a 50 ms spin with a warning per turn is a flood.
     */
    private static final Pattern NAMED_JAVA_SLEEP = Pattern.compile("(?:^|[\\s.])(?:sleep|sleepUninterruptibly)\\s*\\("
            + "\\s*[\\w.()]*(?i:sleep|wait|interval|delay|backoff|back_off|retry|heartbeat|period|pause|poll|every)[\\w.()]*\\s*[,)]");

    /** A statement that waits a second or more whatever happens: a call statement, or a try whose body is one. */
    private static boolean waits(SyntaxNode st, byte[] src) {
        return switch (st.getType()) {
            case "expression_statement", "call_expression", "receive_statement" -> {
                String text = SyntaxNode.text(src, st);
                yield SECONDS_WAIT.matcher(text).find() || BACKOFF_WAIT.matcher(text).find()
                        || NAMED_JAVA_SLEEP.matcher(text).find()
                        || receivesFromMadeTimer(text.strip(), src);
            }
            case "try_statement" -> inTryBody(st, s -> waits(s, src));
            case "select_statement" -> waitsOnTimer(st, src)
                    || GoSignalLoops.onlySignals(st, src, (c, comm) -> leaves(c, comm, src) || comm != null
                            && !comm.isNull() && receivesFromTimer(SyntaxNode.text(src, comm), src));
            case "if_statement" -> GoSignalLoops.bothBranchesWait(st, s -> waits(s, src));
            default -> false;
        };
    }

    /** A receive from a timer or a ticker: {@code <-time.After(d)}, {@code <-time.Tick(d)}, {@code <-timer.C}. */
    private static final Pattern TIMER_RECEIVE = Pattern.compile("<-\\s*(?:time\\.(?:After|Tick)\\s*\\("
            + "|[\\w.]*(?:[Tt]imer|[Tt]icker|[Tt]ick|[Bb]ackoff)\\w*\\.C\\b)");
    /** A receive from the channel of a variable, {@code <-t.C}, whatever the variable is called. */
    private static final Pattern CHANNEL_FIELD_RECEIVE = Pattern.compile("<-\\s*(\\w+)\\.C\\b");

    /**
     * True when {@code comm} receives from a timer or a ticker: by the shapes of {@link #TIMER_RECEIVE}, or from the
     * channel of a variable the file makes with {@code time.NewTimer} or {@code time.NewTicker} ({@code t :=
     * time.NewTimer(backoff)} ... {@code case <-t.C:}): a timer is one by how it is made, not by its name.
     */
    private static boolean receivesFromTimer(String comm, byte[] src) {
        if (TIMER_RECEIVE.matcher(comm).find()) {
            return true;
        }
        var m = CHANNEL_FIELD_RECEIVE.matcher(comm);
        if (!m.find()) {
            return false;
        }
        Pattern made = Pattern.compile("\\b" + Pattern.quote(m.group(1)) + "\\s*:?=\\s*time\\.New(?:Timer|Ticker)\\s*\\(");
        return made.matcher(new String(src, java.nio.charset.StandardCharsets.UTF_8)).find();
    }

    /**
     * A statement that only waits for a timer or a ticker the file makes ({@code <-wait.C} after {@code wait :=
     * time.NewTicker(retryWait)}): the same wait as a sleep of the timer's interval, which the author chose as the
     * pace of the retry, as in a {@code select} on it. A receive from {@code time.After} or {@code time.Tick} is left to
     * {@link #SECONDS_WAIT}, which sees its duration.
     */
    private static boolean receivesFromMadeTimer(String statement, byte[] src) {
        var m = CHANNEL_FIELD_RECEIVE.matcher(statement);
        return m.lookingAt() && m.end() == statement.length()
                && receivesFromTimer(statement, src);
    }

    /**
     * A statement that leaves the loop from a select case (a bare {@code break} only leaves the select), matched at
     * the statement's start only: an {@code if} whose body returns, or a closure that exits, leaves on one branch at
     * most, and the turn goes on past it on the others.
     */
    private static final Pattern LEAVES_LOOP = Pattern.compile("(?:return\\b|break\\s+\\w+|goto\\s+\\w+"
            + "|os\\.Exit\\s*\\(|log\\.Fatal|panic\\s*\\()");

    /**
     * A Go {@code select} with no default whose every case either waits on a timer or a ticker or leaves the loop
     * ({@code case <-ctx.Done(): return}): each turn that reaches it waits the interval the author chose (a ping
     * interval, a back-off), so a line logged per turn is one per interval, the pace LOG-01 asks for. A case that
     * receives work ({@code case msg := <-in:}) and stays in the loop makes it a per-message loop again.
     */
    static boolean waitsOnTimer(SyntaxNode select, byte[] src) {
        boolean timer = false;
        for (int i = 0; i < select.getNamedChildCount(); i++) {
            SyntaxNode c = select.getNamedChild(i);
            switch (c.getType()) {
                case "default_case" -> {
                    return false;
                }
                case "communication_case" -> {
                    SyntaxNode comm = c.getChildByFieldName("communication");
                    if (comm != null && !comm.isNull() && receivesFromTimer(SyntaxNode.text(src, comm), src)) {
                        timer = true;
                    } else if (!leaves(c, comm, src)) {
                        return false;
                    }
                }
                default -> {
                }
            }
        }
        return timer;
    }

    /** True when the last statement of a select case leaves the loop, so no turn goes on past it. */
    private static boolean leaves(SyntaxNode c, SyntaxNode comm, byte[] src) {
        SyntaxNode last = null;
        for (int i = 0; i < c.getNamedChildCount(); i++) {
            SyntaxNode st = c.getNamedChild(i);
            if (comm != null && st.getStartByte() == comm.getStartByte() || st.getType().endsWith("comment")) {
                continue;
            }
            if (st.getType().equals("statement_list") && st.getNamedChildCount() > 0) {
                st = st.getNamedChild(st.getNamedChildCount() - 1);
            }
            last = st;
        }
        return last != null && LEAVES_LOOP.matcher(SyntaxNode.text(src, last).strip()).lookingAt();
    }

    /** A statement that ends the turn or the loop before anything after it runs. */
    private static final Pattern LEAVES = Pattern.compile("\\b(?:continue|return|break|goto)\\b|\\bos\\.Exit\\s*\\(|\\bpanic\\s*\\(");

    /**
     * True when the turn that writes {@code log} (a call in the body of the Go {@code loop}) waits after it, on the
     * same path, as {@link #waits} reads a wait: a statement after the one holding the log in one of the blocks
     * between the log and the loop's body ({@code log.Error(...)} then {@code select { case <-ctx.Done(): return
     * ctx.Err(); case <-time.After(backoff): }} in the error branch, then {@code continue}). Each such line is one per
     * back-off interval, the pace LOG-01 asks for. Scanning a block stops at a statement that can leave the turn
     * first (a {@code continue}, a {@code return} under an {@code if}); a wait inside a closure is not the loop's.
     */
    static boolean waitsAfter(SyntaxNode loop, SyntaxNode log, byte[] src) {
        SyntaxNode body = loop.getChildByFieldName("body");
        if (body == null || body.isNull()) {
            return false;
        }
        SyntaxNode child = log;
        for (SyntaxNode p = log.getParent(); p != null && !p.isNull(); child = p, p = p.getParent()) {
            if (p.getType().equals("func_literal")) {
                return false;
            }
            if (p.getType().equals("block") || p.getType().equals("statement_list")) {
                for (int i = 0; i < p.getNamedChildCount(); i++) {
                    SyntaxNode st = p.getNamedChild(i);
                    if (st.getStartByte() < child.getEndByte() || st.getType().endsWith("comment")) {
                        continue;
                    }
                    if (waits(st, src)) {
                        return true;
                    }
                    if (LEAVES.matcher(CodeText.code(SyntaxNode.text(src, st))).find()) {
                        break;
                    }
                }
            }
            if (p.getStartByte() == body.getStartByte() && p.getEndByte() == body.getEndByte()) {
                return false;
            }
        }
        return false;
    }

    /** Whether {@code test} holds for one of the statements of a try's body. */
    private static boolean inTryBody(SyntaxNode tryStatement, Predicate<SyntaxNode> test) {
        SyntaxNode b = tryStatement.getChildByFieldName("body");
        if (b == null || b.isNull()) {
            return false;
        }
        for (int i = 0; i < b.getNamedChildCount(); i++) {
            if (test.test(b.getNamedChild(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code loop} walks no collection and every turn sends a request and waits for its answer: a call
     * whose callee matches one of {@code roundTrips} in a statement of its body that is not under a branch (or in the
     * body of a try there, or the initialiser of a Go {@code if}). The log lines it writes are one per round trip.
     * Receiving calls ({@code take}, {@code poll}, {@code Recv}) are not round trips: they wait for traffic rather than
     * pace the loop by a request of its own, and the models do not list them.
     */
    static boolean pacedByRoundTrip(SyntaxNode loop, byte[] src, boolean go, List<Pattern> roundTrips) {
        if (roundTrips.isEmpty() || LogTraffic.walksCollection(loop, src)) {
            return false;
        }
        for (SyntaxNode st : LogTraffic.bodyStatements(loop)) {
            if (requests(st, src, go, roundTrips)) {
                return true;
            }
        }
        return false;
    }

    /** A statement that sends a request whatever happens in the turn. */
    private static boolean requests(SyntaxNode st, byte[] src, boolean go, List<Pattern> roundTrips) {
        return switch (st.getType()) {
            case "expression_statement", "local_variable_declaration", "short_var_declaration",
                 "assignment_statement", "call_expression" -> callsRoundTrip(st, src, go, roundTrips);
            case "if_statement" -> {
                SyntaxNode init = st.getChildByFieldName("initializer");
                yield init != null && !init.isNull() && callsRoundTrip(init, src, go, roundTrips);
            }
            case "try_statement", "try_with_resources_statement" ->
                    inTryBody(st, s -> requests(s, src, go, roundTrips));
            default -> false;
        };
    }

    /** Whether a call under {@code n} (an argument's too) has a callee one of {@code roundTrips} matches. */
    private static boolean callsRoundTrip(SyntaxNode n, byte[] src, boolean go, List<Pattern> roundTrips) {
        if (n.getType().equals(go ? "call_expression" : "method_invocation")) {
            String callee = callee(n, src, go);
            for (Pattern p : roundTrips) {
                if (p.matcher(callee).find()) {
                    return true;
                }
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            if (callsRoundTrip(n.getNamedChild(i), src, go, roundTrips)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The callee text as the models match it: Go's function expression ({@code s.client.Do}), Java's object and
     * method name ({@code client.newCall(request).execute}), spaces and line breaks removed.
     */
    static String callee(SyntaxNode call, byte[] src, boolean go) {
        String out;
        if (go) {
            SyntaxNode fn = call.getChildByFieldName("function");
            out = fn == null || fn.isNull() ? "" : SyntaxNode.text(src, fn);
        } else {
            SyntaxNode obj = call.getChildByFieldName("object");
            SyntaxNode name = call.getChildByFieldName("name");
            out = (obj == null || obj.isNull() ? "" : SyntaxNode.text(src, obj) + ".")
                    + (name == null || name.isNull() ? "" : SyntaxNode.text(src, name));
        }
        return out.replaceAll("\\s+", "");
    }
}
