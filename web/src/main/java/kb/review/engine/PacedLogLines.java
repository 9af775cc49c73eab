package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
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
            if (lines.stream().noneMatch(l -> l.kind() != DiffLine.Kind.REMOVED && waits(l.text()))) {
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                if (l.kind() != DiffLine.Kind.ADDED || RemovedLogLimits.logger(l.text(), loggers) == null
                        || (i > 0 && lines.get(i - 1).kind() == DiffLine.Kind.ADDED
                        && RemovedLogLimits.sameStatement(lines.get(i - 1).text()))) {
                    continue;
                }
                if (afterWait(lines, i) && !DETAIL.matcher(l.text()).find()) {
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

    /**
     * True when a limiter's wait is a statement of the same block above line {@code i} (same indentation, within {@link
     * #REACH} lines, only its error branch between) and no limit stands around the line.
     */
    private static boolean afterWait(List<DiffLine> lines, int i) {
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
