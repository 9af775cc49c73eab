package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SourceFile;

/**
 * Go {@code _ = call(...)} lines whose error cannot carry news, by what the code in sight shows (precision set 13;
 * called from {@link GoDiscards#describe}, whose words these join). Each word names a class of standard or widely
 * used library call whose documented failures the visible code rules out:
 * <ul>
 * <li>{@value #MEMORY_WRITE}: {@code binary.Write} into, or {@code WriteByte} on, a {@code bytes.Buffer} or
 * {@code strings.Builder} the function or file makes or declares. The buffer grows without failing, so the writer
 * never returns an error; {@code binary.Write}'s other failure (a value that is not fixed-size) is a mistake in the
 * program's own types, the same at every call.</li>
 * <li>{@value #NIL_CALLBACKS}: a call whose only error is the one its callbacks return, each callback a function
 * literal in sight whose every {@code return} ends in {@code nil}. The walkers of {@code go/ast}-like trees
 * (goldmark's {@code ast.Walk}), chi's {@code chi.Walk} and the standard library's {@code filepath.Walk},
 * {@code filepath.WalkDir} and {@code fs.WalkDir} (which hand even the root's error to the callback) return only
 * what the callback returns, and so does a {@code Walk...}, {@code ForEach...}, {@code Each...} or {@code Visit...}
 * method handed nothing but the literal (an iteration of a structure in memory); an errgroup's {@code Wait} returns only what a {@code Go} or {@code TryGo} function
 * returned, so every such function of the group in the enclosing function must be a literal of that kind.</li>
 * <li>{@value #STICKY_ERROR}: a write on an {@code encoding/csv} writer whose error the function reads later with
 * {@code w.Error()}, or on a {@code bufio} writer whose later {@code Flush} is checked. Both keep the first error and
 * report it again there, which is how the package documents checking them.</li>
 * </ul>
 */
final class GoInfallibleDiscards {

    static final String MEMORY_WRITE = "writes-to-memory";
    static final String NIL_CALLBACKS = "callbacks-return-nil";
    static final String STICKY_ERROR = "error-read-later";

    private static final Pattern BINARY_WRITE = Pattern.compile("^binary\\.Write\\s*\\(\\s*(&?\\s*[\\p{L}_][\\w.]*)\\s*,");
    private static final Pattern WRITE_BYTE = Pattern.compile("^([\\p{L}_][\\w.]*)\\.WriteByte\\s*\\(");
    /** The library walkers whose only error is their callback's. */
    private static final Pattern WALKER = Pattern.compile("^(?:ast|chi|filepath|fs)\\.Walk(?:Dir)?\\s*\\(");
    /**
     * A walk or for-each method whose one argument is a function literal ({@code node.ForEachFile(func(f *File) error
     * {}, {@code tree.Walk(func(n *Node) error {}}): with no context, root path or client handed in, it iterates a
     * structure already in memory, and its only error is the one the callback returns (session 26, set 18's BG: a
     * file tree's ForEachFile whose callback returns nil).
     */
    private static final Pattern OWN_ITERATION = Pattern.compile(
            "^[\\p{L}_][\\w.]*(?:\\(\\s*\\))?\\.(?:Walk|ForEach|Each|Visit)\\w*\\s*\\(\\s*func\\s*\\(");
    private static final Pattern GROUP_WAIT = Pattern.compile("^([\\p{L}_]\\w*)\\.Wait\\s*\\(\\s*\\)$");
    private static final Pattern WRITER_CALL = Pattern.compile("^([\\p{L}_]\\w*)\\.Write\\w*\\s*\\(");

    private GoInfallibleDiscards() {
    }

    /**
     * The words above that hold for {@code call} (the text after {@code _ = }, comment removed) on line
     * {@code lineNo}; {@code top} is the line of the enclosing top-level {@code func}, 0 when none is in sight.
     */
    static List<String> describe(SourceFile file, int lineNo, String call, int top) {
        List<String> out = new ArrayList<>();
        if (top <= 0) {
            return out;
        }
        String text = file.text();
        String function = functionText(file, top, lineNo);
        if (memoryWrite(call, function, text)) {
            out.add(MEMORY_WRITE);
        }
        if ((WALKER.matcher(call).find() || OWN_ITERATION.matcher(call).find() && literalIsWholeArgument(file, lineNo))
                && callbacksReturnNil(file, lineNo, lineNo, true)) {
            out.add(NIL_CALLBACKS);
        } else if (groupReturnsNil(file, top, lineNo, call, function)) {
            out.add(NIL_CALLBACKS);
        }
        if (errorReadLater(file, lineNo, call, function)) {
            out.add(STICKY_ERROR);
        }
        return out;
    }

    /** The enclosing function's text from its {@code func} line to the line above {@code lineNo}. */
    private static String functionText(SourceFile file, int top, int lineNo) {
        StringBuilder sb = new StringBuilder();
        for (int l = top; l < lineNo; l++) {
            sb.append(file.line(l)).append('\n');
        }
        return sb.toString();
    }

    private static boolean memoryWrite(String call, String function, String text) {
        Matcher b = BINARY_WRITE.matcher(call);
        Matcher w = WRITE_BYTE.matcher(call);
        String target = b.find() ? b.group(1).replaceAll("^&\\s*", "") : w.find() ? w.group(1) : null;
        return target != null && target.matches("[\\p{L}_]\\w*") && (inMemory(function, target) || inMemory(text, target)
                && !Pattern.compile("(?<![\\w.])" + Pattern.quote(target) + "\\s*(?:,[^=\\n]*)?:?=(?!=)").matcher(function).find());
    }

    /** {@code name} is made or declared as a {@code bytes.Buffer} or {@code strings.Builder} (or a pointer to one). */
    private static boolean inMemory(String text, String name) {
        String q = Pattern.quote(name);
        return Pattern.compile("(?<![\\w.])" + q + "\\s*:?=\\s*(?:bytes\\.NewBuffer(?:String)?\\s*\\(|new\\(\\s*(?:bytes\\.Buffer"
                + "|strings\\.Builder)\\s*\\)|&?\\s*(?:bytes\\.Buffer|strings\\.Builder)\\s*\\{)|(?:\\bvar\\s+|[(,]\\s*)" + q
                + "\\s+\\*?\\s*(?:bytes\\.Buffer|strings\\.Builder)\\b").matcher(text).find();
    }

    /**
     * Every function literal of the call that starts on line {@code from} (its text running to the line where its
     * parentheses close, every line of it shown) returns nil as its last result on each {@code return}; with
     * {@code needOne}, there is at least one literal.
     */
    private static boolean callbacksReturnNil(SourceFile file, int from, int lineNo, boolean needOne) {
        String call = callText(file, from);
        if (call == null) {
            return false;
        }
        Matcher lit = Pattern.compile("\\bfunc\\s*\\(").matcher(call);
        boolean any = false;
        while (lit.find()) {
            String header = call.substring(lit.end(), Math.max(lit.end(), call.indexOf('{', lit.end())));
            if (!header.contains("error")) {
                continue;
            }
            any = true;
        }
        if (!any && needOne) {
            return false;
        }
        Matcher ret = Pattern.compile("(?m)^\\s*return\\b([^\\n]*)$").matcher(call);
        int returns = 0;
        while (ret.find()) {
            returns++;
            if (!ret.group(1).strip().replaceFirst("\\s*//.*$", "").matches("(?:.*,\\s*)?nil")) {
                return false;
            }
        }
        return returns > 0 && any;
    }

    /** The call on {@code lineNo} ends where its function literal does: its last line is {@code })} alone. */
    private static boolean literalIsWholeArgument(SourceFile file, int lineNo) {
        String call = callText(file, lineNo);
        if (call == null) {
            return false;
        }
        String[] lines = call.strip().split("\n");
        return lines.length > 1 && lines[lines.length - 1].strip().replaceFirst("\\s*//.*$", "").equals("})");
    }

    /**
     * The text of the call whose first line is {@code from}, to the line where its parentheses balance; null when a
     * line of it is not shown or it does not close within 400 lines.
     */
    private static String callText(SourceFile file, int from) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (int l = from; l < from + 400 && l <= file.lineCount(); l++) {
            if (!file.known(l)) {
                return null;
            }
            String line = file.line(l).replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`|'(?:[^'\\\\]|\\\\.)*'", "\"\"")
                    .replaceFirst("//.*$", "");
            sb.append(file.line(l)).append('\n');
            for (char ch : line.toCharArray()) {
                if (ch == '(') {
                    depth++;
                } else if (ch == ')') {
                    depth--;
                }
            }
            if (depth <= 0) {
                return sb.toString();
            }
        }
        return null;
    }

    /**
     * {@code g.Wait()} of an errgroup the enclosing function makes, all of whose {@code Go}/{@code TryGo} calls above
     * (at least one) are handed a function literal that returns nil on every path.
     */
    private static boolean groupReturnsNil(SourceFile file, int top, int lineNo, String call, String function) {
        Matcher w = GROUP_WAIT.matcher(call);
        if (!w.find()) {
            return false;
        }
        String g = Pattern.quote(w.group(1));
        if (!Pattern.compile("(?<![\\w.])" + g + "\\s*(?:,\\s*\\w+\\s*)?:?=\\s*(?:errgroup\\.WithContext\\s*\\(|new\\(\\s*errgroup"
                + "\\.Group\\s*\\)|&?\\s*errgroup\\.Group\\s*\\{)|\\bvar\\s+" + g + "\\s+errgroup\\.Group\\b").matcher(function).find()) {
            return false;
        }
        Pattern go = Pattern.compile("(?<![\\w.])" + g + "\\.(?:Try)?Go\\s*\\(");
        int calls = 0;
        for (int l = top; l < lineNo; l++) {
            if (go.matcher(file.line(l)).find()) {
                calls++;
                if (!Pattern.compile("(?<![\\w.])" + g + "\\.(?:Try)?Go\\s*\\(\\s*func\\s*\\(\\s*\\)\\s*error\\s*\\{")
                        .matcher(file.line(l)).find() || !callbacksReturnNil(file, l, lineNo, true)) {
                    return false;
                }
            }
        }
        return calls > 0;
    }

    /**
     * A write on a csv writer whose {@code Error()} the function reads below, or on a bufio writer whose
     * {@code Flush()} it checks below (assigned, returned or tested).
     */
    private static boolean errorReadLater(SourceFile file, int lineNo, String call, String function) {
        Matcher c = WRITER_CALL.matcher(call);
        if (!c.find()) {
            return false;
        }
        String w = Pattern.quote(c.group(1));
        boolean csv = Pattern.compile("(?<![\\w.])" + w + "\\s*:?=\\s*csv\\.NewWriter\\s*\\(").matcher(function).find();
        boolean bufio = Pattern.compile("(?<![\\w.])" + w + "\\s*:?=\\s*bufio\\.NewWriter(?:Size)?\\s*\\(").matcher(function).find();
        if (!csv && !bufio) {
            return false;
        }
        Pattern later = csv ? Pattern.compile("(?<![\\w.])" + w + "\\.Error\\s*\\(\\s*\\)")
                : Pattern.compile("(?:\\berr\\w*\\s*:?=\\s*|\\breturn\\s+(?:.*,\\s*)?)" + w + "\\.Flush\\s*\\(\\s*\\)");
        for (int l = lineNo + 1; l <= file.lineCount() && file.known(l); l++) {
            String line = file.line(l);
            if (later.matcher(line).find()) {
                return true;
            }
            if (line.startsWith("}")) {
                return false;
            }
        }
        return false;
    }
}
