package kb.review.engine;

import static kb.review.engine.GoRemovedErrorHandling.mentions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.CodeText;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * (session 54, err54) A Java failure branch the change keeps whose only report of the failure the change cuts: a
 * deleted line of the branch handed the failure on (logged it above debug, threw it, passed it to a call) and the
 * branch the change leaves names it nowhere and says nothing else about it. The kept header is the evidence that a
 * failure arrives there; the deleted line the evidence that it used to reach the log, the caller or a handler.
 * Failure branches read: a catch ({@code catch (ExecutionException | TimeoutException ex) {}), a test that a
 * callback's throwable is set ({@code if (t != null) {}), a test that a Netty/Vert.x/Guava future failed
 * ({@code if (!future.isSuccess()) {}, {@code if (ar.failed()) {}, {@code if (f.cause() != null) {}: its failure
 * is {@code future.cause()}), and the body of a failure callback ({@code exceptionCaught(ctx, Throwable cause)},
 * {@code onFailure(Throwable t)}, {@code onError(Throwable t)}, {@code failed(Throwable exc, A att)}).
 * <p>
 * What the new branch does instead is whatever the edit wrote: a cancel, a close, a return of the old value
 * (round 122's stylebi: {@code LOG.error("Failed to save the status ...", ex)} made {@code future.cancel(false)};
 * round 125's radix: {@code logAndCloseChannel(ctx, future.cause())} made {@code ctx.close()}).
 * <p>
 * Not reported: a new branch that still names the failure (logged, wrapped, handed on), that logs at any level,
 * throws, fails a promise or a stream, counts or records a status, returns a failure sentinel, or carries a comment
 * among its added lines (the author says where the failure goes); a deleted line added back elsewhere in the diff
 * (moved); a deleted line that only logged at debug or printed a stack trace (not a report production keeps), or
 * that threw or returned (a rethrow made a default is {@link JavaRemovedErrorHandling}'s, with its own exclusions);
 * failures that mean the peer left or the work was called off (EOF, a closed channel, a cancellation) and an
 * interrupt (CONC-05's); a catch parameter named as ignored; test sources.
 */
final class FailureReportsCut {

    static final String RULE = "java-failure-report-cut";

    /** A catch: group 1 the types, group 2 the name (also a catch header opened on a {@code }} line). */
    private static final Pattern CATCH = JavaRemovedErrorHandling.CATCH;

    /** A test that a callback's throwable is set: group 1 the name. */
    private static final Pattern NOT_NULL = Pattern.compile(
            "^\\s*(?:\\}\\s*else\\s+)?if\\s*\\(\\s*([\\w$]+)\\s*!=\\s*null\\s*\\)\\s*\\{\\s*$");

    /** A test that a future failed: group 1 the future ({@code !f.isSuccess()}, {@code ar.failed()}). */
    private static final Pattern FUTURE_FAILED = Pattern.compile(
            "^\\s*(?:\\}\\s*else\\s+)?if\\s*\\(\\s*(?:!\\s*([\\w$]+)\\s*\\.\\s*(?:isSuccess|succeeded|isSucceeded)\\s*\\(\\s*\\)"
                    + "|([\\w$]+)\\s*\\.\\s*(?:failed|isFailed|isCompletedExceptionally)\\s*\\(\\s*\\)"
                    + "|([\\w$]+)\\s*\\.\\s*cause\\s*\\(\\s*\\)\\s*!=\\s*null)\\s*\\)\\s*\\{\\s*$");

    /** A failure callback's header: group 1 the method, group 2 the throwable's name. */
    private static final Pattern CALLBACK = Pattern.compile(
            "^\\s*(?:@\\w+\\s+)*(?:public\\s+|protected\\s+|private\\s+)?(?:final\\s+)?void\\s+"
                    + "(exceptionCaught|onFailure|onError|failed|onException|handleException|uncaughtException)\\s*\\("
                    + "[^)]*?\\b(?:Throwable|\\w*Exception|\\w*Error)\\s+([\\w$]+)[^)]*\\)\\s*(?:throws\\s+[\\w.,\\s]+)?\\{\\s*$");

    /** A Java name that holds a failure. */
    private static final Pattern ERR_NAME = Pattern.compile(
            "^(?:t|e|ex|exc|err|error|cause|failure|throwable|exception|th|\\w+(?:Exception|Error|Failure|Cause|Ex))$");

    /** Failures that say the peer went away, the work was called off, or the thread was interrupted. */
    private static final Pattern NOT_NEWS = Pattern.compile(
            "EOFException|ClosedChannelException|AsynchronousCloseException|CancellationException|ClientAbort\\w*"
                    + "|BrokenPipe\\w*|EofException|InterruptedException");

    /** A statement that still reports the failure without naming it: a throw, a failed promise, a count, a status. */
    private static final Pattern REPORTS = Pattern.compile(
            "^throw\\b|\\.\\s*(?:completeExceptionally|setFailure|tryFailure|setException|onError|fail|fireExceptionCaught"
                    + "|error|reject)\\s*\\(|(?i)\\b\\w*(?:metric|counter|meter|stats?|fail\\w*|errors?|skipped|rejected)\\w*\\s*(?:\\(\\))?\\s*\\."
                    + "\\s*\\w*(?:inc|increment|mark|add|record|count)\\w*\\s*\\(|\\.\\s*(?:incrementAndGet|getAndIncrement"
                    + "|increment|inc|mark)\\s*\\(|(?:\\+\\+|--)\\s*;|\\b\\w*(?:status|state|error|failure|failed)\\w*\\s*=[^=]"
                    + "|^return\\s+(?:false|-\\s*\\d+|Boolean\\.FALSE|\\w*(?:FAIL|ERROR|Fail|Error)\\w*)\\b"
                    + "|\\bSystem\\s*\\.\\s*exit\\s*\\(");

    private FailureReportsCut() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        if (file.language() != Language.JAVA || file.path().contains("/src/test/")) {
            return List.of();
        }
        Severity severity = catalog.item("ERR-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).kind() != DiffLine.Kind.REMOVED || lines.get(i).text().isBlank()) {
                    continue;
                }
                Finding f = cut(file, lines, i, allAdded, severity);
                if (f != null && out.stream().noneMatch(o -> Math.abs(o.line() - f.line()) <= 3)) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** The deleted line at {@code at}, read against the kept failure branch around it. */
    private static Finding cut(SourceFile file, List<DiffLine> lines, int at, AddedLines allAdded, Severity severity) {
        String removed = code(lines.get(at).text());
        int indent = CodeText.indent(lines.get(at).text());
        int header = -1;
        for (int j = at - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.text().isBlank() || l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            if (CodeText.indent(l.text()) < indent) {
                header = l.kind() == DiffLine.Kind.CONTEXT ? j : -1;
                break;
            }
        }
        if (header < 0) {
            return null;
        }
        List<String> names = failure(lines.get(header).text());
        if (names.isEmpty() || names.stream().noneMatch(n -> names(removed, n))
                || allAdded.stripped().contains(lines.get(at).text().strip())) {
            return null;
        }
        // the deleted line reported: logged above debug or handed the failure to a call. A deleted throw is
        // JavaRemovedErrorHandling's (a rethrow made a default, with its own exclusions: the last good value kept,
        // a refused task run on its own thread; Javaerr31's ok-3, the corpus's conc32 pair)
        boolean log = JavaRemovedErrorHandling.LOG.matcher(removed).find();
        if (log && (JavaRemovedErrorHandling.QUIET.matcher(removed).find() || removed.contains("printStackTrace"))
                || !log && !removed.contains("(") || removed.startsWith("throw") || removed.startsWith("return")) {
            return null;
        }
        // the branch the change leaves: from the header to its closing brace, without the deleted lines
        int headerIndent = CodeText.indent(lines.get(header).text());
        DiffLine first = null;
        DiffLine next = null;
        boolean closed = false;
        for (int j = header + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            String t = code(l.text());
            if (t.startsWith("}") && CodeText.indent(l.text()) <= headerIndent) {
                closed = true;
                if (next == null && j > at) {
                    next = l;
                }
                break;
            }
            // any log line left in the branch, at any level, still says the step failed (GoErrorBranchSilenced's line)
            if (names.stream().anyMatch(n -> names(t, n)) || REPORTS.matcher(t).find()
                    || JavaRemovedErrorHandling.LOG.matcher(t).find()) {
                return null;
            }
            if (l.kind() == DiffLine.Kind.ADDED && (t.startsWith("//") || t.startsWith("/*") || t.startsWith("*")
                    || l.text().contains("//"))) {
                return null; // the author says where the failure goes
            }
            if (l.kind() == DiffLine.Kind.ADDED && first == null) {
                first = l;
            }
            if (next == null && j > at) {
                next = l;
            }
        }
        DiffLine anchor = first != null ? first : next;
        if (!closed || anchor == null) {
            return null;
        }
        return new Finding(RULE, "ERR-01", severity, file.path(), anchor.newLine(), 1, anchor.text().strip(),
                "The change takes `" + lines.get(at).text().strip() + "` out of this failure branch and leaves it"
                        + " naming the failure nowhere: what reached the log or the caller before now ends here"
                        + " without a word. Keep the report (log it with its cause at warn or error, or hand it on),"
                        + " beside whatever clean-up the branch now does.",
                Finding.Confidence.HIGH, null, "kb", null);
    }

    /** The failure a kept branch header receives: a catch parameter, a tested throwable, a failed future's cause. */
    private static List<String> failure(String header) {
        Matcher c = CATCH.matcher(header);
        if (c.find()) {
            return NOT_NEWS.matcher(c.group(1)).find() || c.group(2).matches("(?i)ignored?|expected|unused|suppressed")
                    ? List.of() : List.of(c.group(2));
        }
        Matcher n = NOT_NULL.matcher(header);
        if (n.find()) {
            return ERR_NAME.matcher(n.group(1)).matches() ? List.of(n.group(1)) : List.of();
        }
        Matcher f = FUTURE_FAILED.matcher(header);
        if (f.find()) {
            String future = f.group(1) != null ? f.group(1) : f.group(2) != null ? f.group(2) : f.group(3);
            return List.of(future + ".cause()");
        }
        Matcher cb = CALLBACK.matcher(header);
        if (cb.find()) {
            return List.of(cb.group(2));
        }
        return List.of();
    }

    /** True when {@code t} names {@code name}: as a whole word, or a future's cause as its call. */
    private static boolean names(String t, String name) {
        if (name.endsWith(".cause()")) {
            String future = name.substring(0, name.length() - ".cause()".length());
            return Pattern.compile("(?<![\\w$.])" + Pattern.quote(future) + "\\s*\\.\\s*cause\\s*\\(").matcher(t).find();
        }
        return mentions(t, name);
    }

    /** A line's code, its strings blanked. */
    private static String code(String text) {
        return JavaRemovedErrorHandling.STRING.matcher(text).replaceAll("\"\"").strip();
    }
}
