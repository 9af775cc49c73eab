package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.analysis.Shapes.Spot;
import kb.review.diff.SyntaxNode;

/**
 * (session 35, log35) An edit that raises a logger's line from debug or trace to info, notice or warn on a path that
 * runs per request, per message or per element: the line the old code kept quiet now writes a record every time.
 * The old level is the evidence a loop alone does not give (the real fixes of the class lower exactly such lines:
 * README "log35 (session 35)"). The path is per call when the line sits in a loop body (a loop in sight, a
 * {@code continue} in an enclosing block when the loop is above the hunk, a forEach lambda, a Go per-item callback),
 * when its function has the role of a request or message handler (an HTTP handler or middleware, a servlet filter,
 * an interceptor, a Netty or broker callback), or when the old line stood under a level test (the author measured its
 * cost per call); since session 44 also in any other function that is neither start-up nor a summary ({@link
 * #perCall}). Not this: a line on a failure path (a catch, an error branch: a raised warning there is the error
 * report), under a debug test or a sampler, in a start-up or shutdown function, or a block that already wrote a line
 * at the raised level (a rewording, not a raise).
 */
public final class RaisedLogLevels {

    /**
     * Go: the receiver, then the raised level as the method or as the link of a zerolog chain; read on the call's
     * {@link CodeText#spine}, so the receiver is any chain of names and calls ({@code log.FromCtx(ctx)}, {@code
     * s.logger.WithError(err).WithField("k", v)}, {@code log.Ctx(ctx)}).
     */
    private static final Pattern GO_CALL = Pattern.compile(
            "^(?<recv>(?:[\\w.]|\\(\\d*\\))*?)\\.(?:(?<level>Info|Infof|Infow|Infoln|InfoContext|Notice|Noticef|"
                    + "Warn|Warnf|Warnw|Warning|Warningf|Warnln|WarnContext|Print|Printf|Println)"
                    + "|(?<chain>Info|Warn)\\(\\)(?:\\.\\w+\\([^()]*\\))*\\.(?:Msg|Msgf|Send))$");
    /** The last name of a Go call {@link #GO_CALL} can match: a level, or the end of a zerolog chain. */
    private static final Pattern GO_LAST_LINK = Pattern.compile(
            "^(?:Info\\w*|Notice\\w*|Warn\\w*|Print\\w*|Msg|Msgf|Send)$");
    private static final Pattern JAVA_LEVEL = Pattern.compile("^(?:info|warn|warning|notice|i|w)$");
    private static final Pattern LOGGER = Pattern.compile(
            "(?i)log|zap|sugar|(?:^|\\.)(?:l|lg|lgr|entry)(?:\\(\\))?$");
    /** The quiet levels of every library: slf4j/log4j/JUL, zap/logrus/slog/go-logging/klog's verbosity. */
    /** (session 45) Also the level given as an argument: java.util.logging's and log4j's {@code log(Level.FINE, x)}. */
    private static final Pattern QUIET = Pattern.compile("(?<![\\w])(\\w+)(?:\\(\\))?\\.(?:(?:debug|trace|fine|finer"
            + "|finest|Debug\\w*|Trace\\w*|V\\(\\s*[1-9]\\d*\\s*\\)\\.Info\\w*|d|v)\\s*\\("
            + "|log\\s*\\(\\s*(?:[\\w.]*\\.)?Level\\.(?:FINE|FINER|FINEST|CONFIG|DEBUG|TRACE)\\b)");
    static final Pattern LOUD = Pattern.compile("(?<![\\w])(\\w+)(?:\\(\\))?\\.(?:(?:info|warn|warning|Info\\w*"
            + "|Warn\\w*|Notice\\w*|Print\\w*)\\s*\\(|log\\s*\\(\\s*(?:[\\w.]*\\.)?Level\\.(?:INFO|WARNING|WARN)\\b)");
    /**
     * (session 45) A Java call that takes its level as its first argument ({@code logger.log(Level.INFO, ...)} of
     * java.util.logging and log4j): the level named, to read a raise from {@code Level.FINE} as one from debug.
     */
    private static final Pattern ARGUMENT_LEVEL = Pattern.compile(
            "^\\(\\s*(?:[\\w.]*\\.)?Level\\.(?<level>INFO|WARNING|WARN|SEVERE|ERROR)\\b");
    private static final Pattern LEVEL_TEST = Pattern.compile(
            "\\bis(?:Debug|Trace)Enabled\\s*\\(|\\bIsLevelEnabled\\([^)]*(?:Debug|Trace)|\\bEnabled\\([^)]*(?:Debug|Trace)"
                    + "|\\bisLoggable\\([^)]*(?:FINE|FINER|FINEST)|\\bV\\(\\s*[1-9]\\d*\\s*\\)\\s*\\{?$",
            Pattern.MULTILINE);
    /** A Go function in a request or message handler's role, read from its signature. */
    private static final Pattern GO_HANDLER = Pattern.compile(
            "http\\.ResponseWriter|\\*http\\.Request\\b|\\*gin\\.Context|echo\\.Context|\\*fiber\\.Ctx|\\*fasthttp\\."
                    + "RequestCtx|grpc\\.UnaryServerInfo|grpc\\.StreamServerInfo|grpc\\.UnaryHandler|dns\\.ResponseWriter"
                    + "|\\bfunc\\s*(?:\\([^)]*\\)\\s*)?(?:ServeHTTP\\w*|ServeDNS|Intercept\\w*)\\s*\\("
                    + "|(?:^|\\()\\s*\\w+\\s+\\*?(?:\\w+\\.)?\\w*(?:Message|Msg|Packet|Frame|Datagram|Delivery|Envelope)"
                    + "\\s*[,)]");
    /** A Java method in a request or message handler's role, read from its signature. */
    private static final Pattern JAVA_HANDLER = Pattern.compile(
            "\\b(?:doGet|doPost|doPut|doDelete|doPatch|service|doFilter\\w*|preHandle|postHandle|afterCompletion"
                    + "|channelRead0?|onMessage|messageArrived|handleDelivery|intercept\\w*|handle(?:Request|Message|"
                    + "Event|Packet))\\s*\\("
                    + "|\\b(?:HttpServletRequest|ServletRequest|ServerWebExchange|ServerHttpRequest|ServerRequest"
                    + "|ChannelHandlerContext|ContainerRequestContext|HttpExchange|RoutingContext|ConsumerRecords?"
                    + "|HttpServerRequest)\\b");
    /** The most lines a changed block may remove, or add beside the line, and still be a change of level. */
    private static final int MAX_SWAP = 4;
    /** The first string literal of a call's arguments, long enough to name its message. */
    private static final Pattern LITERAL = Pattern.compile("\"[^\"\\n]{6,}\"");
    private static final Pattern FAILED_RETURN = Pattern.compile("Errorf\\(|errors\\.New\\(|\\bErr[A-Z]\\w*|\\.Wrap\\w*\\(");
    /** A callback that a handler's library makes once per connection or per failure, not per request. */
    private static final Pattern ONCE_PER_CHANNEL = Pattern.compile(
            "\\b(?:exceptionCaught|channel(?:Active|Inactive|Registered|Unregistered)|handler(?:Added|Removed)"
                    + "|userEventTriggered|on(?:Error|Close|Closed|Open|Opened|Start|Stop|Complete|Subscribe|Connect\\w*"
                    + "|Disconnect\\w*))\\s*\\(|\\bThrowable\\b");
    /** A count in the line (a summary), or a message naming a one-time change of the program's or a link's state. */
    private static final Pattern ONCE_OR_COUNT = Pattern.compile("\\blen\\(|\\.(?:size|length|count|getCount)\\(\\)"
            + "|\\.length\\b|(?i:\"[^\"]*\\b(?:start(?:ed|ing)?|stop(?:ped|ping)?|shut(?:ting)?\\s*down|listen(?:ing)?"
            + "|initiali[sz]\\w*|(?:re)?connected|disconnected|config\\w*|version|ready|(?:re)?loaded|registered"
            + "|enabled|disabled|migrat\\w*|elected|leader)\\b)");
    /**
     * The call's text up to its arguments ends in a warning or error level ({@code LOG.warn}, {@code log.Errorf},
     * zerolog's {@code log.Warn().Msg}).
     */
    private static final Pattern WARN_OR_WORSE = Pattern.compile("(?i)\\.\\s*(?:warn(?:ing)?|error|fatal|severe"
            + "|crit(?:ical)?|panic)[fwlnc]?\\s*(?:\\(\\s*\\)\\s*\\.\\s*\\w+\\s*)?$");
    private static final Set<String> GO_LOOPS = Set.of("for_statement");
    private static final Set<String> JAVA_LOOPS = Set.of("for_statement", "enhanced_for_statement",
            "while_statement", "do_statement");
    private static final Set<String> FUNCTIONS = Set.of("func_literal", "function_declaration", "method_declaration",
            "lambda_expression", "constructor_declaration", "class_body", "static_initializer");

    private RaisedLogLevels() {
    }

    /**
     * The raised lines of a changed file. {@code replaced} gives, for a line number, what its changed block removed
     * ({@code engine/ReplacedLines}: the line, the removed lines, {@code --}, the other added lines; empty when the
     * line replaced nothing); {@code removedInFile} every removed line of the file (asked only for a raised line).
     */
    public static List<Spot> find(SyntaxNode root, byte[] src, boolean go, IntFunction<String> replaced,
                                  java.util.function.Supplier<String> removedInFile) {
        List<SyntaxNode> calls = new ArrayList<>();
        Shapes.walk(root, go ? "call_expression" : "method_invocation", calls);
        List<Spot> out = new ArrayList<>();
        String[] fileRemoved = new String[1]; // the file's removed lines, read once when a raised line needs them
        for (SyntaxNode c : calls) {
            String recv = raisedReceiver(c, src, go);
            if (recv == null) {
                continue;
            }
            String block = replaced.apply(c.getStartPoint().getRow() + 1);
            int cut = block.indexOf("\n--\n");
            int first = block.indexOf('\n');
            if (cut < 0 || first < 0 || first >= cut) {
                continue;
            }
            String removed = block.substring(first + 1, cut + 1);
            if (lines(removed) > MAX_SWAP || lines(block.substring(cut + 4)) > MAX_SWAP) {
                continue; // a rewrite of the block, not a line whose level changed
            }
            String last = recv.substring(recv.lastIndexOf('.') + 1).replace("()", "");
            String removedSpine = CodeText.spine(removed);
            if (!calls(QUIET, removed, last) && !calls(QUIET, removedSpine, last)
                    || calls(LOUD, removed, last) || calls(LOUD, removedSpine, last)) {
                continue;
            }
            if (quietedHere(c, src, go) || LoopGuards.inLifecycleFunction(c, src) || reportsFailure(c, src, go)
                    || moved(c, src, fileRemoved[0] != null ? fileRemoved[0]
                    : (fileRemoved[0] = removedInFile.get()))) {
                continue;
            }
            if (inLoop(c, src, go) || handler(c, src, go) || LEVEL_TEST.matcher(removed).find()
                    || perCall(c, src)) {
                out.add(Shapes.at(c, true, null));
            }
        }
        return out;
    }

    /**
     * (session 44, log44) The raised line runs once per call of a function that is neither start-up nor a summary
     * (a crawler's {@code CrawlURL(u)}, a worker's {@code pollSafely(worker)}): with no loop or handler in sight the
     * old level is still the evidence, since a line kept at debug was the per-call detail of work done many times,
     * and the fixes of the class lower exactly such per-poll and per-request lines. Not this: a line after a loop of
     * its own function or one that counts (a size, a length: the summary LOG-01 asks for, which belongs at info), a
     * message that names a one-time change of state (started, listening, connected, configuration loaded), and a
     * connection's failure or lifecycle callback (once per channel), and a raise to warn or error: the author marks
     * an exceptional condition (a user missing and created, a file change detected, nothing to replicate), which is
     * what those levels are for, not routine per-call detail (the whole-set probe at the session-44 merge: ranger,
     * zrepl, watchtower).
     */
    private static boolean perCall(SyntaxNode c, byte[] src) {
        SyntaxNode args = c.getChildByFieldName("arguments");
        if (args == null || args.isNull()) {
            return false;
        }
        String argText = text(src, args);
        Matcher level = ARGUMENT_LEVEL.matcher(argText);
        if (ONCE_OR_COUNT.matcher(argText).find() || level.find() && !level.group("level").equals("INFO")
                || WARN_OR_WORSE.matcher(new String(src, c.getStartByte(), args.getStartByte() - c.getStartByte(),
                        java.nio.charset.StandardCharsets.UTF_8)).find()) {
            return false;
        }
        SyntaxNode child = c;
        SyntaxNode p = c.getParent();
        for (; p != null && !p.isNull() && !FUNCTIONS.contains(p.getType()); p = p.getParent()) {
            if (p.getType().equals("block") || p.getType().equals("statement_list")) {
                for (int i = 0; i < p.getNamedChildCount(); i++) {
                    SyntaxNode s = p.getNamedChild(i);
                    if (s.getStartByte() >= child.getStartByte()) {
                        break;
                    }
                    if (GO_LOOPS.contains(s.getType()) || JAVA_LOOPS.contains(s.getType())) {
                        return false; // a line after the loop sums it up
                    }
                }
            }
            child = p;
        }
        // a failure or lifecycle callback of a connection (exceptionCaught, onError, onClose): once per channel
        return p == null || p.isNull() || p.getType().equals("class_body")
                || !p.getType().equals("static_initializer") && !ONCE_PER_CHANNEL.matcher(signature(p, src)).find();
    }

    private static int lines(String text) {
        int n = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            n++;
        }
        return n;
    }

    /**
     * The line's own block ends by failing after it (a Java throw, a Go panic, a Go return of a made or wrapped
     * error): the raised line is the report of that failure, once per failed call.
     */
    static boolean reportsFailure(SyntaxNode c, byte[] src, boolean go) {
        SyntaxNode child = c;
        for (SyntaxNode p = c.getParent(); p != null && !p.isNull() && !FUNCTIONS.contains(p.getType());
             p = p.getParent()) {
            if (p.getType().equals("block") || p.getType().equals("statement_list")) {
                boolean after = false;
                for (int i = 0; i < p.getNamedChildCount(); i++) {
                    SyntaxNode s = p.getNamedChild(i);
                    if (s.getStartByte() == child.getStartByte()) {
                        after = true;
                    } else if (after && fails(s, src, go)) {
                        return true;
                    }
                }
            }
            child = p;
        }
        return false;
    }

    private static boolean fails(SyntaxNode s, byte[] src, boolean go) {
        return s.getType().equals("throw_statement") || go && s.getType().equals("return_statement")
                && FAILED_RETURN.matcher(text(src, s)).find() || go && text(src, s).startsWith("panic(");
    }

    /**
     * The line's message stood in a removed line of the file at a level other than debug or trace: the edit moved
     * the line (or reworded it), it did not raise it.
     */
    static boolean moved(SyntaxNode c, byte[] src, String removedInFile) {
        SyntaxNode args = c.getChildByFieldName("arguments");
        if (args == null || args.isNull() || removedInFile.isEmpty()) {
            return false;
        }
        Matcher m = LITERAL.matcher(text(src, args));
        if (!m.find()) {
            return false;
        }
        String literal = m.group();
        for (int at = removedInFile.indexOf(literal); at >= 0; at = removedInFile.indexOf(literal, at + 1)) {
            int from = removedInFile.lastIndexOf('\n', at) + 1;
            int to = removedInFile.indexOf('\n', at);
            String line = removedInFile.substring(from, to < 0 ? removedInFile.length() : to);
            if (!QUIET.matcher(line).find() && !QUIET.matcher(CodeText.spine(line)).find()) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text} calls {@code pattern}'s level on a receiver whose last name is {@code receiver}. */
    static boolean calls(Pattern pattern, String text, String receiver) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(receiver)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The receiver of a call at a raised level on something named as a logger, or null; as its {@link
     * CodeText#spine}: a logger reached through a call or a chain ({@code log.FromCtx(ctx)}, {@code
     * log.WithFields(f)}, {@code plugin.getLogger()}, {@code LoggerFactory.getLogger(X.class)}) is still the logger.
     */
    private static String raisedReceiver(SyntaxNode c, byte[] src, boolean go) {
        if (go) {
            SyntaxNode fn = c.getChildByFieldName("function");
            if (fn == null || fn.isNull() || !fn.getType().equals("selector_expression")) {
                return null;
            }
            SyntaxNode field = fn.getChildByFieldName("field");
            if (field == null || field.isNull() || !GO_LAST_LINK.matcher(text(src, field)).matches()) {
                return null; // not a level nor the end of a zerolog chain: the spine is not worth reading
            }
            Matcher m = GO_CALL.matcher(CodeText.spine(text(src, fn)));
            return m.matches() && LOGGER.matcher(m.group("recv")).find() ? m.group("recv") : null;
        }
        SyntaxNode obj = c.getChildByFieldName("object");
        SyntaxNode name = c.getChildByFieldName("name");
        if (obj == null || obj.isNull() || name == null || name.isNull()
                || !JAVA_LEVEL.matcher(text(src, name)).matches() && !argumentLevel(c, src, name)) {
            return null;
        }
        String recv = CodeText.spine(text(src, obj));
        return LOGGER.matcher(recv).find() ? recv : null;
    }

    /** A Java {@code log(Level.INFO, ...)} or {@code log(Level.WARNING, ...)}: a raised level given as an argument. */
    static boolean argumentLevel(SyntaxNode c, byte[] src, SyntaxNode name) {
        SyntaxNode args = c.getChildByFieldName("arguments");
        if (!text(src, name).equals("log") || args == null || args.isNull()) {
            return false;
        }
        Matcher m = ARGUMENT_LEVEL.matcher(text(src, args));
        return m.find() && !m.group("level").equals("SEVERE") && !m.group("level").equals("ERROR");
    }

    /** On a failure path, under a debug test, sampled or latched: the raised line does not repeat per call. */
    static boolean quietedHere(SyntaxNode c, byte[] src, boolean go) {
        SyntaxNode child = c;
        for (SyntaxNode p = c.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (FUNCTIONS.contains(p.getType()) && !(p.getType().equals("func_literal")
                    && GoLoops.literal(p, src) == GoLoops.Literal.PER_ITEM)
                    && !(p.getType().equals("lambda_expression") && LoopGuards.perElementBody(p, src))) {
                return false;
            }
            if (p.getType().equals("catch_clause") || RareBranches.onFailurePath(p, child, src, go, c)
                    || RareBranches.underDebugGuard(p, child, src) || LoopGuards.sampled(p, child, src, go)
                    || LoopGuards.latched(p, child, src)) {
                return true;
            }
            child = p;
        }
        return false;
    }

    /** In a loop body of its function, in sight or above the hunk (a continue in an enclosing block). */
    private static boolean inLoop(SyntaxNode c, byte[] src, boolean go) {
        Set<String> loops = go ? GO_LOOPS : JAVA_LOOPS;
        SyntaxNode child = c;
        for (SyntaxNode p = c.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("func_literal") && GoLoops.literal(p, src) == GoLoops.Literal.PER_ITEM
                    || t.equals("lambda_expression") && LoopGuards.perElementBody(p, src)) {
                return true;
            }
            if (FUNCTIONS.contains(t)) {
                return false;
            }
            if (loops.contains(t)) {
                SyntaxNode body = p.getChildByFieldName("body");
                if (body != null && !body.isNull() && body.getStartByte() <= child.getStartByte()
                        && child.getEndByte() <= body.getEndByte() && !LogTraffic.smallFixedBound(p, src)) {
                    return true;
                }
            }
            if (t.equals("block") || t.equals("statement_list")) {
                for (int i = 0; i < p.getNamedChildCount(); i++) {
                    if (p.getNamedChild(i).getType().equals("continue_statement")) {
                        return true; // a continue only stands in a loop: the loop is above the hunk
                    }
                }
            }
            child = p;
        }
        return false;
    }

    /** A function's text up to its body: its annotations, modifiers, name and parameters. */
    private static String signature(SyntaxNode function, byte[] src) {
        SyntaxNode body = function.getChildByFieldName("body");
        int end = body == null || body.isNull() ? function.getEndByte() : body.getStartByte();
        return new String(src, function.getStartByte(), end - function.getStartByte(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The signature of the enclosing named function says it serves a request or a delivered message. */
    private static boolean handler(SyntaxNode c, byte[] src, boolean go) {
        for (SyntaxNode p = c.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("function_declaration") || t.equals("method_declaration") || t.equals("func_literal")
                    || t.equals("constructor_declaration")) {
                String signature = signature(p, src);
                if (ONCE_PER_CHANNEL.matcher(signature).find()) {
                    return false; // a failure or lifecycle callback of the connection: once per channel
                }
                if ((go ? GO_HANDLER : JAVA_HANDLER).matcher(signature).find()) {
                    return true;
                }
                if (!t.equals("func_literal")) {
                    return false;
                }
            }
        }
        return false;
    }
}
