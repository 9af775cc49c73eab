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
 * <li>{@value #SECOND_ERROR}: the same kind of clean-up step inside {@code if err != nil { ... }}, whose block hands
 * that error to a call (a handler, a log line): the first error is what the path reports, and the clean-up's own error would
 * only come second (the "cleanup on the way out" reject of the rule, for blocks that report the error through a
 * handler and a bare return instead of returning it).</li>
 * <li>{@value #NODE_CODEC}: {@code Encode} or {@code Decode} on a {@code yaml.Node} the code declares: the node is an
 * already parsed document, and moving it to or from a Go value of the shape YAML gave it does not read any input.</li>
 * </ul>
 */
public final class GoCleanupDiscards {

    public static final String DEFERRED_CLEANUP = "deferred-cleanup";
    public static final String SECOND_ERROR = "second-error";
    public static final String NODE_CODEC = "codes-parsed-node";

    /** The last name of the callee says it ends or undoes something. */
    private static final Pattern CLEANUP = Pattern.compile("(?i)^(?:delete|remove|prune|purge|clean|cleanup|unlink"
            + "|kill|signal|wait|stop|shutdown|terminate|destroy|dispose|teardown|abort|cancel|rollback|release|drain"
            + "|discard|drop|unlock|disconnect|close)\\w*$");
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
        Matcher node = NODE_CALL.matcher(call);
        if (node.find() && Pattern.compile("(?<![\\w.])" + Pattern.quote(node.group(1))
                + "\\s*(?::=\\s*&?\\s*yaml\\.Node\\s*\\{|\\s+\\*?yaml\\.Node\\b)|\\bvar\\s+" + Pattern.quote(node.group(1))
                + "\\s+yaml\\.Node\\b").matcher(file.text()).find()) {
            out.add(NODE_CODEC);
        }
        return out;
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
