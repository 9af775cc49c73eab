package kb.review.engine;

import static kb.review.engine.GoRemovedErrorHandling.BLANK_RULE;
import static kb.review.engine.GoRemovedErrorHandling.ERR_NAME;
import static kb.review.engine.GoRemovedErrorHandling.LOG;
import static kb.review.engine.GoRemovedErrorHandling.STRING;
import static kb.review.engine.GoRemovedErrorHandling.handsOn;
import static kb.review.engine.GoRemovedErrorHandling.isCheckOf;
import static kb.review.engine.GoRemovedErrorHandling.mentions;

import java.util.List;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.CodeText;
import kb.review.diff.DiffLine;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * {@link GoRemovedErrorHandling}'s first form ({@code go-checked-error-now-dropped}): the deleted lines bound a call's
 * error and checked it with a branch that handled it, and the added lines make the same call with that error as
 * {@code _}, as a bare statement, or kept in a name the next lines overwrite before reading it. Session 44: a
 * deleted branch that only logged the error (above debug level) counts too when the new line is the bare call and the
 * change adds no comment there: the log line was the failure's only trace ({@code _} stays the author's stated
 * discard).
 */
final class GoCheckedErrorDropped {

    /** Calls whose error ERR-01 counts as best effort (go-error-assigned-to-blank's rejects). */
    private static final Pattern BEST_EFFORT = Pattern.compile(
            "\\.Set(?:Read|Write)?Deadline$|\\.(?:CloseWithError|CloseRead|CloseWrite)$|\\bos\\.Remove(?:All)?$");

    /**
     * An assignment to a variable, a field or an element that outlives the branch ({@code errs = append(errs, ...)},
     * {@code result = multierror.Append(result, err)}, {@code s.lastErr = err}): with the error on its right side, the
     * failure is kept for the caller, as much handed on as by a return.
     */
    private static final Pattern KEEPS = Pattern.compile("^[\\w.\\[\\]]+\\s*\\+?=(?!=)");

    /** A log call at a level production does not keep: {@code log.Debugf}, {@code klog.V(4).Infof}. */
    private static final Pattern QUIET_LOG = Pattern.compile("\\.(?:Debug|Trace)\\w*\\(|\\bV\\(\\d+\\)|LevelDebug");

    /** A function that ends a handle's life ({@code func (c *Client) Quit() error}): its calls are best effort. */
    private static final Pattern TEARDOWN = Pattern.compile(
            "\\bfunc\\s+(?:\\([^)]*\\)\\s*)?(?:Quit|Close|Stop|Shutdown|Disconnect|Logout|Bye)\\w*\\s*\\(");

    /** The name of a call that reads, loads or sets an option: its logged check may go (session 44). */
    private static final Pattern READ_OR_SET = Pattern.compile(
            "^(?i:set|get|load|preload|read|fetch|prefetch|lookup|warm|refresh|find|list)");

    /**
     * (err50) A project's own reporting call, which {@link GoRemovedErrorHandling#LOG} does not know by its receiver:
     * a function or method named for the error or warning it reports, or a wrapper of a logger ({@code
     * common.SysError(...)}, {@code reportErr(...)}, {@code txlog(...)}). Read only in a deleted branch whose every
     * line is such a call naming the error.
     */
    private static final Pattern REPORTS = Pattern.compile(
            "^(?:\\w+\\.)*(?:\\w*(?:Error|Err|Warn|Warning|Fatal|Alert)\\w*|\\w*log|report\\w*)\\s*\\(");

    /** The most statements {@link #removedCheck} looks past between a deleted binding and its deleted check. */
    private static final int GAP = 4;

    /** The most continuation lines one wrapped log call of a deleted check is read over (err45). */
    private static final int WRAPPED = 6;

    private GoCheckedErrorDropped() {
    }

    /** The deleted binding of a call's error at {@code at}, checked and handled, made {@code _} or bare. */
    static Finding find(SourceFile file, List<DiffLine> lines, int at, AddedLines allAdded,
                                       Catalog catalog, Severity severity, String section) {
        String text = STRING.matcher(statement(lines, at, DiffLine.Kind.REMOVED)).replaceAll("\"\"");
        GoBinding old = GoBinding.parse(text);
        if (old == null || old.errorAt() < 0 || allAdded.stripped().contains(lines.get(at).text().strip())) {
            return null;
        }
        String name = old.names().get(old.errorAt());
        int check = old.checked() ? at : removedCheck(lines, at, name);
        if (check < 0 || !old.checked() && !isCheckOf(lines.get(check).text(), name)
                || bestEffort(old.callee()) && !(REMOVAL.matcher(old.callee()).find()
                        && returnedWrapped(lines, check, name))
                || redeclaredWithoutError(old.callee(), allAdded)) {
            return null;
        }
        boolean handled = handledInBranch(lines, check, name);
        // a logged check in a teardown (Quit, Close, Stop...) is a goodbye on a closing handle: best effort
        boolean logged = !handled && !TEARDOWN.matcher(section).find() && onlyLogged(lines, check, name);
        if (!handled && !logged) {
            return null;
        }
        List<DiffLine> block = RemovedLine.changedBlock(lines, at);
        if (logged && block.stream().anyMatch(l -> l.kind() == DiffLine.Kind.ADDED && l.text().contains("//"))) {
            return null; // the author says why the log goes
        }
        for (DiffLine l : block) {
            if (l.kind() != DiffLine.Kind.ADDED) {
                continue;
            }
            GoBinding now = GoBinding.parse(STRING.matcher(statement(lines, lines.indexOf(l), DiffLine.Kind.ADDED))
                    .replaceAll("\"\""));
            if (now == null || !now.callee().equals(old.callee()) || now.checked()) {
                continue;
            }
            if (logged) {
                // (session 44) only the bare statement: `_` is Go's stated discard (errcheck's own answer); not a
                // Close (errcheck's default exclusion: a read-only file's close, err38's ok-1) and not the package's
                // own function (the author knows whether it reports its own failures, gorec29's ok-2)
                // and not a read or an option setter (a warm-up, a prefetch, a lookup, a keep-alive: err28's ok-1,
                // err40's ok-2 and ok-4): a failed read is fetched again on use; what is left acts (scans, stops)
                // and one bare call of that callee in the block: several are a sweep of log lines (err28's ok-2)
                if (now.names().isEmpty() && now.callee().contains(".") && !now.callee().endsWith(".Close")
                        && !READ_OR_SET.matcher(now.callee().substring(now.callee().lastIndexOf('.') + 1)).find()
                        && bareCalls(block, now.callee()) == 1) {
                    return loggedMadeBare(file, lines.get(at).text().strip(), l, severity);
                }
                continue;
            }
            boolean dropped = now.names().isEmpty() || now.names().size() == old.names().size()
                    && now.names().get(old.errorAt()).equals("_");
            // (err36) or kept in an error name the next lines overwrite before reading it (`_, err = tx.Exec(a)`)
            boolean overwritten = !dropped && now.names().size() == old.names().size()
                    && ERR_NAME.matcher(now.names().get(old.errorAt())).matches()
                    && OverwrittenErrors.overwrittenFirst(lines, lines.indexOf(l), now.names().get(old.errorAt()));
            if (dropped && DroppedBegins.begins(old.callee())) {
                return DroppedBegins.finding(file, catalog, l.newLine(), old.callee() + "(...)",
                        lines.get(at).text().strip()); // TX-02's: a transaction that may not have begun
            }
            if (dropped || overwritten) {
                String how = now.names().isEmpty() ? "the bare call `" + l.text().strip() + "`"
                        : overwritten ? "`" + l.text().strip() + "`, its error overwritten below before any check"
                        : "`" + l.text().strip() + "`, its error position `_`";
                return new Finding(BLANK_RULE, "ERR-01", severity, file.path(), l.newLine(), 1, l.text().strip(),
                        "The change replaces the checked call `" + lines.get(at).text().strip() + "` by " + how
                                + ": the error the old code handled (returned or recorded) is now dropped, and the"
                                + " work goes on with whatever the failed call left. Keep the check and return the"
                                + " error wrapped with context.",
                        Finding.Confidence.HIGH, null, "kb", null);
            }
        }
        return null;
    }

    /**
     * (err50) The statement that starts at {@code at}: the line, joined with the lines that continue its call when it
     * leaves a parenthesis open ({@code gauge, err := meter.Int64ObservableGauge("name",} then its options), read
     * over the lines of this side ({@code side} or context), at most {@link #WRAPPED} of them. A call left open is
     * returned as the one line (which {@link GoBinding#parse} refuses).
     */
    private static String statement(List<DiffLine> lines, int at, DiffLine.Kind side) {
        String text = lines.get(at).text();
        String end = text.strip();
        if (!end.endsWith("(") && !end.endsWith(",")) {
            return text; // a whole statement, or a block's header (`if err := f(); err != nil {`)
        }
        int open = HiddenReleaseSlots.balance(text);
        StringBuilder out = new StringBuilder(text);
        for (int k = at + 1; open > 0 && k < lines.size() && k <= at + WRAPPED; k++) {
            DiffLine more = lines.get(k);
            if (more.kind() != side && more.kind() != DiffLine.Kind.CONTEXT) {
                continue;
            }
            out.append(' ').append(more.text().strip());
            open += HiddenReleaseSlots.balance(more.text());
        }
        return open == 0 ? out.toString() : text;
    }

    /** How many added lines of {@code block} call {@code callee} as a bare statement. */
    private static long bareCalls(List<DiffLine> block, String callee) {
        return block.stream().filter(l -> l.kind() == DiffLine.Kind.ADDED).map(l -> GoBinding.parse(l.text()))
                .filter(b -> b != null && b.names().isEmpty() && b.callee().equals(callee)).count();
    }

    /** True for a finding of {@link #loggedMadeBare}. */
    static boolean loggedForm(Finding f) {
        return f.rule().equals(BLANK_RULE) && f.confidence() == Finding.Confidence.LOW;
    }

    /** The finding of a logged check made a bare call: LOW, as the old branch only reported the failure. */
    private static Finding loggedMadeBare(SourceFile file, String checked, DiffLine bare, Severity severity) {
        return new Finding(BLANK_RULE, "ERR-01", severity, file.path(), bare.newLine(), 1, bare.text().strip(),
                "The change replaces the checked call `" + checked + "` by the bare call `" + bare.text().strip()
                        + "`: the old code at least logged the failure with its error, the new line drops it"
                        + " without a trace, so a call that fails every time looks like one that works. Keep the"
                        + " check (log or return the error), or discard it as `_ =` with a comment saying why.",
                Finding.Confidence.LOW, null, "kb", null);
    }

    /**
     * True when the deleted branch of the check at {@code check} did nothing but log the failure with the error
     * itself, at a level production keeps, and closed (session 44): the log line was the failure's only trace, and
     * a bare call in its place leaves none. Real regressions of this shape: a periodic scan, an actor interrupt, a
     * flush whose failure the edit no longer logs (guardian360/InfoSec-Agent#23 and ginkida/gokin#6 show the fix:
     * the log line put back).
     */
    private static boolean onlyLogged(List<DiffLine> lines, int check, String name) {
        int indent = CodeText.indent(lines.get(check).text());
        boolean logged = false;
        for (int j = check + 1; j < lines.size() && j <= check + 6 + WRAPPED; j++) {
            DiffLine l = lines.get(j);
            String t = l.text().strip();
            if (l.kind() != DiffLine.Kind.REMOVED) {
                return false;
            }
            if (t.startsWith("}") && CodeText.indent(l.text()) <= indent) {
                return logged;
            }
            String code = STRING.matcher(t).replaceAll("\"\"");
            if (!LOG.matcher(code).find() && !REPORTS.matcher(code).find() || QUIET_LOG.matcher(code).find()) {
                return false;
            }
            // (err45) a log call wrapped over several lines (zap fields, slog attributes, a long format): its
            // continuation lines, deleted with it, are the same statement, and the error may be named on any of them
            boolean named = mentions(code, name);
            int open = HiddenReleaseSlots.balance(t);
            for (int k = j + 1; open > 0 && k < lines.size() && k <= j + WRAPPED; k++) {
                DiffLine more = lines.get(k);
                if (more.kind() != DiffLine.Kind.REMOVED) {
                    return false;
                }
                open += HiddenReleaseSlots.balance(more.text());
                named |= mentions(STRING.matcher(more.text()).replaceAll("\"\""), name);
                j = k;
            }
            if (open > 0 || !named) {
                return false;
            }
            logged = true;
        }
        return false;
    }

    /** A removal of a path: best effort unless the old code failed the step on it with context (err50). */
    private static final Pattern REMOVAL = Pattern.compile("\\bos\\.Remove(?:All)?$");

    /** A wrapping of an error with context: {@code fmt.Errorf(...)}, {@code errors.Wrap(...)}. */
    private static final Pattern WRAPS = Pattern.compile("\\b(?:fmt\\.Errorf|errors\\.Wrapf?|pkgerrors\\.Wrapf?)\\(");

    /**
     * (err50) True when the deleted branch of the check at {@code check} returned the error wrapped with context
     * ({@code return nil, fmt.Errorf("whiteout %s: %w", name, err)}): the author chose to fail the work on this
     * removal's error and said why, so the removal is not best effort here. A deadline setter or a half close stays
     * best effort even when its error was returned bare (Round12DeletionClassesTest: {@code SetWriteDeadline}'s
     * {@code return err} made a bare call is clean).
     */
    private static boolean returnedWrapped(List<DiffLine> lines, int check, String name) {
        int indent = CodeText.indent(lines.get(check).text());
        for (int j = check + 1; j < lines.size() && j <= check + 12; j++) {
            DiffLine l = lines.get(j);
            String t = STRING.matcher(l.text()).replaceAll("\"\"").strip();
            if (l.kind() != DiffLine.Kind.REMOVED || t.startsWith("}") && CodeText.indent(l.text()) <= indent) {
                return false;
            }
            if (t.startsWith("return ") && mentions(t, name) && WRAPS.matcher(t).find()) {
                return true;
            }
        }
        return false;
    }

    /** True for a callee whose error ERR-01 counts as best effort (a deadline setter, a half close, a removal). */
    static boolean bestEffort(String callee) {
        return BEST_EFFORT.matcher(callee).find();
    }

    /**
     * True when the change adds a declaration of the callee's function or method whose line has no error in it: the
     * change took the error result away from the callee itself ({@code func (v *Values) reconcile() {}).
     */
    private static boolean redeclaredWithoutError(String callee, AddedLines allAdded) {
        String name = callee.substring(callee.lastIndexOf('.') + 1) + "(";
        for (String a : allAdded.all()) {
            if (!a.startsWith("func ") || !a.contains(name) || a.contains("error")) {
                continue;
            }
            int at = a.indexOf(name);
            char before = a.charAt(at - 1);
            if (before == ' ' || before == ')') {
                return true;
            }
        }
        return false;
    }

    private static int nextRemoved(List<DiffLine> lines, int at) {
        for (int j = at + 1; j < lines.size(); j++) {
            if (lines.get(j).text().isBlank()) {
                continue;
            }
            return lines.get(j).kind() == DiffLine.Kind.REMOVED ? j : -1;
        }
        return -1;
    }

    /**
     * The deleted check of {@code name} below the deleted binding at {@code at}: the next line, or a few lines on past
     * statements the change keeps or adds that do not touch the error (session 36, err36: a `f.Close()`, a `defer
     * cancel()` or an unlock between the call and its check, as in `syms, err := parse(r)`, `f.Close()`, `if err !=
     * nil`). A line that mentions the name, or a line of an outer block, ends the search. -1 when there is none.
     */
    private static int removedCheck(List<DiffLine> lines, int at, String name) {
        int next = nextRemoved(lines, at);
        if (next >= 0) {
            return next;
        }
        int indent = CodeText.indent(lines.get(at).text());
        int seen = 0;
        for (int j = at + 1; j < lines.size() && seen < GAP; j++) {
            DiffLine l = lines.get(j);
            String t = l.text();
            if (t.isBlank()) {
                continue;
            }
            if (CodeText.indent(t) < indent) {
                return -1;
            }
            if (l.kind() == DiffLine.Kind.REMOVED && isCheckOf(t, name)) {
                return CodeText.indent(t) == indent ? j : -1;
            }
            if (mentions(STRING.matcher(t).replaceAll("\"\""), name)) {
                return -1;
            }
            seen++;
        }
        return -1;
    }

    /**
     * The deleted branch of the check at {@code check} (up to its closing brace, deleted too) handled the error: it
     * returned, or handed the error to a call, a channel or a list. A branch that only logged is left alone.
     */
    private static boolean handledInBranch(List<DiffLine> lines, int check, String name) {
        int indent = CodeText.indent(lines.get(check).text());
        boolean reported = false;
        boolean acted = false;
        for (int j = check + 1; j < lines.size() && j <= check + 12; j++) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED) {
                return false;
            }
            String t = STRING.matcher(l.text()).replaceAll("\"\"").strip();
            if (t.startsWith("}") && CodeText.indent(l.text()) <= indent) {
                // a branch that only reported the failure (sent it, handed it to a tracker) of a call that delivers
                // nothing is the author's to drop (gorec29's ok-1); one that also acted on it (reconnected, skipped
                // the item, counted it) handled it
                return reported && acted;
            }
            // (err50) a bare `return` stops the work too: a void function that logs the failure and gives up on the
            // step handled it, and the `_` that replaces the check lets the step go on with a nil value
            if (t.startsWith("return ") && !t.endsWith(" nil") || t.equals("return") || t.startsWith("panic(")
                    || KEEPS.matcher(t).find()
                    && mentions(t.substring(t.indexOf('=')), name)) {
                return true; // returned, or kept for the caller (`errs = append(errs, fmt.Errorf("%q: %w", n, err))`)
            }
            if (handsOn(t, name)) {
                reported = true;
            } else if (!t.isEmpty() && !t.startsWith("//") && !LOG.matcher(t).find()) {
                acted = true;
            }
        }
        return false;
    }
}
