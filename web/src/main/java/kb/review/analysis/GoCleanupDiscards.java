package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SourceFile;

/**
 * Three more words for the {@code discard} condition of ERR-01's {@code go-error-assigned-to-blank} (precision set 16,
 * classes C and DR), each read from the blocks that enclose the {@code _ = call(...)} line, never from a project's
 * names:
 * <ul>
 * <li>{@value #DEFERRED_CLEANUP}: a clean-up step (its last name says it deletes, removes, kills, waits for an exit,
 * stops or releases; or a callback given to the call does) inside a deferred function literal, at any depth (a
 * goroutine started by the deferred function counts). The function's result is decided before the defer runs; a
 * leftover temporary branch or an exit status of a process being killed changes nothing the caller can act on.</li>
 * <li>{@value #SECOND_ERROR}: the same kind of clean-up step (session 34: also a message handed back to its broker
 * on failure, JetStream's {@code Nak}/{@code Term}, AMQP's {@code Nack}/{@code Reject}, a {@code Requeue}: the broker
 * redelivers or drops it after the ack wait whatever the call returns) inside {@code if err != nil { ... }}, whose block hands
 * that error to a call (a handler, a log line): the first error is what the path reports, and the clean-up's own error would
 * only come second (the "cleanup on the way out" reject of the rule, for blocks that report the error through a
 * handler and a bare return instead of returning it).</li>
 * <li>{@value #NODE_CODEC}: {@code Encode} or {@code Decode} on a {@code yaml.Node} the code declares: the node is an
 * already parsed document, and moving it to or from a Go value of the shape YAML gave it does not read any input.</li>
 * <li>{@value #ENDS_ERRORLESS}: a step that ends something (its last name says close, stop, shut down, disconnect,
 * terminate, tear down or release, anywhere in it: {@code interruptReadAndClose}) as the last work of a function that
 * declares no error result, followed only by fields set to nil, unlocks, log lines, other such steps and closing
 * braces (session 25, set 17's class C: a control connection closed when a newer login replaces it, a controller
 * stopped while the service shuts down). The function has no caller to tell and nothing left to do; what it gives up
 * is being let go. A step that saves or sends, one followed by more work, and one in a function that returns an error
 * stay reported.</li>
 * </ul>
 */
public final class GoCleanupDiscards {

    public static final String DEFERRED_CLEANUP = "deferred-cleanup";
    public static final String SECOND_ERROR = "second-error";
    public static final String NODE_CODEC = "codes-parsed-node";
    public static final String ENDS_ERRORLESS = "ends-errorless-function";

    /** The last name of the callee says it ends something, anywhere in it. */
    private static final Pattern ENDING = Pattern.compile("(?i)close|stop|shutdown|disconnect|terminate|teardown|release");
    /** A function header on one line, whose results (if any) name no error. */
    private static final Pattern HEADER = Pattern.compile("^func\\s.*\\{\\s*$");
    private static final Pattern ERROR_WORD = Pattern.compile("\\berror\\b");
    /** What may follow the step before the function's end: nothing that works on. */
    private static final Pattern TAIL = Pattern.compile("^(?:|\\}|//.*|[\\w.\\[\\]]+\\s*=\\s*nil|[\\w.]+\\.R?Unlock\\(\\)"
            + "|_\\s*=\\s*[\\w.]+\\.\\w*(?i:close|stop|shutdown|disconnect|terminate|teardown|release)\\w*\\([^()]*\\)"
            + "|[\\w.]+\\.(?:Info|Debug|Warn|Trace|Print)\\w*\\(.*\\))$");

    /** The last name of the callee says it ends or undoes something. */
    private static final Pattern CLEANUP = Pattern.compile("(?i)^(?:delete|remove|prune|purge|clean|cleanup|unlink"
            + "|kill|signal|wait|stop|shutdown|terminate|destroy|dispose|teardown|abort|cancel|rollback|release|drain"
            + "|discard|drop|unlock|disconnect|close|nak|nack|term|reject|requeue)\\w*$");
    private static final Pattern CALLEE = Pattern.compile("^(?:[\\w.\\[\\]]+\\.)?(\\w+)\\s*\\(");
    private static final Pattern CALL_IN_TEXT = Pattern.compile("(?:[\\w.]+\\.)?(\\w+)\\s*\\(");
    private static final Pattern DEFER_LITERAL = Pattern.compile("^\\s*defer\\s+func\\s*\\(");
    private static final Pattern ERR_TEST = Pattern.compile(
            "^\\s*(?:\\}\\s*else\\s+)?if\\s.*?(?<![\\w.])(\\w*(?:err|Err)\\w*)\\s*!=\\s*nil\\s*\\{\\s*$");
    private static final Pattern NODE_CALL = Pattern.compile("^([\\p{L}_]\\w*)\\.(?:Encode|Decode)\\s*\\(");

    private GoCleanupDiscards() {
    }

    static List<String> describe(SourceFile file, int lineNo, String call) {
        List<String> out = new ArrayList<>();
        Matcher callee = CALLEE.matcher(call);
        boolean cleanup = callee.find() && (CLEANUP.matcher(callee.group(1)).matches()
                || call.endsWith("{") && callbackCleans(file, lineNo));
        if (cleanup) {
            List<Integer> openers = openers(file, lineNo);
            if (openers.stream().anyMatch(l -> DEFER_LITERAL.matcher(file.line(l)).find())) {
                out.add(DEFERRED_CLEANUP);
            }
            if (!openers.isEmpty() && reportsFirstError(file, openers.get(0), lineNo)) {
                out.add(SECOND_ERROR);
            }
        }
        if (callee.find(0) && ENDING.matcher(callee.group(1)).find() && endsErrorlessFunction(file, lineNo)) {
            out.add(ENDS_ERRORLESS);
        }
        Matcher node = NODE_CALL.matcher(call);
        if (node.find() && Pattern.compile("(?<![\\w.])" + Pattern.quote(node.group(1))
                + "\\s*(?::=\\s*&?\\s*yaml\\.Node\\s*\\{|\\s+\\*?yaml\\.Node\\b)|\\bvar\\s+" + Pattern.quote(node.group(1))
                + "\\s+yaml\\.Node\\b").matcher(file.text()).find()) {
            out.add(NODE_CODEC);
        }
        return out;
    }

    /**
     * The line is followed, up to the enclosing function's closing brace (at the start of a line), only by lines that do
     * no more work, and the function's header, on one line in sight, declares no error result.
     */
    private static boolean endsErrorlessFunction(SourceFile file, int lineNo) {
        int end = -1;
        for (int l = lineNo + 1; l <= lineNo + 8 && file.known(l); l++) {
            String text = file.line(l);
            if (text.startsWith("}")) {
                end = l;
                break;
            }
            if (!TAIL.matcher(text.strip()).matches()) {
                return false;
            }
        }
        if (end < 0) {
            return false;
        }
        for (int l = lineNo - 1; l >= 1 && file.known(l) && l > lineNo - 200; l--) {
            String text = file.line(l);
            if (text.startsWith("}")) {
                return false;
            }
            if (text.startsWith("func ")) {
                return HEADER.matcher(text).find() && !ERROR_WORD.matcher(text).find();
            }
        }
        return false;
    }

    /** A callback literal that starts on the call's line ends a thing: a clean-up call within its next few lines. */
    private static boolean callbackCleans(SourceFile file, int lineNo) {
        for (int l = lineNo + 1; l <= lineNo + 6 && file.known(l); l++) {
            String text = file.line(l).strip();
            if (text.startsWith("})")) {
                return false;
            }
            Matcher c = CALL_IN_TEXT.matcher(text);
            while (c.find()) {
                if (CLEANUP.matcher(c.group(1)).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The lines that open the blocks enclosing {@code lineNo}, innermost first, up to the enclosing top-level
     * function (or the first line the diff does not show). Braces are counted per line, strings and comments aside.
     */
    private static List<Integer> openers(SourceFile file, int lineNo) {
        List<Integer> out = new ArrayList<>();
        int depth = 0;
        for (int l = lineNo - 1; l >= 1 && file.known(l); l--) {
            String text = file.line(l);
            if (text.startsWith("func ") || text.startsWith("}")) {
                break;
            }
            String code = text.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`|'(?:[^'\\\\]|\\\\.)*'", "\"\"")
                    .replaceFirst("//.*$", "");
            for (int i = code.length() - 1; i >= 0; i--) {
                char ch = code.charAt(i);
                if (ch == '}') {
                    depth++;
                } else if (ch == '{') {
                    if (depth == 0) {
                        out.add(l);
                        break;
                    }
                    depth--;
                }
            }
        }
        return out;
    }

    /**
     * The block opened at {@code opener} is {@code if err != nil {}} and, besides the discard, hands that error to a
     * call.
     */
    private static boolean reportsFirstError(SourceFile file, int opener, int lineNo) {
        Matcher test = ERR_TEST.matcher(file.line(opener));
        if (!test.find()) {
            return false;
        }
        // handed to a call (a handler, a log line): a block that only returns it is the rule's own "cleanup on the way
        // out" reject, which also asks that no other work follows the discard
        Pattern uses = Pattern.compile("(?:\\(|,\\s*)" + Pattern.quote(test.group(1)) + "\\b(?!\\s*[!=]=)");
        int depth = 0;
        for (int l = opener + 1; file.known(l) && l < opener + 40; l++) {
            String text = file.line(l);
            if (l != lineNo && uses.matcher(text).find()) {
                return true;
            }
            depth += count(text, '{') - count(text, '}');
            if (depth < 0) {
                return false;
            }
        }
        return false;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
