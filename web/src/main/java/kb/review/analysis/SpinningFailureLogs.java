package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import kb.review.analysis.Shapes.Spot;
import kb.review.diff.SyntaxNode;

/**
 * (session 42, log42) A failure branch that only logs, inside a loop that runs until it is stopped, around a read of
 * a connection or stream: a Java {@code catch} of an I/O failure, a Go {@code if err != nil} after a Read, Recv,
 * Receive, Accept or Decode. Once the peer is gone the read fails at once on every turn, nothing in the branch leaves
 * the loop, closes the source or waits, so the loop spins and the line is written as fast as it can fail: the log
 * floods with one line repeated (the breadth fixes in the README's log42 section added the missing return, the close
 * that stops the loop, or a pause after repeated failures). Reported where the change makes the branch so: the
 * branch's log line is added, or the edit removed the exit ({@code break}, {@code return}, {@code throw}, a close or a
 * stop flag) the branch had. With the loop above the hunk only a removed {@code break} proves the loop.
 *
 * <p>Not this: a branch that does anything but log (reconnects, closes, counts, sleeps, hands the error on), a loop
 * over a collection or with a clause (it ends), a loop paced by a sleep, a timer or a wait elsewhere in its body, a
 * timeout or interrupt catch (the read waited), a read whose failure is one bad item (a parse or a handler's error),
 * debug lines.
 */
public final class SpinningFailureLogs {

    private static final Set<String> JAVA_BOUNDARIES = Set.of("lambda_expression", "method_declaration",
            "constructor_declaration", "class_body", "static_initializer");
    private static final Set<String> GO_BOUNDARIES = Set.of("func_literal", "function_declaration",
            "method_declaration");
    private static final Set<String> JAVA_LOOPS = Set.of("while_statement", "for_statement", "do_statement");

    /**
     * A log call by the receiver's name and a level that production writes (no debug, trace, fine). Standard output
     * is left out: a command's prompt that asks again after a failed read of the terminal (set 24's pdfcpu
     * {@code confirmed()}) prints to its user, not to a service's log.
     */
    private static final Pattern JAVA_LOG = Pattern.compile(
            "(?i)^(?:[\\w$]+(?:\\(\\))?\\.)*[\\w$]*log\\w*(?:\\(\\))?\\.(?:info|warn|warning|error|severe|fatal|log|wtf|[iwe])$"
            + "|^System\\.err\\.print(?:ln|f)?$|^[\\w$]+\\.printStackTrace$");
    private static final Pattern GO_LOG = Pattern.compile(
            "(?i)^(?:[\\w.]*\\.)?(?:log|logger|lg|l|lr|entry|zap|sugar|logrus|klog|glog|slog|\\w*logger)"
            + "(?:\\(\\))?(?:\\.\\w+\\([^()]*\\))*\\.(?:Print|Printf|Println|Info|Infof|Infow|Warn|Warnf|Warnw|Warning|Warningf"
            + "|Error|Errorf|Errorw|Errorln|Msg|Msgf|Send)$");
    /** Java: the catch of a connection's or stream's failure (not a timeout: the read waited for it). */
    private static final Pattern IO_CATCH = Pattern.compile(
            "\\b\\w*(?:IO|Socket|Connect|Connection|Channel|Stream|EOF|Closed|Transport|Network)\\w*Exception\\b");
    private static final Pattern WAITED = Pattern.compile("(?i)timeout|interrupt");
    private static final Pattern JAVA_READ = Pattern.compile("^(?:read\\w*|receive\\w*|recv\\w*|accept)$");
    private static final Pattern GO_READ = Pattern.compile(
            "^(?:Read\\w*|Recv\\w*|Receive\\w*|Accept\\w*|Decode|NextReader|NextFrame|NextMessage)$");
    /** A loop that runs until a flag, a state or an interrupt stops it: no comparison, iterator or counter. */
    private static final Pattern FLAG_CONDITION = Pattern.compile(
            "^(?:true|(?:!\\s*)?[\\w$.]+(?:\\(\\))?(?:\\.[\\w$]+\\(\\))*(?:\\s*&&\\s*(?:!\\s*)?[\\w$.]+(?:\\(\\))?(?:\\.[\\w$]+\\(\\))*)*)$");
    private static final Pattern GO_ITERATION = Pattern.compile("\\.(?:Next|Scan|More|HasNext)\\w*\\(");
    private static final Pattern ITERATION = Pattern.compile("(?i)hasNext|hasMore|next\\w*\\(|size\\(|length|isEmpty");
    /** What paces a loop on every turn: a sleep, a timer, a wait, a backoff. */
    private static final Pattern PACED = Pattern.compile(
            "(?i)\\bsleep\\s*\\(|\\.await\\w*\\s*\\(|\\.wait\\s*\\(|time\\.After\\b|\\.C\\b|ticker|backoff|\\.Wait\\s*\\(");
    /** An exit or pause the edit took out of the branch. */
    private static final Pattern REMOVED_EXIT = Pattern.compile(
            "(?m)^(?:break\\b|return\\b|throw\\b|continue\\s+\\w+)|\\.(?:close|stop|shutdown|interrupt|cancel|disconnect|Close|Stop)\\s*\\(|\\bsleep\\s*\\(|\\bSleep\\s*\\(|(?i)^(?:this\\.)?\\w*(?:running|stop\\w*|closed|done|alive|active|connected)\\s*=");

    private SpinningFailureLogs() {
    }

    /**
     * The log lines of failure branches that spin their loop. {@code added} tells an added line; {@code removed}
     * gives the lines the edit removed after one new line and up to another (stripped, one a line).
     */
    public static List<Spot> find(SyntaxNode root, byte[] src, boolean go, IntPredicate added,
                                  BiFunction<Integer, Integer, String> removed) {
        List<SyntaxNode> branches = new ArrayList<>();
        Shapes.walk(root, go ? "if_statement" : "catch_clause", branches);
        List<Spot> out = new ArrayList<>();
        for (SyntaxNode b : branches) {
            SyntaxNode body = go ? b.getChildByFieldName("consequence") : b.getChildByFieldName("body");
            if (body == null || body.isNull() || go && !failureTest(b, src) || !go && !ioCatch(b, src)) {
                continue;
            }
            SyntaxNode log = onlyLogs(body, src, go);
            if (log == null) {
                continue;
            }
            int first = body.getStartPoint().getRow() + 1;
            int last = body.getEndPoint().getRow() + 1;
            boolean exitRemoved = REMOVED_EXIT.matcher(removed.apply(first, last)).find();
            SyntaxNode owner = go ? b : b.getParent(); // the try statement whose body the catch guards
            SyntaxNode loop = loopAround(owner, go);
            boolean spins;
            if (loop == null) {
                // the loop is above the hunk: only a removed break says the branch stood in one
                spins = removed.apply(first, last).lines().anyMatch(l -> l.matches("break;?\\s*"))
                        && !inSwitch(owner, go);
            } else {
                spins = (added.test(log.getStartPoint().getRow() + 1) || exitRemoved) && endless(loop, src, go)
                        && !PACED.matcher(text(src, loop.getChildByFieldName("body"))).find()
                        && readsSource(b, owner, src, go);
            }
            if (spins) {
                out.add(Shapes.at(log, true, null));
            }
        }
        return out;
    }

    private static boolean failureTest(SyntaxNode ifStatement, byte[] src) {
        SyntaxNode cond = ifStatement.getChildByFieldName("condition");
        return cond != null && !cond.isNull() && text(src, cond).matches("\\w*[eE]rr\\w*\\s*!=\\s*nil");
    }

    private static boolean ioCatch(SyntaxNode c, byte[] src) {
        String head = text(src, c);
        int brace = head.indexOf('{');
        head = brace < 0 ? head : head.substring(0, brace);
        return IO_CATCH.matcher(head).find() && !WAITED.matcher(head).find();
    }

    /** The first log call of a block whose every statement is a log line or a continue; null otherwise. */
    private static SyntaxNode onlyLogs(SyntaxNode block, byte[] src, boolean go) {
        SyntaxNode list = block;
        if (go && block.getNamedChildCount() == 1 && block.getNamedChild(0).getType().equals("statement_list")) {
            list = block.getNamedChild(0);
        }
        SyntaxNode first = null;
        for (int i = 0; i < list.getNamedChildCount(); i++) {
            SyntaxNode s = list.getNamedChild(i);
            String t = s.getType();
            if (t.equals("continue_statement") || t.endsWith("comment")) {
                continue;
            }
            SyntaxNode call = t.equals("expression_statement") && s.getNamedChildCount() == 1 ? s.getNamedChild(0)
                    : null;
            if (call == null || !logCall(call, src, go)) {
                return null;
            }
            first = first == null ? call : first;
        }
        return first;
    }

    private static boolean logCall(SyntaxNode call, byte[] src, boolean go) {
        if (go) {
            SyntaxNode fn = call.getChildByFieldName("function");
            String callee = fn == null || fn.isNull() ? "" : text(src, fn);
            return call.getType().equals("call_expression") && GO_LOG.matcher(callee).find()
                    && !callee.matches("(?s).*\\.(?:Debug|Trace|V)\\(.*"); // a detail level in a chain
        }
        if (!call.getType().equals("method_invocation")) {
            return false;
        }
        SyntaxNode obj = call.getChildByFieldName("object");
        SyntaxNode name = call.getChildByFieldName("name");
        String callee = (obj == null || obj.isNull() ? "" : text(src, obj) + ".") + text(src, name);
        if (callee.endsWith(".log")) { // JUL's log(Level, ...): a production level only
            SyntaxNode args = call.getChildByFieldName("arguments");
            String a = args == null || args.isNull() ? "" : text(src, args);
            return a.matches("(?s)\\(\\s*(?:[\\w.]*\\.)?(?:SEVERE|WARNING|INFO|ERROR|WARN)\\s*,.*");
        }
        return JAVA_LOG.matcher(callee).find();
    }

    private static SyntaxNode loopAround(SyntaxNode n, boolean go) {
        for (SyntaxNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if ((go ? GO_BOUNDARIES : JAVA_BOUNDARIES).contains(t)) {
                return null;
            }
            if (go ? t.equals("for_statement") : JAVA_LOOPS.contains(t)) {
                return p;
            }
        }
        return null;
    }

    private static boolean inSwitch(SyntaxNode n, boolean go) {
        for (SyntaxNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if ((go ? GO_BOUNDARIES : JAVA_BOUNDARIES).contains(t)) {
                return false;
            }
            if (t.contains("switch") || t.equals("select_statement") || t.equals("communication_case")) {
                return true;
            }
        }
        return false;
    }

    /** A loop with no clause, range or iterator: {@code for {}}, {@code while (true)}, {@code while (!stop)}. */
    private static boolean endless(SyntaxNode loop, byte[] src, boolean go) {
        if (go) {
            for (int i = 0; i < loop.getNamedChildCount(); i++) {
                SyntaxNode part = loop.getNamedChild(i);
                String t = part.getType();
                if (t.equals("for_clause") || t.equals("range_clause")) {
                    return false;
                }
                // a condition: a flag or state (for p.open, for !closed.Load()), not a cursor or scanner that walks
                // items (for rows.Next(), for cursor.Next(ctx), for sc.Scan()), each read one item of its own
                String c = text(src, part).strip().replaceFirst("\\s*==\\s*nil$", "");
                if (!t.equals("block") && (!FLAG_CONDITION.matcher(c).matches() || GO_ITERATION.matcher(c).find())) {
                    return false;
                }
            }
            return true;
        }
        if (loop.getType().equals("for_statement")) {
            SyntaxNode cond = loop.getChildByFieldName("condition");
            SyntaxNode init = loop.getChildByFieldName("init");
            return (cond == null || cond.isNull()) && (init == null || init.isNull());
        }
        SyntaxNode cond = loop.getChildByFieldName("condition");
        if (cond == null || cond.isNull()) {
            return false;
        }
        String c = text(src, cond).strip();
        if (c.startsWith("(") && c.endsWith(")")) {
            c = c.substring(1, c.length() - 1).strip();
        }
        return FLAG_CONDITION.matcher(c).matches() && !ITERATION.matcher(c).find();
    }

    /** The branch handles the failure of a read of a connection or stream made on every turn. */
    private static boolean readsSource(SyntaxNode branch, SyntaxNode owner, byte[] src, boolean go) {
        if (!go) {
            SyntaxNode body = owner.getChildByFieldName("body");
            List<SyntaxNode> calls = new ArrayList<>();
            Shapes.walk(body == null || body.isNull() ? owner : body, "method_invocation", calls);
            return calls.stream().map(c -> c.getChildByFieldName("name"))
                    .anyMatch(n -> n != null && !n.isNull() && JAVA_READ.matcher(text(src, n)).matches());
        }
        SyntaxNode source = branch.getChildByFieldName("initializer");
        if (source == null || source.isNull()) {
            SyntaxNode prev = previousStatement(branch);
            source = prev;
        }
        if (source == null || source.isNull()) {
            return false;
        }
        List<SyntaxNode> calls = new ArrayList<>();
        Shapes.walk(source, "call_expression", calls);
        for (SyntaxNode c : calls) {
            SyntaxNode fn = c.getChildByFieldName("function");
            SyntaxNode field = fn == null || fn.isNull() ? null : fn.getChildByFieldName("field");
            if (field != null && !field.isNull() && GO_READ.matcher(text(src, field)).matches()) {
                return true;
            }
        }
        return false;
    }

    private static SyntaxNode previousStatement(SyntaxNode n) {
        SyntaxNode parent = n.getParent();
        if (parent == null || parent.isNull()) {
            return null;
        }
        SyntaxNode prev = null;
        for (int i = 0; i < parent.getNamedChildCount(); i++) {
            SyntaxNode c = parent.getNamedChild(i);
            if (c.getStartByte() == n.getStartByte()) {
                return prev;
            }
            if (!c.getType().endsWith("comment")) {
                prev = c;
            }
        }
        return null;
    }
}
