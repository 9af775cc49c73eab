package kb.review.analysis;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.CodeText;
import kb.review.diff.SyntaxNode;

/**
 * A log line on the idle branch of a poll loop: a service loop takes a batch from a broker, a queue or a store on
 * every turn ({@code fetches := client.PollFetches(ctx)}, {@code sqs.ReceiveMessage}, {@code rdb.BLPop},
 * {@code consumer.poll(Duration.ofMillis(100))}, JMS {@code receive}), and when the batch is empty it logs and goes
 * round again ({@code if fetches.Empty() { log.Warn(...); continue }}). An idle queue makes that branch run on every
 * poll, as fast as the poll returns: a flood at the level services run with, and the item's "once per element of a
 * loop" where the element is a poll. Round 20's go-32 (a warning per empty franz-go poll, the loop header above the
 * hunk). Which calls poll is library knowledge, read from the models' {@code polls:} key.
 *
 * <p>Read from the lines the diff shows, so the loop header may be above the hunk (the {@code continue} proves a
 * loop): the line's block must be the then-branch of an if that tests the emptiness of a value ({@code v.Empty()},
 * {@code len(v.Messages) == 0}, {@code v.isEmpty()}, {@code v == null}) or a "nothing there" sentinel error
 * ({@code err == redis.Nil}, {@code errors.Is(err, nats.ErrTimeout)}); that value assigned, in the same block above,
 * from a poll call (when the block opens above the hunk and no assignment is in sight, the value's name says it is a
 * poll's result: {@code fetches}, {@code records}, {@code messages}, {@code batch}); the branch ending in
 * {@code continue}. Not this: a debug or trace line (the item's remedy), a line
 * under a further test (a rate limit, a counter's period), a branch that waits or backs off before going round, a
 * poll that itself waits a second or more (one line per wait), and a loop that walks a collection.
 */
final class PollLoops {

    /** An if line that opens a block: Java {@code if (c) {}, Go {@code if c {}. */
    private static final Pattern IF_LINE = Pattern.compile("^\\s*if\\s*(.*?)\\s*\\{\\s*(?://.*)?$");
    private static final Pattern EMPTY = Pattern.compile("^(?:"
            + "(\\w+)(?:\\.\\w+)*\\s*\\.\\s*(?:Empty|IsEmpty|isEmpty)\\s*\\(\\s*\\)"
            + "|len\\s*\\(\\s*(\\w+)(?:\\.\\w+)*\\s*\\)\\s*(?:==\\s*0|<\\s*1)"
            + "|(\\w+)(?:\\.\\w+)*\\s*\\.\\s*(?:size|count|Len|Count|length)\\s*\\(\\s*\\)\\s*(?:==\\s*0|<\\s*1)"
            + "|(\\w+)(?:\\.\\w+)*\\.length\\s*==\\s*0"
            + "|(\\w+)(?:\\.\\w+)*\\s*==\\s*(?:nil|null)"
            + "|errors\\.Is\\s*\\(\\s*(\\w+)\\s*,\\s*[\\w.]*(?:Nil|Timeout|ErrNo\\w*|Empty\\w*)\\s*\\)"
            + "|(\\w+)\\s*==\\s*[\\w.]*(?:\\.Nil|ErrTimeout|ErrNo\\w*|ErrEmpty\\w*)"
            + ")$");
    private static final Pattern DETAIL = Pattern.compile(
            "(?i)(?:^|[.(])(?:debug|trace|fine|finer|finest)\\w*(?:\\(|$)|Level\\.(?:DEBUG|TRACE|FINE|FINER|FINEST)\\b");
    /** What makes the idle branch slow: a wait, a back-off, a limiter before it goes round. */
    private static final Pattern SLOWS = Pattern.compile(
            "(?i)sleep|backoff|back_off|\\.After\\s*\\(|\\bwait\\w*\\s*\\(|limiter|throttle|\\.Wait\\s*\\(|ticker");
    /** A poll that waits a second or more for a message: the idle branch runs once per wait. */
    private static final Pattern LONG_POLL = Pattern.compile(
            "\\b\\d+[lL]?\\s*,\\s*(?:TimeUnit\\.)?(?:SECONDS|MINUTES|HOURS)\\b|Duration\\.of(?:Seconds|Minutes|Hours)\\s*\\("
                    + "|(?i:waitTimeSeconds)|(?<![\\w.*])\\d*\\s*\\*?\\s*time\\.(?:Second|Minute|Hour)\\b");
    /** The names consumers give what a poll returned: fetches, records, messages, a batch, deliveries, events. */
    private static final Pattern POLLED_NAME = Pattern.compile(
            "(?i)(?:fetch(?:es|ed)?|polled|records|recs|msgs|messages|batch|deliveries|events|resp|response|out)");
    private static final Pattern CALLEE = Pattern.compile("([\\w.]+)\\s*\\(");
    private static final Pattern CONTINUE = Pattern.compile("^\\s*continue\\s*;?\\s*(?://.*)?$");
    private static final Pattern LOOP_HEADER = Pattern.compile(
            "^\\s*(?:for\\s*\\{|for\\s+[^{]*\\{|while\\s*\\(.*\\{|do\\s*\\{|for\\s*\\(\\s*;[^;]*;\\s*\\)\\s*\\{|try\\s*\\{)\\s*$");
    private static final Pattern WALK = Pattern.compile("\\brange\\b|^\\s*for\\s*\\([^;]*:[^;]*\\)");

    private PollLoops() {
    }

    /**
     * True when the log call {@code log} (callee text {@code callee}) is on the idle branch of a poll loop;
     * {@code known} are the lines the diff shows (null: all), {@code polls} the language's poll callees.
     */
    static boolean idleLine(SyntaxNode log, String callee, byte[] src, BitSet known, List<Pattern> polls) {
        if (polls.isEmpty() || DETAIL.matcher(callee).find()) {
            return false;
        }
        SyntaxNode args = log.getChildByFieldName("arguments");
        if (args != null && !args.isNull() && args.getNamedChildCount() > 0
                && DETAIL.matcher(SyntaxNode.text(src, args.getNamedChild(0))).find()) {
            return false; // log(Level.FINE, ...)
        }
        String[] lines = new String(src, StandardCharsets.UTF_8).split("\n", -1);
        int row = log.getStartPoint().getRow();
        if (row >= lines.length) {
            return false;
        }
        int depth = CodeText.indent(lines[row]);
        // the if that opens the line's block
        int at = previous(lines, known, row);
        while (at >= 0 && CodeText.indent(lines[at]) >= depth) {
            at = previous(lines, known, at);
        }
        if (at < 0) {
            return false;
        }
        Matcher test = IF_LINE.matcher(lines[at]);
        if (!test.matches()) {
            return false;
        }
        String value = emptied(test.group(1));
        int branch = CodeText.indent(lines[at]);
        if (value == null || !idleBranch(lines, known, at, branch)) {
            return false;
        }
        // the poll that gave the value, in the same block above the if; then the block's opener
        boolean polled = false;
        boolean assigned = false;
        int up = previous(lines, known, at);
        for (; up >= 0 && CodeText.indent(lines[up]) >= branch; up = previous(lines, known, up)) {
            if (CodeText.indent(lines[up]) == branch && assignment(lines[up], value) != null) {
                assigned = true;
                if (assignsFromPoll(lines[up], value, polls)) {
                    if (LONG_POLL.matcher(lines[up]).find()) {
                        return false;
                    }
                    polled = true;
                }
            }
        }
        if (up < 0) {
            // the block opens above the hunk and its continue proves a loop; the poll may be above the hunk too, and
            // then the name a consumer gives a poll's result is what is left to read
            return polled || !assigned && POLLED_NAME.matcher(value).matches();
        }
        if (!polled) {
            return false;
        }
        return LOOP_HEADER.matcher(lines[up]).matches() && !WALK.matcher(lines[up]).find();
    }

    /** The value an emptiness test reads, or null. */
    private static String emptied(String condition) {
        String c = condition.strip();
        while (c.startsWith("(") && c.endsWith(")")) {
            c = c.substring(1, c.length() - 1).strip();
        }
        Matcher m = EMPTY.matcher(c);
        if (!m.matches()) {
            return null;
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return null;
    }

    /** True when the branch opened at {@code at} goes round with {@code continue} and nothing slows it. */
    private static boolean idleBranch(String[] lines, BitSet known, int at, int branch) {
        boolean goesRound = false;
        for (int n = at + 1; n < lines.length; n++) {
            if (known != null && !known.get(n + 1)) {
                return false; // the branch runs on past what the diff shows
            }
            String text = lines[n];
            if (text.isBlank()) {
                continue;
            }
            if (CodeText.indent(text) <= branch) {
                return goesRound;
            }
            if (SLOWS.matcher(text).find()) {
                return false;
            }
            goesRound |= CONTINUE.matcher(text).matches() && CodeText.indent(text) == CodeText.indent(lines[at + 1]);
        }
        return false;
    }

    /** The right-hand side of an assignment to {@code value} on {@code line}, or null. */
    private static String assignment(String line, String value) {
        Matcher a = Pattern.compile("(?:^|[\\s,(])" + Pattern.quote(value) + "\\b[^=;]*?(?<![=!<>:])(?::=|=)(?!=)(.*)")
                .matcher(line);
        return a.find() ? a.group(1) : null;
    }

    private static boolean assignsFromPoll(String line, String value, List<Pattern> polls) {
        String right = assignment(line, value);
        if (right == null) {
            return false;
        }
        Matcher c = CALLEE.matcher(right);
        while (c.find()) {
            String callee = c.group(1);
            if (polls.stream().anyMatch(p -> p.matcher(callee).find())) {
                return true;
            }
        }
        return false;
    }

    private static int previous(String[] lines, BitSet known, int from) {
        for (int n = from - 1; n >= 0; n--) {
            if (known != null && !known.get(n + 1)) {
                return -1;
            }
            String t = lines[n].strip();
            if (!t.isEmpty() && !t.startsWith("//") && !t.startsWith("*") && !t.startsWith("/*")) {
                return n;
            }
        }
        return -1;
    }
}
