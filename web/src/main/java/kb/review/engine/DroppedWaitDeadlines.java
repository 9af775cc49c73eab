package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A change that deletes the deadline check of a polling loop it keeps (Go and Java, session 50): inside a loop that
 * sleeps between its turns while it waits for a task, a job or a remote state, the block
 * {@code if (System.currentTimeMillis() - start >= timeoutMs) { throw ... }} (Go: {@code if time.Since(start) > timeout
 * { return ErrTimeout }}) is taken out whole, and the loop and its sleep stay. TMO-01: the wait on the other side had a
 * limit and now has none; a task stuck in processing holds the caller for good (meilisearch-java issue 669). The
 * loop's header and its sleep are context, which no rule about added code reads; the deleted block is the code's own
 * word that the loop was bounded. Reported at the loop's header.
 * Silent when the deleted run holds anything but the check (its condition, its exit, its closing brace: a rewrite, not
 * a dropped bound), when the change adds a line of any file that names a timeout, a deadline or a clock read (the
 * bound moved), when the loop's header itself reads the clock or a deadline (it is still bounded), and when the hunk
 * shows no sleep or timed wait in the loop (a loop that does not wait is not what TMO-01 asks about).
 */
final class DroppedWaitDeadlines {

    static final String RULE = "wait-loop-deadline-deleted";

    /**
     * The head of a deadline check: an {@code if} whose condition compares a clock read, an elapsed time, a deadline
     * or a timeout value. Java and Go.
     */
    private static final Pattern CHECK = Pattern.compile(
            "^\\s*(?:\\}\\s*else\\s+)?if\\s*\\(?[^{]*(?:"
                    + "(?:System\\.(?:currentTimeMillis|nanoTime)\\(\\)|Instant\\.now\\(\\)|\\w*[cC]lock\\w*\\.\\s*"
                    + "(?:millis|instant|now)\\(\\)|time\\.(?:Since|Until|Now)\\(|\\w*(?i:elapsed|deadline|timeout"
                    + "|waited)\\w*)[^{]*(?:[<>]=?|\\.(?:After|Before|isAfter|isBefore|compareTo)\\s*\\()"
                    + "|(?:[<>]=?|\\.(?:After|Before|isAfter|isBefore)\\s*\\()[^{]*\\w*(?i:deadline|timeout|elapsed)"
                    + "\\w*)[^{]*\\{?\\s*(?://.*)?$");
    /** A way out of the loop: the timeout's exception, an error returned, a break. */
    private static final Pattern EXIT = Pattern.compile("^\\s*(?:throw\\b|return\\b|break\\b)");
    /** A line of a deadline check's block that is neither an exit nor its closing brace: a log line, an assignment. */
    private static final Pattern CLOSE = Pattern.compile("^\\s*\\}\\s*$");
    /** A loop's header, Java or Go. */
    private static final Pattern LOOP = Pattern.compile("^\\s*(?:while\\s*\\(|for\\b|do\\s*\\{)");
    /** A header that itself reads the clock or a deadline: still bounded. */
    private static final Pattern BOUNDED_HEADER = Pattern.compile(
            "(?i)currentTimeMillis|nanoTime|Instant\\.now|time\\.(?:Since|Until|Now)|deadline|timeout|elapsed"
                    + "|attempts?|retries|tries|maxPolls?");
    /** A wait between a loop's turns. */
    private static final Pattern SLEEP = Pattern.compile(
            "\\bThread\\.sleep\\s*\\(|\\bTimeUnit\\.\\w+\\.sleep\\s*\\(|\\btime\\.Sleep\\s*\\(|<-\\s*time\\.After\\s*\\("
                    + "|<-\\s*\\w+\\.C\\b|\\.await\\s*\\(\\s*\\w+\\s*,|\\bsleep\\w*\\s*\\(");
    /** An added line that names a bound: where the check went. */
    private static final Pattern MOVED = Pattern.compile(
            "(?i)timeout|deadline|currentTimeMillis|nanoTime|time\\.(?:Since|Until|After)|Instant\\.now|elapsed");

    private DroppedWaitDeadlines() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        if ((file.language() != Language.JAVA && file.language() != Language.GO) || allAdded.anyFinds(MOVED)) {
            return List.of();
        }
        Severity severity = catalog.item("TMO-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        List<Integer> reported = new ArrayList<>();
        for (RemovedLine removed : RemovedLine.of(file)) {
            List<DiffLine> lines = removed.lines();
            int at = removed.index();
            if (!CHECK.matcher(lines.get(at).text()).find()
                    || at > 0 && lines.get(at - 1).kind() == DiffLine.Kind.REMOVED) {
                continue; // not a check, or not the head of the deleted run
            }
            List<DiffLine> block = RemovedLine.changedBlock(lines, at);
            if (!onlyTheCheck(block)) {
                continue;
            }
            int indent = indent(lines.get(at).text());
            int loop = loopAbove(lines, at, indent);
            int line;
            if (loop >= 0) {
                if (BOUNDED_HEADER.matcher(lines.get(loop).text()).find() || !sleepsInLoop(lines, loop)) {
                    continue;
                }
                line = lines.get(loop).newLine();
            } else {
                // the hunk starts inside the loop: its body, as far as the hunk shows it, sleeps after the check at
                // the check's own depth and then closes (reported at the first kept line below the deletion); the
                // check stands deeper than a function's own body (Go: two tabs, Java: a method of a class, three
                // levels), so the block that sleeps and ends is not the function itself
                int nested = file.language() == Language.GO ? 8 : 12;
                line = indent >= nested && !enclosedInSight(lines, at, indent) ? sleepsThenCloses(lines, at, indent)
                        : 0;
                if (line <= 0) {
                    continue;
                }
            }
            if (reported.contains(line)) {
                continue;
            }
            reported.add(line);
            out.add(new Finding(RULE, "TMO-01", severity, file.path(), line, 1, file.line(line).strip(),
                    "The change deletes this polling loop's deadline check (`" + lines.get(at).text().strip()
                            + "`) and keeps the loop and its sleep: the wait for the other side had a limit and now "
                            + "has none, so a task, job or peer that never reaches the awaited state holds the caller "
                            + "for good. Keep the check (or bound the loop another way) and fail with a timeout.",
                    Finding.Confidence.HIGH, null, "kb", null));
        }
        return out;
    }

    /**
     * The changed run is the deadline check alone: removed lines only, the head, one or more exit or body lines, with
     * an exit among them, and a closing brace where the head opened one.
     */
    private static boolean onlyTheCheck(List<DiffLine> block) {
        boolean exit = false;
        for (DiffLine l : block) {
            if (l.kind() != DiffLine.Kind.REMOVED) {
                return false;
            }
            exit |= EXIT.matcher(l.text()).find();
        }
        boolean opens = block.get(0).text().strip().endsWith("{");
        return exit && block.size() <= 6
                && (!opens || CLOSE.matcher(block.get(block.size() - 1).text()).find());
    }

    /** The nearest kept loop header above {@code at} with a smaller indentation; -1 when the hunk shows none. */
    private static int loopAbove(List<DiffLine> lines, int at, int indent) {
        for (int j = at - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            int i = indent(l.text());
            if (i < indent) {
                if (LOOP.matcher(l.text()).find() && l.kind() == DiffLine.Kind.CONTEXT) {
                    return j;
                }
                indent = i; // an enclosing block of the check: the loop may be further out
                if (i == 0) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** Some kept line above {@code at} in the hunk has a smaller indentation: the hunk shows the check's block. */
    private static boolean enclosedInSight(List<DiffLine> lines, int at, int indent) {
        for (int j = at - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && !l.text().isBlank() && indent(l.text()) < indent) {
                return true;
            }
        }
        return false;
    }

    /**
     * The new line of the first kept line below the deleted check when the kept lines below, at the check's
     * indentation, sleep before the first line of a smaller indentation (the block's end); 0 otherwise.
     */
    private static int sleepsThenCloses(List<DiffLine> lines, int at, int indent) {
        int first = 0;
        boolean slept = false;
        for (int j = at + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            if (first == 0) {
                first = l.newLine();
            }
            int i = indent(l.text());
            if (i < indent) {
                return slept ? first : 0;
            }
            slept |= i == indent && SLEEP.matcher(l.text()).find();
        }
        return 0;
    }

    /** The loop's body, as the hunk's new side shows it, sleeps or waits with a bound between turns. */
    private static boolean sleepsInLoop(List<DiffLine> lines, int loop) {
        int loopIndent = indent(lines.get(loop).text());
        for (int j = loop + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            if (indent(l.text()) <= loopIndent) {
                return false; // the loop's end
            }
            if (SLEEP.matcher(l.text()).find()) {
                return true;
            }
        }
        return false;
    }

    private static int indent(String text) {
        int n = 0;
        for (char c : text.toCharArray()) {
            if (c == ' ') {
                n++;
            } else if (c == '\t') {
                n += 4;
            } else {
                break;
            }
        }
        return n;
    }
}
