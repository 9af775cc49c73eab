package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.analysis.Shapes.Spot;
import kb.review.diff.SyntaxNode;

/**
 * (session 36, log36) A log line the change adds on a path whose <em>role</em> makes it run once per unit of traffic
 * (per event, message, packet, chunk or poll), with no loop in sight and no level raised from debug: the loop is the
 * caller's (a pipeline, a receive loop, Netty's read loop, a consumer that reschedules itself). The real fixes of the
 * class lower or remove exactly such lines (README "log36 (session 36)": ofnet's per-packet-in lines, an ActiveMQ
 * river's line per received message, a Kafka consumer's line per poll). The role is read two ways:
 * <ul>
 *   <li>the enclosing function's name is a per-unit verb (in, push, enqueue, offer, publish, consume, handle, on,
 *   process, dispatch, receive, deliver, read, dequeue, poll, ...; or a name ending in Rcvd/Received/Arrived) and its
 *   name or signature names the unit (an Event, Message, Msg, Packet, Frame, Record, Chunk, Datagram, Delivery,
 *   Envelope, a Netty HttpContent);</li>
 *   <li>the line logs the value that a statement just above it received (a {@code poll}, {@code receive},
 *   {@code nextDelivery}, {@code ReadMessage}, {@code FetchMessage}, {@code Recv}, {@code Dequeue} call): the line
 *   runs per poll of a consumer, whatever loop runs the poll.</li>
 * </ul>
 * The level: info, notice, warn or print. A Go debug line counts only when it dumps the unit: a fields map built for
 * the call (allocated per unit whatever the level) or the unit parameter formatted whole. Not this: a line on a
 * failure path (a catch, an error branch, before a throw or a returned error), under a level test, sampled or
 * latched, in a start-up, shutdown or main function, in a per-connection or failure callback, or in a function whose
 * one unit is a state, configuration or a rare event (a join, a login, a connection).
 */
public final class PerUnitLogs {

    /** Go: read on the call's {@link CodeText#spine}, so the receiver is any chain of names and calls. */
    private static final Pattern GO_LOUD = Pattern.compile(
            "^(?<recv>(?:[\\w.]|\\(\\d*\\))*?)\\.(?:(?:Info|Infof|Infow|Infoln|InfoContext|Notice|Noticef|"
                    + "Warn|Warnf|Warnw|Warning|Warningf|Warnln|WarnContext|Print|Printf|Println)"
                    + "|(?:Info|Warn)\\(\\)(?:\\.\\w+\\([^()]*\\))*\\.(?:Msg|Msgf|Send))$");
    private static final Pattern GO_DEBUG = Pattern.compile(
            "^(?<recv>(?:[\\w.]|\\(\\d*\\))*?)\\.(?:Debug|Debugf|Debugw|Debugln|DebugContext"
                    + "|Debug\\(\\)(?:\\.\\w+\\([^()]*\\))*\\.(?:Msg|Msgf|Send))$");
    /** The last name of a Go call {@link #GO_LOUD} or {@link #GO_DEBUG} can match. */
    private static final Pattern GO_LAST_LINK = Pattern.compile(
            "^(?:Info\\w*|Notice\\w*|Warn\\w*|Print\\w*|Debug\\w*|Msg|Msgf|Send)$");
    private static final Pattern JAVA_LOUD = Pattern.compile("^(?:info|warn|warning|i|w)$");
    /**
     * An if condition that only tests the type of a value: {@code (msg instanceof HttpContent)}; or the gap filler's
     * {@code (true)}, which stands for a branch the hunk does not show the condition of.
     */
    private static final Pattern TYPE_TEST = Pattern.compile("^\\(true\\)$|^\\(\\s*[\\w.]+\\s+instanceof\\s+[\\w.<>?]+(?:\\s+\\w+)?\\s*\\)$");
    /** Flogger's {@code logger.atInfo().log(...)}, also with links between ({@code .atWarning().withCause(e)}). */
    private static final Pattern JAVA_LOUD_FLUENT = Pattern.compile("\\.at(?:Info|Warning)\\(\\)(?:\\.\\w+\\([^()]*\\))*$");
    private static final Pattern LOGGER = Pattern.compile(
            "(?i)log|zap|sugar|(?:^|\\.)(?:l|lg|lgr|entry)(?:\\(\\))?$");
    /** A per-unit verb at the start of a function's name, or a received-unit suffix. */
    private static final Pattern VERB = Pattern.compile(
            "^(?:[Ii]n|[Pp]ush|[Ee]nqueue|[Oo]ffer|[Pp]ublish|[Ee]mit|[Cc]onsume|[Hh]andle|[Oo]n|[Pp]rocess|[Dd]ispatch"
                    + "|[Rr]eceive|[Rr]ecv|[Dd]eliver|[Rr]ead|[Ff]orward|[Rr]elay|[Rr]oute|[Ii]ngest|[Dd]equeue|[Pp]oll"
                    + "|[Aa]ccept)(?:[A-Z0-9_]\\w*)?$|\\w(?:Rcvd|Received|Arrived|Recv)$");
    /** A unit of traffic named in a function's name or a parameter's (or Go result's) type. */
    private static final String UNIT = "(?:Event|Message|Msg|Packet|Pkt|Frame|Record|Chunk|Datagram|Delivery|Envelope)";
    /** The unit named by a function's name alone: singular (a plural name reads a batch), and not Record (a verb too). */
    /** Java: a Message or Msg is as often a business document taken once per request (log33's ok-12): not a unit. */
    private static final String JAVA_UNIT = "(?:Event|Packet|Pkt|Frame|Record|Chunk|Datagram|Delivery|Envelope)";
    private static final Pattern JAVA_UNIT_IN_NAME = Pattern.compile(
            "(?:Event|Packet|Pkt|Frame|Chunk|Datagram|Delivery|Envelope)(?:[A-Z]\\w*)?$");
    /** A request handler's parameters: one line per request is the access log, read by its rate (session 32). */
    private static final Pattern REQUEST = Pattern.compile("http\\.ResponseWriter|\\*http\\.Request\\b|\\*gin\\.Context"
            + "|echo\\.Context|\\*fiber\\.Ctx|\\*fasthttp\\.RequestCtx|\\b(?:HttpServletRequest|ServletRequest"
            + "|ServerWebExchange|ServerHttpRequest|ServerRequest|HttpExchange|RoutingContext|HttpServerRequest)\\b");
    /** A Go logger picked at a quiet level: {@code log.DEBUG.Printf}, {@code l.V(2).Info}, {@code log.Debug().Msg}. */
    private static final Pattern QUIET_RECV = Pattern.compile(
            "\\.(?:Debug|Trace)\\(|\\bV\\(\\s*[1-9]|(?:^|\\.)(?:DEBUG|TRACE|Debug|Trace)$");
    private static final Pattern UNIT_IN_NAME = Pattern.compile(
            "(?:Event|Message|Msg|Packet|Pkt|Frame|Chunk|Datagram|Delivery|Envelope)(?:[A-Z]\\w*)?$");
    private static final Pattern GO_UNIT_PARAM = Pattern.compile(
            "(?:^\\(|,)\\s*(?<name>\\w+)\\s+\\*?(?:\\w+\\.)?\\w*" + UNIT + "(?:In|Out)?\\s*[,)]");
    private static final Pattern GO_UNIT_RESULT = Pattern.compile("\\)\\s*\\(?\\s*(?:\\[\\])?\\*?(?:\\w+\\.)?\\w*"
            + UNIT + "\\b");
    private static final Pattern JAVA_UNIT_PARAM = Pattern.compile(
            "[(,]\\s*(?:final\\s+)?(?:@\\w+\\s+)?[\\w.]*(?:" + JAVA_UNIT + "|HttpContent|HttpObject|ConsumerRecords?)"
                    + "(?:<[^()]*>)?\\s+(?<name>\\w+)\\s*[,)]");
    /** A unit that comes once per session, per change of state or per configuration: not traffic. */
    private static final Pattern RARE_UNIT = Pattern.compile(
            "(?:State|Status|Lifecycle|Config\\w*|Settings|Options|Schema|Version|Topology|Membership|Leader|Lease"
                    + "|Join|Quit|Login|Logout|Connect\\w*|Disconnect\\w*|Register\\w*|Unregister\\w*|Reload|Startup"
                    + "|Shutdown|Ready|Application|Context|Refresh\\w*|Started|Stopped|Closed|Error|Exception|Failure"
                    + "|Close|Open|Welcome|Hello|Handshake|Init\\w*)" + UNIT);
    /** A callback that runs once per connection or per failure. */
    private static final Pattern ONCE_PER_CHANNEL = Pattern.compile(
            "^(?:exceptionCaught|channel(?:Active|Inactive|Registered|Unregistered)|handler(?:Added|Removed)"
                    + "|userEventTriggered|on(?:Error|Close|Closed|Open|Opened|Start|Stop|Complete|Subscribe|Connect\\w*"
                    + "|Disconnect\\w*|Failure|Exception|Timeout)|handle(?:Error|Exception|Failure|Close|Timeout))$");
    /** A call that receives units from a consumer, a queue or a connection. */
    private static final Pattern RECEIVE = Pattern.compile(
            "\\.(?:poll|Poll|receive|Receive|receiveMessages?|ReceiveMessages?|nextDelivery|ReadMessage|readMessage"
                    + "|FetchMessage|fetchMessage|Recv|RecvMsg|ReadMsg|Dequeue|dequeue|NextMsg|NextMessage)\\s*\\(");
    private static final Pattern ASSIGNED = Pattern.compile("^(?:[\\w<>,.?\\[\\]\\s]*\\s)?(?<names>[\\w\\s,]+?)\\s*:?=[^=]");
    private static final Pattern WORD = Pattern.compile("\\w+");
    /** A name that says the function takes a unit from a queue, a consumer or a connection by itself. */
    private static final Pattern TAKES_UNIT = Pattern.compile("^(?:[Dd]equeue|[Rr]ecv|[Rr]eceive)(?:[A-Z0-9_]\\w*)?$"
            + "|\\w(?:Rcvd|Received|Arrived|Recv)$");
    private static final Pattern FORMATTED_WHOLE = Pattern.compile("%[+#]?v|%s");
    private static final Set<String> FUNCTIONS = Set.of("func_literal", "function_declaration", "method_declaration",
            "lambda_expression", "constructor_declaration", "class_body", "static_initializer");

    private PerUnitLogs() {
    }

    /**
     * The added log lines of a file that run once per unit of traffic by their function's role; {@code path} is the
     * file's (a Java method whose class the hunk does not show belongs to the class the file is named after);
     * {@code newFile} says the change adds the whole file, whose request handlers alone are read (session 46), and
     * in Java its methods of a per-event kind ({@code perEvent}, read with the hunks' headings {@code section}:
     * session 48, {@link JavaPerEventMethods}); {@code perEventHeads} are the models' Go {@code per-event:} entries
     * (session 48, {@link GoPerEvent}).
     */
    public static List<Spot> find(SyntaxNode root, byte[] src, boolean go, String path, IntPredicate added,
                                  IntFunction<String> replaced, Supplier<String> removedInFile,
                                  boolean newFile, List<PerEventEntries.PerEvent> perEvent,
                                  IntFunction<String> section, List<Pattern> perEventHeads) {
        List<SyntaxNode> calls = new ArrayList<>();
        Shapes.walk(root, go ? "call_expression" : "method_invocation", calls);
        List<Spot> out = new ArrayList<>();
        String[] fileRemoved = new String[1]; // the file's removed lines, read once when a line needs them
        GoPerEvent events = go ? GoPerEvent.of(root, src, perEventHeads) : null;
        for (SyntaxNode c : calls) {
            if (!added.test(c.getStartPoint().getRow() + 1)) {
                continue;
            }
            int level = level(c, src, go);
            if (level == 0 || !statement(c)) {
                continue;
            }
            // (session 46) a Go handler's or gRPC method's line runs per request: its role, read by its signature
            boolean request = go && level == 2 && RequestHandlers.perRequest(c, src, path);
            // (session 48) a Java method of a per-event kind the models name: a framework's entry point
            boolean event = !go && !JavaPerEventMethods.logsByPurpose(path)
                    && (JavaPerEventMethods.kind(c, src, perEvent, section) != null
                    || !newFile && JavaPerEventMethods.besideDispatch(c, src));
            // (session 48) or a function the file shows to run per event: a framework's entry point by its
            // signature, a registered handler, a callee of the file's own event loop (GoPerEvent)
            request = request || go && level == 2 && events.of(c) != null && !RequestHandlers.rare(c, src, path);
            int row = c.getStartPoint().getRow() + 1;
            if (request ? RequestHandlers.existingLine(c, src, added, replaced.apply(row)) : newFile && !event) {
                continue; // a new file's other roles are left out: its lines are all added, the role reading is narrow
            }
            String unit = request || event ? "" : unitOfRole(c, src, go);
            if (unit == null) {
                unit = received(c, src);
            }
            boolean store = unit == null && StoreOperations.in(c, src, go, path); // a store's Put, Get, Increment...
            // (session 53) a cache lookup's hit branch, wherever the lookup is made: once per lookup
            boolean hit = !store && level == 2 && StoreOperations.cacheHit(c, src);
            unit = store || hit && unit == null ? "" : unit;
            if (unit == null || level == 1 && !dumps(c, src, unit)) {
                continue;
            }
            if ((store ? StoreOperations.inFailureBranch(c, src) : !hit && inBranch(c, src, event))
                    || RaisedLogLevels.quietedHere(c, src, go) || RaisedLogLevels.reportsFailure(c, src, go)
                    || LoopGuards.inLifecycleFunction(c, src) || !go && LoopGuards.inJavaMain(c, src)
                    || reworded(c, src, go, replaced.apply(c.getStartPoint().getRow() + 1))) {
                continue;
            }
            if (fileRemoved[0] == null) {
                fileRemoved[0] = removedInFile.get();
            }
            if (RaisedLogLevels.moved(c, src, fileRemoved[0]) || removedAsIs(c, src, fileRemoved[0])) {
                continue; // the line was there before: the edit moved it, it did not add it
            }
            out.add(Shapes.at(c, true, null));
        }
        return out;
    }

    /**
     * The line's changed block removed a line at a production level on the same logger: a rewording of a line the
     * code had, not a new one (set 19's OpenAs2App sender module).
     */
    private static boolean reworded(SyntaxNode c, byte[] src, boolean go, String block) {
        int cut = block.indexOf("\n--\n");
        int first = block.indexOf('\n');
        if (cut < 0 || first < 0 || first >= cut) {
            return false;
        }
        String recv = CodeText.spine(text(src, c.getChildByFieldName(go ? "function" : "object")));
        if (go) {
            Matcher m = GO_LOUD.matcher(recv);
            Matcher d = GO_DEBUG.matcher(recv);
            recv = m.matches() ? m.group("recv") : d.matches() ? d.group("recv") : recv;
        }
        String last = recv.substring(recv.lastIndexOf('.') + 1).replace("()", "");
        String removed = block.substring(first + 1, cut + 1);
        return RaisedLogLevels.calls(RaisedLogLevels.LOUD, removed, last)
                || RaisedLogLevels.calls(RaisedLogLevels.LOUD, CodeText.spine(removed), last);
    }

    /** The statement, as written, stands in a removed line of the file (a line moved into another function). */
    private static boolean removedAsIs(SyntaxNode c, byte[] src, String removedInFile) {
        String stmt = text(src, c.getParent()).strip();
        for (int at = removedInFile.indexOf(stmt); at >= 0; at = removedInFile.indexOf(stmt, at + 1)) {
            int from = removedInFile.lastIndexOf('\n', at) + 1;
            if (removedInFile.substring(from, at).isBlank()) {
                return true;
            }
        }
        return false;
    }

    /**
     * In an if of its function (a rejected or failed unit's branch, log33's ok-2 and ok-10: the loop rules'); in a
     * per-event method an if that only tells the event's type ({@code msg instanceof HttpContent}) takes every event of
     * that type, not a rare one.
     */
    private static boolean inBranch(SyntaxNode c, byte[] src, boolean event) {
        for (SyntaxNode p = c.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            SyntaxNode cond = t.equals("if_statement") ? p.getChildByFieldName("condition") : null;
            if (event && cond != null && !cond.isNull() && TYPE_TEST.matcher(text(src, cond)).matches()) {
                continue;
            }
            if (t.equals("if_statement")) {
                return true;
            }
            if (FUNCTIONS.contains(t)) {
                return false;
            }
        }
        return false;
    }

    /** 2: info or above on a logger; 1: a Go debug line; 0: not a log line this pass reads. */
    private static int level(SyntaxNode c, byte[] src, boolean go) {
        if (go) {
            SyntaxNode fn = c.getChildByFieldName("function");
            if (fn == null || fn.isNull() || !fn.getType().equals("selector_expression")) {
                return 0;
            }
            SyntaxNode field = fn.getChildByFieldName("field");
            if (field == null || field.isNull() || !GO_LAST_LINK.matcher(text(src, field)).matches()) {
                return 0; // not a level nor the end of a zerolog chain: the spine is not worth reading
            }
            String f = CodeText.spine(text(src, fn));
            Matcher m = GO_LOUD.matcher(f);
            if (m.matches()) {
                return !LOGGER.matcher(m.group("recv")).find() ? 0 : QUIET_RECV.matcher(m.group("recv")).find() ? 1 : 2;
            }
            m = GO_DEBUG.matcher(f);
            return m.matches() && LOGGER.matcher(m.group("recv")).find() ? 1 : 0;
        }
        SyntaxNode obj = c.getChildByFieldName("object");
        SyntaxNode name = c.getChildByFieldName("name");
        return obj != null && !obj.isNull() && name != null && !name.isNull()
                && (JAVA_LOUD.matcher(text(src, name)).matches() || RaisedLogLevels.argumentLevel(c, src, name)
                || text(src, name).equals("log") && JAVA_LOUD_FLUENT.matcher(text(src, obj)).find())
                && LOGGER.matcher(CodeText.spine(text(src, obj))).find() ? 2 : 0;
    }

    /** The call is a statement of its own (not an argument, not a link inside a longer chain). */
    private static boolean statement(SyntaxNode c) {
        SyntaxNode p = c.getParent();
        return p != null && !p.isNull() && p.getType().equals("expression_statement");
    }

    /**
     * The unit's name (a parameter's, or "" when only the function's name names it) when the enclosing named
     * function has a per-unit role; null when it has none.
     */
    private static String unitOfRole(SyntaxNode c, byte[] src, boolean go) {
        for (SyntaxNode p = c.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("func_literal") || t.equals("lambda_expression") || t.equals("class_body")
                    || t.equals("constructor_declaration")) {
                return null; // a literal's role is its caller's: left to the callback rules
            }
            if (!t.equals("function_declaration") && !t.equals("method_declaration")) {
                continue;
            }
            SyntaxNode nameNode = p.getChildByFieldName("name");
            SyntaxNode body = p.getChildByFieldName("body");
            if (nameNode == null || nameNode.isNull()) {
                return null;
            }
            String name = text(src, nameNode);
            int end = body == null || body.isNull() ? p.getEndByte() : body.getStartByte();
            SyntaxNode params = p.getChildByFieldName("parameters");
            String sig = params == null || params.isNull() ? ""
                    : new String(src, params.getStartByte(), end - params.getStartByte(), StandardCharsets.UTF_8);
            String paramText = params == null || params.isNull() ? "" : text(src, params);
            if (!VERB.matcher(name).find() || ONCE_PER_CHANNEL.matcher(name).matches()
                    || RARE_UNIT.matcher(sig).find() || RARE_UNIT.matcher(name).find()) {
                return null;
            }
            if (REQUEST.matcher(sig).find()) {
                return null;
            }
            Matcher m = (go ? GO_UNIT_PARAM : JAVA_UNIT_PARAM).matcher(paramText);
            if (m.find()) {
                return m.group("name");
            }
            if (REQUEST.matcher(sig).find()) {
                return null;
            }
            if ((go ? UNIT_IN_NAME : JAVA_UNIT_IN_NAME).matcher(name).find() || TAKES_UNIT.matcher(name).find()
                    || go && GO_UNIT_RESULT.matcher(sig).find()) {
                return "";
            }
            return null;
        }
        return null;
    }

    /**
     * The name the line logs that one of the three statements above it in its block received from a consumer, a
     * queue or a connection; null when there is none.
     */
    private static String received(SyntaxNode c, byte[] src) {
        SyntaxNode stmt = c.getParent();
        SyntaxNode block = stmt.getParent();
        if (block == null || block.isNull()) {
            return null;
        }
        String args = argumentsText(c, src);
        int at = -1;
        for (int i = 0; i < block.getNamedChildCount(); i++) {
            if (block.getNamedChild(i).getStartByte() == stmt.getStartByte()) {
                at = i;
            }
        }
        for (int i = at - 1; i >= 0 && i >= at - 3; i--) {
            String s = text(src, block.getNamedChild(i));
            if (FUNCTIONS.contains(block.getNamedChild(i).getType()) || !RECEIVE.matcher(s).find()) {
                continue;
            }
            Matcher m = ASSIGNED.matcher(s);
            if (!m.find()) {
                continue;
            }
            for (String n : m.group("names").split(",")) {
                String v = n.trim();
                if (WORD.matcher(v).matches() && !v.equals("_") && !v.equals("err") && hasWord(args, v)) {
                    return v;
                }
            }
        }
        return null;
    }

    /** Whether {@code text} holds {@code word} as a whole identifier. */
    private static boolean hasWord(String text, String word) {
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            int end = i + word.length();
            if ((i == 0 || !Character.isJavaIdentifierPart(text.charAt(i - 1)))
                    && (end == text.length() || !Character.isJavaIdentifierPart(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static String argumentsText(SyntaxNode c, byte[] src) {
        SyntaxNode args = c.getChildByFieldName("arguments");
        return args == null || args.isNull() ? "" : text(src, args);
    }

    /**
     * A Go debug line that dumps the unit: a composite literal (a fields map) built for the call, or the unit
     * parameter formatted whole by a {@code %v}/{@code %+v}/{@code %s} verb.
     */
    private static boolean dumps(SyntaxNode c, byte[] src, String unit) {
        SyntaxNode args = c.getChildByFieldName("arguments");
        if (args == null || args.isNull()) {
            return false;
        }
        boolean formats = false;
        for (int i = 0; i < args.getNamedChildCount(); i++) {
            SyntaxNode a = args.getNamedChild(i);
            if (a.getType().equals("composite_literal")) {
                return true;
            }
            if (i == 0 && a.getType().equals("interpreted_string_literal")) {
                formats = FORMATTED_WHOLE.matcher(text(src, a)).find();
            } else if (formats && !unit.isEmpty() && a.getType().equals("identifier") && text(src, a).equals(unit)) {
                return true;
            }
        }
        return false;
    }
}
