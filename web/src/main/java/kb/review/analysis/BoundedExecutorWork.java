package kb.review.analysis;

import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SourceFile;

/**
 * An {@code Executors} pool whose queue the code bounds by what it submits, not by its input (session 34, conc34;
 * CONC-02's java-unbounded-executor). Judged false on the precision sets 17-24 and in round 32, in two classes:
 * <ul>
 * <li>{@link #PER_CALL}: a pool made in a local of one method (a declaration or a try-with-resources resource) that
 * the same method shuts down or closes and neither returns nor stores: its queue holds only the tasks of this call,
 * over data the call already holds (a page of lookups, one probe per server, the registered catalogs). Only when its
 * size follows that work: a cached pool, a fixed pool sized from a collection's size, an array's length or a page
 * size, or one fed by a counted loop to its own size (session 49: any other pool the call shuts down, or a
 * single-thread one, is {@link OneTaskPools}' reading; rounds 74-101 label those RES-04 alone). A pool fed from a
 * {@code while}/{@code do} loop (lines of a stream, messages of a socket) stays reported.</li>
 * <li>{@link #START_UP}: a pool whose every submit in the file happens while its owner starts (in a constructor, a
 * {@code start*}/{@code init*}/{@code open}/{@code setUp}-like method, or a counted loop whose bound is the pool's own
 * size: as many long-running workers as threads), never inside a {@code while}/{@code do} loop: the tasks are a
 * set the program fixes at start-up (its configured routines, its consumer workers), so nothing waits in the queue
 * as load grows.</li>
 * </ul>
 * A pool handed to other code (returned, passed on, stored elsewhere), or submitted to from any other method, is
 * fed by work the review cannot count and stays reported.
 */
public final class BoundedExecutorWork {

    /** What {@link #describe} answers for a pool made, fed and shut down within one call. */
    public static final String PER_CALL = "per-call-pool";
    /** What {@link #describe} answers for a pool fed only while its owner starts. */
    public static final String START_UP = "start-up-tasks";

    private static final Pattern FACTORY = Pattern.compile(
            "Executors\\s*\\.\\s*(?:newFixedThreadPool|newCachedThreadPool|newSingleThreadExecutor)\\s*\\(");
    private static final Pattern ASSIGNED = Pattern.compile(
            "(?:\\b([\\p{L}_][\\w.<>]*)\\s+)?(?:this\\s*\\.\\s*)?([\\p{L}_]\\w*)\\s*=\\s*$");
    private static final Pattern METHOD_HEAD = Pattern.compile(
            "(?s)(?:^|[;{}])\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*(?:(?:public|protected|private|static|final|synchronized"
                    + "|abstract|native|default)\\s+)*(?:<[^>]*>\\s*)?(?:[\\w.<>\\[\\],?\\s]+\\s+)?([\\p{L}_]\\w*)\\s*"
                    + "\\([^;{}]*\\)\\s*(?:throws\\s+[\\w.,\\s]+)?$");
    // a synchronized block opens with `synchronized (`; the modifier of a synchronized method is no control (session 35)
    private static final Pattern CONTROL = Pattern.compile("\\b(?:if|for|while|switch|catch|synchronized(?=\\s*\\()|try|do|else|"
            + "return|new)\\b[^;{}]*$");
    private static final Pattern START_NAME = Pattern.compile(
            "(?i)start\\w*|init\\w*|boot\\w*|setup|open|launch\\w*|on(?:start|enable|init)\\w*|afterPropertiesSet"
                    + "|postConstruct|activate");
    private static final Pattern COUNTED_FOR = Pattern.compile(
            "for\\s*\\(\\s*int\\s+\\w+\\s*=\\s*0\\s*;\\s*\\w+\\s*<\\s*([^;]+?)\\s*;");

    private BoundedExecutorWork() {
    }

    /** {@link #PER_CALL}, {@link #START_UP}, or empty when the pool's work is not bounded by the code in sight. */
    public static String describe(SourceFile file, int lineNo, String line) {
        Matcher factory = FACTORY.matcher(line);
        if (!factory.find()) {
            return "";
        }
        String text = file.text();
        String code = CodeText.code(text);
        int at = offsetOf(code, lineNo) + factory.start();
        if (at < factory.start()) {
            return "";
        }
        String before = code.substring(Math.max(0, at - 200), at).stripTrailing();
        int open = at + factory.end() - factory.start() - 1;
        int[] method = enclosingMethod(code, at);
        if (method != null && OneTaskPools.oneTask(code, open, method)) {
            return OneTaskPools.ONE_TASK; // session 49 (pool49)
        }
        Matcher name = ASSIGNED.matcher(before);
        if (!name.find()) {
            return "";
        }
        String pool = name.group(2);
        String size = argument(code, open);
        boolean local = method != null && name.group(1) != null && !name.group(1).equals("return")
                && !isField(code, method, pool);
        if (local) {
            String body = code.substring(method[0], method[1]);
            if (sizedToWork(factory.group(), size, body) && perCall(body, pool, before)) {
                return PER_CALL;
            }
            // session 49 (pool49): a pool this call owns (one thread, or shut down here), or one whose tasks it awaits
            return OneTaskPools.singleForCall(factory.group(), body, pool, before) ? OneTaskPools.SINGLE_PER_CALL
                    : !factory.group().contains("newCachedThreadPool") && AwaitedExecutorWork.awaited(code, pool,
                            factory.group()) ? AwaitedExecutorWork.AWAITED : "";
        }
        return startUpOnly(code, pool, size) ? START_UP
                : PacedExecutorWork.paced(code, pool) ? PacedExecutorWork.PACED // session 35 (noise35)
                : AwaitedExecutorWork.awaited(code, pool, factory.group()) ? AwaitedExecutorWork.AWAITED : "";
    }

    /** A local pool this method shuts down (or a try resource) and does not hand on, fed from no open-ended loop. */
    private static boolean perCall(String body, String pool, String before) {
        return shutDownHere(body, pool, before) && usesStayInCall(body, pool, false);
    }

    /**
     * True when no use of the local {@code pool} in the method body feeds it from a {@code while}/{@code do} loop
     * and none returns it or stores it elsewhere; a pool handed to a call as an argument passes only when
     * {@code handOnAllowed} (and not from such a loop).
     */
    static boolean usesStayInCall(String body, String pool, boolean handOnAllowed) {
        Matcher use = Pattern.compile("(?<![\\w.])" + Pattern.quote(pool) + "(?!\\w)").matcher(body);
        while (use.find()) {
            String head = body.substring(Math.max(0, use.start() - 60), use.start()).stripTrailing();
            String rest = body.substring(use.end()).stripLeading();
            if (rest.startsWith("=") && !rest.startsWith("==")) {
                continue; // declared or assigned here
            }
            if (rest.startsWith(".")) {
                if (rest.matches("(?s)^\\.\\s*(?:submit|execute|invokeAll|invokeAny)\\s*\\(.*")
                        && inOpenLoop(body, use.start())) {
                    return false; // one task per turn of a loop that ends with its input
                }
                continue; // a call on the pool
            }
            boolean argument = head.endsWith(",") || head.endsWith("(");
            if (argument && (handOnAllowed || ASYNC.matcher(callBefore(body, use.start())).find())) {
                if (inOpenLoop(body, use.start())) {
                    return false;
                }
                continue; // the pool an async stage runs on (supplyAsync(task, pool)), or a call run within this one
            }
            if (head.endsWith("return") || argument || head.endsWith("=") || head.endsWith("->")) {
                return false; // returned, passed on or stored: its work is not all in this call
            }
        }
        return true;
    }

    /** True when the method shuts the pool down itself, or holds it as a try-with-resources resource. */
    static boolean shutDownHere(String body, String pool, String before) {
        return before.matches("(?s).*\\btry\\s*\\(\\s*[^;{}]*$") || Pattern.compile("(?<![\\w.])"
                + Pattern.quote(pool) + "\\s*\\.\\s*(?:shutdown|shutdownNow|close)\\s*\\(").matcher(body).find();
    }

    /** The name of an async stage's call ({@code supplyAsync}) just before an argument: the pool it runs on. */
    static final Pattern ASYNC = Pattern.compile("\\b\\w+Async\\s*$");
    /** A pool size read from the work: a collection's size, an array's length, a page-size getter. */
    private static final Pattern WORK_SIZE = Pattern.compile("\\.\\s*size\\s*\\(\\s*\\)|\\.\\s*length\\b"
            + "|\\bget(?!\\w*(?:Thread|Pool|Worker|Core))\\w*Size\\s*\\(\\s*\\)");

    /**
     * True when a per-call pool's size is the call's work, so its queue holds nothing past it: a cached pool (no
     * queue), a fixed pool sized from the work ({@code min(ids.size(), 8)}, a page size) or fed by a counted loop to its
     * own size. A pool of a fixed count of threads (2, the processors) fed a whole collection queues the rest: that
     * one is left to {@link OneTaskPools#singleForCall} (shut down by the call, or awaited).
     */
    private static boolean sizedToWork(String factory, String size, String body) {
        if (factory.contains("newCachedThreadPool")) {
            return true;
        }
        return size != null && (WORK_SIZE.matcher(size).find() || countedBy(body, size));
    }

    /** The text before the unmatched parenthesis around {@code pos}: the name of the call it is an argument of. */
    static String callBefore(String body, int pos) {
        int depth = 0;
        int braces = 0; // a lambda's block among the call's arguments
        for (int i = pos - 1; i >= 0; i--) {
            char c = body.charAt(i);
            if (c == '}') {
                braces++;
            } else if (c == '{' && braces-- == 0 || c == ';' && braces == 0) {
                break;
            } else if (braces > 0) {
                continue;
            } else if (c == ')') {
                depth++;
            } else if (c == '(' && depth-- == 0) {
                return body.substring(Math.max(0, i - 60), i);
            }
        }
        return "";
    }

    /** A field pool whose every submit is in a start-up method or a loop over its own size, none in an open loop. */
    private static boolean startUpOnly(String code, String pool, String size) {
        Matcher use = submissions(pool).matcher(code);
        int submits = 0;
        while (use.find()) {
            submits++;
            int[] method = enclosingMethod(code, use.start());
            if (method == null || inOpenLoop(code.substring(method[0], method[1]), use.start() - method[0])) {
                return false;
            }
            if (nested(code, method[0], use.start())) {
                return false; // a lambda or an anonymous class: it runs later, maybe again and again
            }
            if (LOOPING_TASK.matcher(callText(code, code.indexOf('(', use.end() - 1))).find()) {
                return false; // a task that loops: LoopOnlyExecutors judges it (one loop until stopped or not)
            }
            String methodName = nameOf(code, method[0]);
            if (!START_NAME.matcher(methodName).matches() && !constructor(code, methodName)
                    && !(size != null && countedBy(code.substring(method[0], use.start()), size))) {
                return false;
            }
        }
        return submits > 0 && !handedOn(code, pool);
    }

    /**
     * True when {@code code} submits to the pool at least once, every submission sits in a method and passes
     * {@code check} (given the submission's match and the method's start and end), and the pool is not handed on: the
     * frame of the paced and the awaited readings.
     */
    static boolean everySubmission(String code, String pool, BiPredicate<Matcher, int[]> check) {
        Matcher use = submissions(pool).matcher(code);
        int submits = 0;
        while (use.find()) {
            submits++;
            int[] method = enclosingMethod(code, use.start());
            if (method == null || !check.test(use, method)) {
                return false;
            }
        }
        return submits > 0 && !handedOn(code, pool);
    }

    /** The pool's submissions: {@code pool.submit(}, {@code this.pool.execute(}, {@code invokeAll}/{@code invokeAny}. */
    static Pattern submissions(String pool) {
        return Pattern.compile("(?<![\\w])(?:this\\s*\\.\\s*)?" + Pattern.quote(pool)
                + "\\s*\\.\\s*(?:submit|execute|invokeAll|invokeAny)\\s*\\(");
    }

    /** True when the pool is handed to other code: returned, or passed as an argument. */
    static boolean handedOn(String code, String pool) {
        return Pattern.compile("(?:\\breturn\\s+|[(,]\\s*)(?:this\\s*\\.\\s*)?" + Pattern.quote(pool)
                + "\\s*[;,)]").matcher(code).find();
    }

    private static final Pattern LOOPING_TASK = Pattern.compile("\\b(?:while\\s*\\(|do\\s*\\{)");

    /** The text of the call whose parenthesis opens at {@code open}, up to its closing parenthesis. */
    private static String callText(String code, int open) {
        int end = closeParen(code, open);
        return end < 0 ? "" : code.substring(open, end);
    }

    /** The offset just past the parenthesis that closes the one opening at {@code open}, or -1. */
    static int closeParen(String code, int open) {
        int depth = 0;
        for (int i = Math.max(0, open); i < code.length(); i++) {
            char c = code.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** True when the position sits in a lambda or an anonymous class's body inside the method opening at {@code from}. */
    static boolean nested(String code, int from, int pos) {
        String statement = code.substring(Math.max(from, lastBoundary(code, pos) + 1), pos);
        if (statement.contains("->")) {
            return true;
        }
        int depth = 0;
        for (int i = pos; i > from; i--) {
            char c = code.charAt(i);
            if (c == '}') {
                depth++;
            } else if (c == '{' && depth-- == 0) {
                depth = 0;
                String head = code.substring(Math.max(from, lastBoundary(code, i - 1) + 1), i).strip();
                if (head.endsWith("->") || ANONYMOUS.matcher(head).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final Pattern ANONYMOUS = Pattern.compile("\\bnew\\s+[\\w.<>]+\\s*\\([^;]*\\)$");

    private static int lastBoundary(String code, int pos) {
        for (int i = pos - 1; i >= 0; i--) {
            char c = code.charAt(i);
            if (c == ';' || c == '{' || c == '}') {
                return i;
            }
        }
        return -1;
    }

    /** True when the last counted loop opened before the submit runs to the pool's own size argument. */
    private static boolean countedBy(String head, String size) {
        Matcher m = COUNTED_FOR.matcher(head);
        String bound = null;
        while (m.find()) {
            bound = m.group(1);
        }
        return bound != null && bound.replaceAll("\\s+", "").equals(size.replaceAll("\\s+", ""));
    }

    private static boolean constructor(String code, String name) {
        return !name.isEmpty() && code.matches("(?s).*\\bclass\\s+" + Pattern.quote(name) + "\\b.*");
    }

    /** True when the position sits in the body of a {@code while} or {@code do} loop of the given text. */
    static boolean inOpenLoop(String text, int pos) {
        int depth = 0;
        for (int i = Math.min(pos, text.length() - 1); i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '}') {
                depth++;
            } else if (c == '{' && depth-- == 0) {
                String head = text.substring(Math.max(0, i - 200), i);
                int cut = Math.max(head.lastIndexOf(';'), Math.max(head.lastIndexOf('{'), head.lastIndexOf('}')));
                if (head.substring(cut + 1).matches("(?s)\\s*(?:while\\b.*|do\\s*)")) {
                    return true;
                }
                depth = 0;
            }
        }
        return false;
    }

    /** [start, end, 1] of the body of the method around {@code pos} (braces included), or null. */
    static int[] enclosingMethod(String code, int pos) {
        int depth = 0;
        for (int i = pos; i >= 0; i--) {
            char c = code.charAt(i);
            if (c == '}') {
                depth++;
            } else if (c == '{' && depth-- == 0) {
                depth = 0;
                String head = code.substring(Math.max(0, i - 300), i);
                if (METHOD_HEAD.matcher(head).find() && !CONTROL.matcher(head).find() && !head.stripTrailing()
                        .endsWith("->")) {
                    int end = close(code, i);
                    return end < 0 ? null : new int[] {i, end, 1};
                }
            }
        }
        return null;
    }

    private static String nameOf(String code, int open) {
        Matcher m = METHOD_HEAD.matcher(code.substring(Math.max(0, open - 300), open));
        return m.find() ? m.group(1) : "";
    }

    private static boolean isField(String code, int[] method, String pool) {
        String body = code.substring(method[0], method[1]);
        return !Pattern.compile("(?<![\\w.])[\\w.<>]+\\s+" + Pattern.quote(pool) + "\\s*=").matcher(body).find();
    }

    private static int close(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The first argument of the call whose parenthesis opens at {@code open}, or null. */
    private static String argument(String code, int open) {
        if (open < 0 || open >= code.length() || code.charAt(open) != '(') {
            return null;
        }
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 || depth == 1 && c == ',') {
                String a = code.substring(open + 1, i).strip();
                return a.isEmpty() ? null : a;
            }
        }
        return null;
    }

    private static int offsetOf(String code, int lineNo) {
        int off = 0;
        for (int l = 1; l < lineNo; l++) {
            off = code.indexOf('\n', off);
            if (off < 0) {
                return -1;
            }
            off++;
        }
        return off;
    }
}
