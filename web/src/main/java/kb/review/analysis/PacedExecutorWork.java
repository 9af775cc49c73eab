package kb.review.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An executor whose every submission is paced by the code in sight, so its queue cannot grow with load however its
 * callers call: the class boundary of {@code java-unbounded-executor} is the rate and source of the submissions, not
 * the pool's factory (round 35's java-13: a statistics sender's {@code newSingleThreadExecutor} fed by {@code addCall}
 * at most once a minute). Each {@code submit}/{@code execute} of the pool sits in a method that, before it and not
 * in a loop, either
 * <ul>
 *   <li>returns early unless a time interval has passed ({@code if (System.currentTimeMillis() - lastSent < 60_000)
 *       return;}, {@code nanoTime}, {@code Instant.now()}, a clock's {@code millis()}, Android's
 *       {@code SystemClock.elapsedRealtime()}), or runs the submission only inside such a test;</li>
 *   <li>returns early unless it takes a permit or a flag ({@code if (!limiter.tryAcquire()) return;},
 *       {@code if (!inFlight.compareAndSet(false, true)) return;}): a rate limiter, or at most one job pending.</li>
 * </ul>
 * A pool handed on (returned, passed as an argument), a submission in a while, do or for loop, or one method that
 * submits without such a guard, stays reported: the callers' rate decides it there.
 */
final class PacedExecutorWork {

    /** What {@link BoundedExecutorWork#describe} answers for a pool whose every submission is paced. */
    static final String PACED = "paced-submits";

    private static final String TIME = "(?:currentTimeMillis|nanoTime|Instant\\s*\\.\\s*now|\\.\\s*millis\\s*\\(|elapsedRealtime"
            + "|uptimeMillis|LocalDateTime\\s*\\.\\s*now|Duration\\s*\\.\\s*between)";
    private static final Pattern TIME_SOURCE = Pattern.compile(TIME);
    /** A local that holds a time: {@code long now = System.currentTimeMillis();}. */
    private static final Pattern TIME_LOCAL = Pattern.compile("(\\w+)\\s*=\\s*[^;{}=]*" + TIME);
    /** An early return on a comparison: {@code if (now - last < PERIOD) return;}; group 1 the condition. */
    private static final Pattern COMPARED_RETURN = Pattern.compile("\\bif\\s*\\(([^;{}]*[<>]=?[^;{}]*)\\)\\s*\\{?\\s*"
            + "(?:[\\w.]+\\s*\\([^;{}]*\\)\\s*;\\s*)?return\\s*;");
    /** A test that opens a block: {@code if (now - last >= PERIOD) {}; group 1 the condition. */
    private static final Pattern COMPARED_BLOCK = Pattern.compile("\\bif\\s*\\(([^;{}]*[<>]=?[^;{}]*)\\)\\s*\\{");
    /** An early return unless a permit or a flag is taken. */
    private static final Pattern PERMIT_RETURN = Pattern.compile("\\bif\\s*\\(\\s*!\\s*[\\w.]+\\s*\\.\\s*(?:tryAcquire\\s*\\([^;{}]*\\)"
            + "|compareAndSet\\s*\\(\\s*false\\s*,\\s*true\\s*\\))\\s*\\)\\s*\\{?\\s*(?:[\\w.]+\\s*\\([^;{}]*\\)\\s*;\\s*)?return\\s*;");
    /** An early return while a job is pending, then the flag set: {@code if (running) return; running = true;}. */
    private static final Pattern FLAG_RETURN = Pattern.compile("\\bif\\s*\\(\\s*(\\w+)(?:\\s*\\.\\s*get\\s*\\(\\s*\\))?\\s*\\)"
            + "\\s*\\{?\\s*return\\s*;\\s*}?\\s*(?:this\\s*\\.\\s*)?\\1\\s*(?:\\.\\s*set\\s*\\(\\s*true\\s*\\)|=\\s*true)\\s*;");
    private static final Pattern SYNCHRONIZED_OPEN = Pattern.compile("synchronized\\s*\\([^;{}]*\\)\\s*$");
    private static final Pattern LOOP_HEAD = Pattern.compile("(?s)\\s*(?:while\\b.*|do\\s*|for\\s*\\(.*)");

    private PacedExecutorWork() {
    }

    /** True when the pool has submissions and every one is paced as the class comment says. */
    static boolean paced(String code, String pool) {
        if (!code.contains("return") && !code.contains("if")) {
            return false;
        }
        return BoundedExecutorWork.everySubmission(code, pool, (use, method) -> {
            String head = code.substring(method[0], use.start());
            int guard = guardEnd(head);
            return guard >= 0 && !inLoopAfter(head, guard);
        });
    }

    /**
     * Where the pacing guard in {@code head} (the method's text up to the submission) ends: after an early return at
     * the method's own level, or at the opening brace of an interval test still open at the submission; else -1.
     */
    private static int guardEnd(String head) {
        java.util.Set<String> times = new java.util.HashSet<>();
        Matcher local = TIME_LOCAL.matcher(head);
        while (local.find()) {
            times.add(local.group(1));
        }
        Matcher compared = COMPARED_RETURN.matcher(head);
        while (compared.find()) {
            if (timed(compared.group(1), times) && methodLevel(head, compared.start())) {
                return compared.end(); // at the method's own level: every later statement is behind it
            }
        }
        for (Pattern p : new Pattern[] {PERMIT_RETURN, FLAG_RETURN}) {
            Matcher m = p.matcher(head);
            while (m.find()) {
                if (methodLevel(head, m.start())) {
                    return m.end();
                }
            }
        }
        Matcher block = COMPARED_BLOCK.matcher(head);
        int open = -1;
        while (block.find()) {
            if (timed(block.group(1), times) && stillOpen(head, block.end())) {
                open = block.end(); // the submission is inside this test's block
            }
        }
        return open;
    }

    /** True when a condition compares a time: a time source in it, or a local that holds one. */
    private static boolean timed(String condition, java.util.Set<String> times) {
        if (TIME_SOURCE.matcher(condition).find()) {
            return true;
        }
        for (String t : times) {
            if (Pattern.compile("(?<![\\w.])" + Pattern.quote(t) + "(?!\\w)").matcher(condition).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code pos} is in the method's own block (the body's brace at 0) or in a synchronized block directly in
     * it: a return there leaves the method on every path that reaches it.
     */
    private static boolean methodLevel(String head, int pos) {
        java.util.ArrayDeque<Boolean> open = new java.util.ArrayDeque<>();
        int real = 0;
        for (int i = 0; i < pos; i++) {
            char c = head.charAt(i);
            if (c == '{') {
                boolean sync = SYNCHRONIZED_OPEN.matcher(head.substring(Math.max(0, i - 80), i)).find();
                open.push(sync);
                real += sync ? 0 : 1;
            } else if (c == '}' && !open.isEmpty()) {
                real -= open.pop() ? 0 : 1;
            }
        }
        return real == 1;
    }

    /** True when the block whose brace ends just before {@code from} is still open at the end of {@code text}. */
    private static boolean stillOpen(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return true;
    }

    /** True when a loop opened after {@code from} is still open at the end of {@code head}. */
    private static boolean inLoopAfter(String head, int from) {
        int depth = 0;
        for (int i = head.length() - 1; i >= from; i--) {
            char c = head.charAt(i);
            if (c == '}') {
                depth++;
            } else if (c == '{' && depth-- == 0) {
                String before = head.substring(Math.max(from, i - 200), i);
                int cut = Math.max(before.lastIndexOf(';'), Math.max(before.lastIndexOf('{'), before.lastIndexOf('}')));
                if (LOOP_HEAD.matcher(before.substring(cut + 1)).matches()) {
                    return true;
                }
                depth = 0;
            }
        }
        return false;
    }
}
