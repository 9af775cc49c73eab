package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.CodeText;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A log line added right after a blocking wait on a rate limiter, in the same block: {@code if err :=
 * s.limiter.Wait(ctx); err != nil { return err }} then {@code logrus.WithField(...).Warn(...)} (x/time/rate's Wait,
 * uber's ratelimit {@code rl.Take()}, Guava's {@code rateLimiter.acquire()}). A limiter paces an operation that runs
 * again and again (per item, per request, per retry), so the line after its wait is written once per paced operation,
 * whatever loop, goroutine or caller repeats it; git's context often starts below that loop's header. The sampled or
 * rate-limited form LOG-01 asks for is a limit on the line itself ({@code if limiter.Allow()}), which is not a wait and
 * is not matched. Silent when the line is in the wait's own error branch (written once, on the way out), when a
 * limit stands between the wait and the line, and for debug and trace lines.
 */
final class PacedLogLines {

    static final String RULE = "log-per-paced-operation";
    /** (session 54, log54) The same reading with a metric counter of the event as the marker: {@link #counted}. */
    static final String COUNTED_RULE = "log-beside-event-counter";

    /**
     * (session 54, log54) A statement that steps a metric counter by one: prometheus' {@code failedHandshakes.Inc()},
     * {@code vec.WithLabelValues("x").Inc()}, {@code n.Add(1)}, go-metrics' {@code meter.Mark(1)}, statsd's {@code
     * Incr(...)}, {@code atomic.AddInt64(&s.dropped, 1)}; Java's Dropwizard {@code counter.inc()} and {@code
     * meter.mark()}, Micrometer's {@code counter.increment()}, Kafka's {@code sensor.record()}, an {@code
     * AtomicLong}'s {@code incrementAndGet()}. A wait group's or a latch's {@code Add(1)} counts no event.
     */
    private static final Pattern COUNTER_STEP = Pattern.compile(
            "^(?:_\\s*=\\s*)?(?<recv>[\\w.]+(?:\\([^()]*\\)[\\w.]*)*)\\s*\\.\\s*(?:(?:Inc|Increment|Mark|Add|inc|increment|mark|record"
                    + "|incrementAndGet|getAndIncrement)\\s*\\(\\s*(?:1[Ll]?|1\\.0)?\\s*\\)|(?:Incr|IncrCounter)\\s*\\([^;]*\\))\\s*;?\\s*$"
                    + "|^(?:_\\s*=\\s*)?atomic\\.AddU?Int(?:32|64)\\s*\\([^,()]+,\\s*1\\s*\\)\\s*;?\\s*$");
    /**
     * A tally of dropped or refused events kept by hand ({@code q.dropped++}, {@code rejections += 1}): a count the
     * author keeps of events expected in numbers (a full queue's drops, a limiter's refusals), whether the change adds
     * it or the old code had it (round 120's grain send queue, a new file).
     */
    private static final Pattern DROP_TALLY = Pattern.compile(
            "^[\\w.]*?\\b\\w*(?i:dropped|drops|rejected|rejections|discarded|throttled|refused|denied|shed"
                    + "|evicted|overflows?|duplicates)\\w*\\s*(?:\\+\\+|\\+=\\s*1)\\s*;?\\s*$");
    /** A statement that tests or leaves, or the end of a block: the count above it is not the line's own step. */
    private static final Pattern CONTROL = Pattern.compile(
            "^\\s*(?:}|(?:if|for|while|switch|select|else|case|default|try|do|return|break|continue|goto)\\b)");
    /**
     * A log call anywhere in a line, also inside a wrapper ({@code f.errLog.Do(func() { log.Warn(...) })}, round 20's
     * xlayer): the old code wrote the event.
     */
    private static final Pattern LOG_CALL = Pattern.compile(
            "\\b\\w*(?i:log)\\w*(?:\\(\\))?\\.(?:Info|Infof|Infow|Warn|Warnf|Warnw|Warning|Warningf|Print|Printf|Println"
                    + "|info|warn|warning|log)\\s*\\(");
    /** The opening line of a catch block. */
    private static final Pattern CATCH = Pattern.compile("^\\s*(?:}\\s*)?catch\\s*\\(");
    private static final Pattern NOT_A_COUNTER = Pattern.compile(
            "(?i)(?:^|\\.)(?:wg|\\w*waitgroup|\\w*group|\\w*latch|sem|\\w*semaphore|\\w*phaser|\\w*barrier)$");
    /**
     * An error-level line: a failure counted and also logged at error is the failure path's own report, read by the
     * failure items; the counted line this reading takes is the info or warn line that repeats an event the metric
     * already records.
     */
    private static final Pattern ERROR_LEVEL = Pattern.compile(
            "\\.(?i:error|severe|fatal|panic|crit\\w*)(?:f|w|ln|Context|S)?\\s*\\(|\\bLevel\\.(?:SEVERE|ERROR)\\b");

    /** A blocking wait of a rate limiter, named as one. */
    private static final Pattern WAIT = Pattern.compile(
            "(?:\\b[\\w.]*(?i:limiter|ratelimit|throttle|pacer|bucket)\\w*|\\brl)\\s*\\.\\s*(?:Wait|WaitN|Take|acquire)\\s*\\(");
    private static final Pattern LIMIT = Pattern.compile(
            "\\.(?:Allow|AllowN|tryAcquire)\\s*\\(|\\bSometimes\\b|(?i:once)\\w*\\.Do\\s*\\(|%\\s*[\\w.]+\\s*==\\s*0");
    /**
     * A debug or trace call: off where the traffic is, so it floods nothing (set 18: jabref's trace lines of the time
     * each fetcher waited for its API's limiter).
     */
    private static final Pattern DETAIL = Pattern.compile("\\.(?i:debug|trace|fine|finer|finest)(?:f|w|ln|Context)?\\s*\\(");
    /** How far above the line the wait may be: the wait's own statement and its error branch. */
    private static final int REACH = 6;

    private PacedLogLines() {
    }

    /**
     * {@link #WAIT} found in the line; asked first whether the line holds the wait's method name, which every match
     * holds as written (the regex backtracks through each word of a line that has none).
     */
    private static boolean waits(String line) {
        return (line.contains("Wait") || line.contains("Take") || line.contains("acquire"))
                && WAIT.matcher(line).find();
    }

    static List<Finding> find(SourceFile file, Catalog catalog, List<Pattern> loggers) {
        List<Finding> out = new ArrayList<>();
        for (Hunk hunk : file.change().hunks()) {
            List<DiffLine> lines = hunk.lines();
            boolean paced = lines.stream().anyMatch(l -> l.kind() != DiffLine.Kind.REMOVED && waits(l.text()));
            boolean counts = lines.stream().anyMatch(l -> l.kind() != DiffLine.Kind.ADDED && counterStep(l.text())
                    || l.kind() != DiffLine.Kind.REMOVED && DROP_TALLY.matcher(l.text().strip()).find());
            if (!paced && !counts) {
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                if (l.kind() != DiffLine.Kind.ADDED || RemovedLogLimits.logger(l.text(), loggers) == null
                        || (i > 0 && lines.get(i - 1).kind() == DiffLine.Kind.ADDED
                        && RemovedLogLimits.sameStatement(lines.get(i - 1).text()))) {
                    continue;
                }
                if (DETAIL.matcher(l.text()).find()) {
                    continue;
                }
                if (counts && !ERROR_LEVEL.matcher(l.text()).find() && counted(lines, i, loggers)) {
                    out.add(RemovedLogLimits.logLine(catalog, COUNTED_RULE, file, l,
                            "The code beside this line already counts the event in a metric, and the line is added "
                                    + "next to the count: it is written once for every event the counter records "
                                    + "(every rejected request, every failed dial), which the metric was there to "
                                    + "keep out of the log. Keep the count, log a sample or a summary, or log at debug.",
                            Finding.Confidence.LOW));
                } else if (paced && afterWait(lines, i)) {
                    out.add(RemovedLogLimits.logLine(catalog, RULE, file, l,
                            "This line follows the rate limiter's wait, so it is written once for every paced "
                                    + "operation: the limiter is there because the operation repeats. Log the limit "
                                    + "once, sample the line, or count and write a summary.",
                            Finding.Confidence.LOW));
                }
            }
        }
        return out;
    }

    /** True when {@code text} is a statement that steps a metric counter ({@link #COUNTER_STEP}). */
    static boolean counterStep(String text) {
        String t = text.strip();
        if (t.isEmpty() || !(t.contains("Inc") || t.contains("inc") || t.contains("ark") || t.contains("Add")
                || t.contains("record") || t.contains("Incr"))) {
            return false;
        }
        Matcher m = COUNTER_STEP.matcher(t);
        return m.find() && (m.group("recv") == null || !NOT_A_COUNTER.matcher(m.group("recv")).find());
    }

    /**
     * (session 54, log54) True when the old code steps a metric counter as a statement of the new line {@code i}'s own
     * block: above it within {@link #REACH} statements, or as the statement right after it. The counter is the old
     * code's record of the event (a rejected request in a DoS listener, a failed handshake of a dialer): an event
     * counted is one the author expected many of, and the old code kept it out of the log. The line's block is the
     * counter's own (same indentation, no line of lower indentation between): a line in a branch under the counter, or
     * a counter in a branch beside the line, is another path. Not read: a counter added by the same change (the edit
     * then chose both), a line of the same block in the old code that logs already, or a log line the changed block
     * removes (the event was logged before: a rewording, rounds 20 and 23), a line in a catch (a failure path's own
     * report, as {@code RareBranches} reads it: round 57's kafka-sink mapping failure, labelled clean).
     */
    private static boolean counted(List<DiffLine> lines, int i, List<Pattern> loggers) {
        if (RemovedLine.changedBlock(lines, i).stream().anyMatch(l -> l.kind() == DiffLine.Kind.REMOVED
                && (RemovedLogLimits.logger(l.text(), loggers) != null || LOG_CALL.matcher(l.text()).find()))) {
            return false; // the line replaces one the old code wrote: reworded or moved, not new (rounds 20, 23)
        }
        if (inCatch(lines, i)) {
            return false; // a catch: the failure path's own report (round 57's kafka-sink, labelled clean)
        }
        int indent = CodeText.indent(lines.get(i).text());
        int seen = 0;
        for (int j = i - 1; j >= 0 && seen < REACH; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            seen++;
            int in = CodeText.indent(l.text());
            if (in < indent) {
                if (CATCH.matcher(l.text()).find()) {
                    return false; // a catch: the failure path's own report (round 57's kafka-sink, labelled clean)
                }
                break;
            }
            if (in > indent) {
                continue;
            }
            if (CONTROL.matcher(l.text()).find()) {
                break; // a test between the count and the line (round 111's executor: a report once per interval)
            }
            if (l.kind() == DiffLine.Kind.CONTEXT && RemovedLogLimits.logger(l.text(), loggers) != null) {
                return false; // the old code logged in this block already
            }
            if (l.kind() == DiffLine.Kind.CONTEXT && counterStep(l.text())
                    || DROP_TALLY.matcher(l.text().strip()).find()) {
                return true;
            }
        }
        // (session 54) the changed block takes the old code's count of the event out and puts the line in its place
        // (round 121's kestra: duplicates.incrementAndGet() replaced by a warning per duplicate)
        for (DiffLine l : RemovedLine.changedBlock(lines, i)) {
            if (l.kind() == DiffLine.Kind.REMOVED && CodeText.indent(l.text()) == indent && counterStep(l.text())) {
                return true;
            }
        }
        int j = i + 1;
        while (j < lines.size() && (lines.get(j).kind() == DiffLine.Kind.REMOVED || lines.get(j).text().isBlank()
                || RemovedLogLimits.sameStatement(lines.get(j - 1).text()) && lines.get(j).kind() == DiffLine.Kind.ADDED)) {
            j++;
        }
        return j < lines.size() && CodeText.indent(lines.get(j).text()) == indent
                && (lines.get(j).kind() == DiffLine.Kind.CONTEXT && counterStep(lines.get(j).text())
                || DROP_TALLY.matcher(lines.get(j).text().strip()).find());
    }

    /** True when the nearest kept line above line {@code i} that opens its block is a catch. */
    private static boolean inCatch(List<DiffLine> lines, int i) {
        int indent = CodeText.indent(lines.get(i).text());
        for (int j = i - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && !l.text().isBlank() && CodeText.indent(l.text()) < indent) {
                return CATCH.matcher(l.text()).find();
            }
        }
        return false;
    }

    /**
     * True when a limiter's wait is a statement of the same block above line {@code i} (same indentation, within {@link
     * #REACH} lines, only its error branch between) and no limit stands around the line.
     */
    private static boolean afterWait(List<DiffLine> lines, int i) {
        if (inCatch(lines, i)) {
            return false; // a catch: the failure path's own report (round 57's kafka-sink, labelled clean)
        }
        int indent = CodeText.indent(lines.get(i).text());
        int seen = 0;
        for (int j = i - 1; j >= 0 && seen < REACH; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            seen++;
            int in = CodeText.indent(l.text());
            if (in < indent) {
                return false; // the line's block opens here: an if or a case around it
            }
            if (in > indent) {
                continue;
            }
            if (LIMIT.matcher(l.text()).find()) {
                return false;
            }
            if (waits(l.text())) {
                return true;
            }
        }
        return false;
    }
}
