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
 * An edit that trades a loop's summary line for a line per element: a log call added inside a loop (its header found
 * above it by indentation in the same hunk) while a call of the same logger after that loop is deleted ({@code if
 * (readable.size() < found.size()) LOG.warn("{} of {} files skipped", ...)} gone, {@code LOG.warn("file {} skipped",
 * p)} added in the loop). LOG-01 asks for "a summary after the loop"; the deleted summary says the author had one, and
 * the new line now repeats once per element. Silent when the change adds a line of that logger after the loop again
 * (the summary moved or reworded), when the new line leaves the loop ({@code break}, {@code return} below it), and
 * when the deleted line is inside the loop too. Reported at the added line.
 *
 * <p>Silent too when the added line is one the change deletes elsewhere in the file, word for word (blanks aside): a
 * reformat or a moved block re-adds the loop's old lines, and a line that was already written per element is not one
 * the change traded its summary for (set 21's checkstyle reformats of atlas, classes J, O, AP and AY; session 29).
 */
final class ReplacedLogSummaries {

    static final String RULE = "log-summary-replaced";

    /** A statement that ends the loop's turn for good: the line is then written once, on the way out. */
    private static final Pattern LEAVES = Pattern.compile("^\\s*(?:break|return|throw)\\b");

    private ReplacedLogSummaries() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, List<Pattern> loggers) {
        List<Finding> out = new ArrayList<>();
        java.util.Set<String> deleted = null; // the file's deleted lines, blanks removed: read once, when needed
        for (Hunk hunk : file.change().hunks()) {
            List<DiffLine> lines = hunk.lines();
            if (lines.stream().noneMatch(l -> l.kind() == DiffLine.Kind.REMOVED && RemovedLogLimits.logger(l.text(), loggers) != null)) {
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                if (l.kind() != DiffLine.Kind.ADDED || (i > 0 && lines.get(i - 1).kind() == DiffLine.Kind.ADDED
                        && RemovedLogLimits.sameStatement(lines.get(i - 1).text()))) {
                    continue;
                }
                String logger = RemovedLogLimits.logger(l.text(), loggers);
                int loop = logger == null ? -1 : loopHeader(lines, i);
                if (loop < 0 || leavesAfter(lines, i)) {
                    continue;
                }
                if (deleted == null) {
                    deleted = deletedLines(file);
                }
                if (deleted.contains(squeeze(l.text()))) {
                    continue; // the line was already there: moved or reformatted, not traded for a summary
                }
                int loopIndent = CodeText.indent(lines.get(loop).text());
                if (summaryReplaced(lines, i, loopIndent, logger, loggers)
                        || summaryReplacedInPlace(lines, loop, i, loopIndent, logger, loggers)) {
                    out.add(RemovedLogLimits.logLine(catalog, RULE, file, l,
                            "The change deletes the summary line after this loop and writes a line for every element "
                                    + "instead: under load or on a large input this floods the log. Count inside the "
                                    + "loop and keep one summary line after it.",
                            Finding.Confidence.HIGH));
                }
            }
        }
        return out;
    }

    /** The index of the loop header that encloses line {@code i} by indentation, or -1 (a function header first). */
    private static int loopHeader(List<DiffLine> lines, int i) {
        int indent = CodeText.indent(lines.get(i).text());
        for (int j = i - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            int in = CodeText.indent(l.text());
            if (in >= indent) {
                continue;
            }
            if (RemovedLogLimits.LOOP.matcher(l.text()).find()) {
                return j;
            }
            if (RemovedLogLimits.FUNCTION.matcher(l.text()).find() || in == 0) {
                return -1;
            }
            indent = in;
        }
        return -1;
    }

    /**
     * True when, below the loop that line {@code i} is in (indented {@code loopIndent}), a call of the same logger is
     * deleted at the loop's own depth and none is added there: the summary is gone, not moved.
     */
    private static boolean summaryReplaced(List<DiffLine> lines, int i, int loopIndent, String logger, List<Pattern> loggers) {
        boolean closed = false;
        boolean deleted = false;
        for (int j = i + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.text().isBlank()) {
                continue;
            }
            int in = CodeText.indent(l.text());
            if (l.kind() != DiffLine.Kind.REMOVED && in < loopIndent) {
                break; // the function ends
            }
            if (!closed) {
                closed = l.kind() != DiffLine.Kind.REMOVED && in == loopIndent;
                continue;
            }
            String was = RemovedLogLimits.logger(l.text(), loggers);
            if (was != null && in >= loopIndent && sameLogger(was, logger)) {
                if (l.kind() == DiffLine.Kind.ADDED) {
                    return false;
                }
                deleted |= l.kind() == DiffLine.Kind.REMOVED;
            }
        }
        return deleted;
    }

    /** The collection a loop header walks: Go's {@code range failed}, Java's {@code for (T x : failed)}. */
    private static final Pattern WALKED = Pattern.compile(
            "^\\s*for\\b[^{]*\\brange\\s+([A-Za-z_][\\w.]*)\\s*\\{|^\\s*for\\s*\\([^;:()]*:\\s*([A-Za-z_][\\w.]*)\\s*\\)");

    /**
     * (session 52, log52) The summary stood where the loop now is: the loop's header is added, and the changed block it
     * opens in deletes, at the loop's depth, a call of the same logger whose deleted lines name the collection the loop
     * walks ({@code errorLog.Printf("... %d line failure(s); first: ...", len(failed), first.Index)} with {@code first :=
     * failed[0]} deleted, {@code for _, item := range failed { errorLog.Printf(...) }} added: round 113's monstache).
     * The one line about the collection became one line per element. Silent when a line of the logger is added after
     * the loop at its depth (the summary kept), and when the deleted lines do not name what the loop walks.
     */
    private static boolean summaryReplacedInPlace(List<DiffLine> lines, int loop, int i, int loopIndent, String logger,
                                                  List<Pattern> loggers) {
        if (lines.get(loop).kind() != DiffLine.Kind.ADDED) {
            return false;
        }
        java.util.regex.Matcher w = WALKED.matcher(lines.get(loop).text());
        if (!w.find()) {
            return false;
        }
        String walked = w.group(1) != null ? w.group(1) : w.group(2);
        Pattern named = Pattern.compile("(?<![\\w.])" + Pattern.quote(walked) + "(?![\\w])");
        boolean summary = false;
        boolean names = false;
        for (int j = loop - 1; j >= 0 && lines.get(j).kind() != DiffLine.Kind.CONTEXT; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            String was = RemovedLogLimits.logger(l.text(), loggers);
            summary |= was != null && CodeText.indent(l.text()) == loopIndent && sameLogger(was, logger);
            names |= named.matcher(l.text()).find();
        }
        if (!summary || !names) {
            return false;
        }
        // the loop's end, then no line of the logger added at its depth after it
        for (int j = i + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            int in = CodeText.indent(l.text());
            if (in < loopIndent) {
                break;
            }
            String now = in == loopIndent ? RemovedLogLimits.logger(l.text(), loggers) : null;
            if (now != null && sameLogger(now, logger)) {
                return false;
            }
        }
        return true;
    }

    /** Every deleted line of the file's hunks, without its blanks. */
    private static java.util.Set<String> deletedLines(SourceFile file) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Hunk h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.REMOVED && !l.text().isBlank()) {
                    out.add(squeeze(l.text()));
                }
            }
        }
        return out;
    }

    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private static String squeeze(String line) {
        return BLANKS.matcher(line).replaceAll("");
    }

    /** The same logger object, whatever fields or level chain follow ({@code log.WithField(...)} and {@code log}). */
    private static boolean sameLogger(String a, String b) {
        return a.equals(b) || a.split("[.(]", 2)[0].equals(b.split("[.(]", 2)[0]);
    }

    /** True when the statement after the new line leaves the loop: the line is written once. */
    private static boolean leavesAfter(List<DiffLine> lines, int i) {
        String previous = lines.get(i).text();
        for (int j = i + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            if (RemovedLogLimits.sameStatement(previous)) {
                previous = l.text();
                continue;
            }
            return LEAVES.matcher(l.text()).find();
        }
        return false;
    }
}
