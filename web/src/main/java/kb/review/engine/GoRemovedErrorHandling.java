package kb.review.engine;

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
 * A Go edit that takes away the handling of an error and keeps the failing work: the shape a regression PR has. The
 * deleted lines are the evidence that the call returns an error and that the error was handled; no signature, type or
 * library model is needed. Two forms:
 * <ul>
 * <li>{@link #BLANK_RULE}: the deleted lines bound a call's error and checked it with a branch that handled it (it
 * returned, or handed the error to a call, a channel or a list: {@code worker.err(err)}, {@code errs <- err}); the
 * added lines make the same call with that result position as {@code _} ({@code series, _ := decodeJSON(body)},
 * {@code _ = s.save(x)}) or as a bare statement ({@code a.write(p)}).</li>
 * <li>{@link #BRANCH_RULE}: inside an {@code if err != nil {} the change keeps, the deleted line handed the error on
 * (returned it, wrapped or not, sent it, recorded it) and the branch the change leaves only skips ({@code continue},
 * {@code break}), answers a nil error ({@code return nil}, {@code return x, nil}) or logs and falls through.</li>
 * </ul>
 * Left alone (separators read from real refactorings): a check the change adds back anywhere in the diff (moved), a
 * deleted branch that only logged, an error still used by the new branch (recorded, returned in another form,
 * assigned to be returned later), a comment among the added lines of the branch (a stated choice), a condition that
 * is not a plain {@code err != nil} (a not-found test: {@code errors.Is}, {@code os.IsNotExist}), the best-effort calls
 * ERR-01 lets go (deadline setters, half closes, removals), a skip of an error kept in an outer variable (a retry),
 * a log line above debug that hands the error itself (a fall-back said out loud), a callee or a function whose own
 * declaration loses its error result in the change, and a diff that does this in more places than
 * {@link RemovedErrorHandling}'s sweep allows (a deliberate policy change, not a slip).
 */
final class GoRemovedErrorHandling {

    static final String BLANK_RULE = "go-checked-error-now-dropped";

    static final String BRANCH_RULE = "go-error-branch-no-longer-returns";


    /** A name that holds an error: err, rerr, writeErr, errClose, e. */
    static final Pattern ERR_NAME = Pattern.compile("^(?:\\w*[eE]rr\\w*|e)$");

    /** {@code if err != nil {} (also {@code if x, err := f(); err != nil {}): group 1 the name. */
    private static final Pattern NIL_CHECK = Pattern.compile("^\\s*(?:\\}\\s*else\\s+)?if\\s+(?:[^{]*;\\s*)?(\\w+)\\s*!=\\s*nil\\s*\\{\\s*$");

    /** A log line (the standard log package, a logger variable or field, slog, klog, zap, logrus, fmt to stderr). */
    private static final Pattern LOG = Pattern.compile(
            "^\\s*(?:[\\w.]*\\.)?(?:(?:[skgz]|zero)?log(?:ger|ging|rus)?|zap|lg?|\\w*(?:Log|Logger|LOG|LOGGER))\\d*"
                    + "(?:\\(\\))?(?:\\.\\w+(?:\\([^()]*\\))?)*\\.\\w+\\s*\\(|^\\s*fmt\\.Fprint\\w*\\(\\s*os\\.Std(?:err|out)|^\\s*fmt\\.Print");

    /** A log call at a level production does not keep. */
    private static final Pattern QUIET = Pattern.compile("\\.(?:Debug|Trace|V\\(\\s*[1-9]\\s*\\)\\.\\w+)\\w*\\s*\\(");

    /** A statement of a new branch that gives up without the error: skip, leave the loop, answer nil. */
    private static final Pattern GIVES_UP = Pattern.compile("^(?:continue|break)(?:\\s+\\w+)?$|^return\\s+(?:.*,\\s*)?nil$");

    /** Calls whose error ERR-01 counts as best effort (go-error-assigned-to-blank's rejects). */
    private static final Pattern BEST_EFFORT = Pattern.compile(
            "\\.Set(?:Read|Write)?Deadline$|\\.(?:CloseWithError|CloseRead|CloseWrite)$|\\bos\\.Remove(?:All)?$");

    /**
     * An assignment to a variable, a field or an element that outlives the branch ({@code errs = append(errs, ...)},
     * {@code result = multierror.Append(result, err)}, {@code s.lastErr = err}): with the error on its right side, the
     * failure is kept for the caller, as much handed on as by a return.
     */
    private static final Pattern KEEPS = Pattern.compile("^[\\w.\\[\\]]+\\s*\\+?=(?!=)");

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`");

    /**
     * A rollback or abort of the step's transaction as a statement ({@code tx.Rollback()}, {@code _ = tx.Rollback(ctx)}):
     * the branch undoes the step's writes, so the failure is one of the unit of work itself (session 34, err34).
     */
    private static final Pattern ROLLBACK = Pattern.compile(
            "^(?:_\\s*=\\s*)?[\\w.]+\\.(?:Rollback|Abort)\\w*\\(\\s*(?:ctx\\w*|context\\.\\w+\\(\\s*\\))?\\s*\\)$");

    private GoRemovedErrorHandling() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        if (file.language() != Language.GO || file.path().endsWith("_test.go")) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            boolean removes = false;
            for (DiffLine l : lines) {
                removes |= l.kind() == DiffLine.Kind.REMOVED;
            }
            if (!removes) {
                continue;
            }
            Severity severity = catalog.item("ERR-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
            for (int i = 0; i < lines.size(); i++) {
                String text = lines.get(i).text();
                if (lines.get(i).kind() != DiffLine.Kind.REMOVED || !text.contains("err") || !text.contains("(")
                        && !text.contains("return") && !text.contains("<-")) {
                    continue;
                }
                Finding b = blankOrBare(file, lines, i, allAdded, catalog, severity);
                Finding f = b != null ? b : branchGivesUp(file, lines, i, allAdded, severity);
                if (f != null && out.stream().noneMatch(o -> o.line() == f.line())) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** The deleted binding of a call's error at {@code at}, checked and handled, made {@code _} or bare. */
    private static Finding blankOrBare(SourceFile file, List<DiffLine> lines, int at, AddedLines allAdded,
                                       Catalog catalog, Severity severity) {
        String text = STRING.matcher(lines.get(at).text()).replaceAll("\"\"");
        GoBinding old = GoBinding.parse(text);
        if (old == null || old.errorAt() < 0 || allAdded.stripped().contains(lines.get(at).text().strip())) {
            return null;
        }
        String name = old.names().get(old.errorAt());
        int check = old.checked() ? at : removedCheck(lines, at, name);
        if (check < 0 || !old.checked() && !isCheckOf(lines.get(check).text(), name)
                || !handledInBranch(lines, check, name) || BEST_EFFORT.matcher(old.callee()).find()
                || redeclaredWithoutError(old.callee(), allAdded)) {
            return null;
        }
        for (DiffLine l : RemovedLine.changedBlock(lines, at)) {
            if (l.kind() != DiffLine.Kind.ADDED) {
                continue;
            }
            GoBinding now = GoBinding.parse(STRING.matcher(l.text()).replaceAll("\"\""));
            if (now == null || !now.callee().equals(old.callee()) || now.checked()) {
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

    /** The deleted hand-on at {@code at} inside a kept {@code if err != nil {}, whose new branch gives up. */
    private static Finding branchGivesUp(SourceFile file, List<DiffLine> lines, int at, AddedLines allAdded,
                                         Severity severity) {
        String removed = STRING.matcher(lines.get(at).text()).replaceAll("\"\"").strip();
        int header = enclosingKept(lines, at);
        if (header < 0) {
            return null;
        }
        Matcher m = NIL_CHECK.matcher(lines.get(header).text());
        if (!m.find() || !ERR_NAME.matcher(m.group(1)).matches() || !handsOn(removed, m.group(1))
                || allAdded.stripped().contains(lines.get(at).text().strip())) {
            return null;
        }
        String name = m.group(1);
        int indent = CodeText.indent(lines.get(header).text());
        int firstAdded = 0;
        boolean gaveUp = false;
        boolean local = declaredHere(lines, header, name);
        boolean rolledBack = false;
        boolean saidOutLoud = false;
        for (int j = header + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            String t = STRING.matcher(l.text()).replaceAll("\"\"").strip();
            if (t.startsWith("}") && CodeText.indent(l.text()) <= indent) {
                return firstAdded == 0 || saidOutLoud && !rolledBack ? null : new Finding(BRANCH_RULE, "ERR-01", severity, file.path(), firstAdded,
                        1, file.line(firstAdded).strip(), "The change takes `" + lines.get(at).text().strip()
                                + "` out of this error branch and leaves it " + (gaveUp ? "skipping the failure or"
                                + " answering it with a nil error" : "only logging and carrying on")
                                + ": the caller is no longer told the work failed. Return the error wrapped with"
                                + " context (or record it and return it when the loop ends).",
                        Finding.Confidence.HIGH, null, "kb", null);
            }
            if (t.startsWith("//") || t.startsWith("/*")) {
                return null; // a comment in the branch: the author states why
            }
            if (GIVES_UP.matcher(t).matches()) {
                // a skip of a failure kept in a variable of the enclosing scope (`leader, err = f()`) is a retry
                // whose last error the loop's end returns; an answer with fewer results than the deleted return is
                // a function whose error result the change took away (its own signature, rewritten)
                if (!t.startsWith("return") && !local || t.startsWith("return")
                        && values(t) < values(removed)) {
                    return null;
                }
                gaveUp = true;
            } else if (ROLLBACK.matcher(t).find()) {
                rolledBack = true; // the step's writes undone: its failure is the unit of work's, not a side matter
            } else if (!LOG.matcher(t).find()) {
                return null; // the branch does something else with the failure (retries, records, cleans up)
            } else if (mentions(t, name) && !QUIET.matcher(t).find()) {
                saidOutLoud = true; // logged with its error above debug: a fall-back said out loud (FM), unless
                // the branch rolled the step back: a failed transactional step skipped (err34, round 32's go-14)
            }
            if (l.kind() == DiffLine.Kind.ADDED && firstAdded == 0) {
                firstAdded = l.newLine();
            }
        }
        return null;
    }

    /**
     * A statement that hands the error named {@code name} on: returns it (wrapped or not), sends it on a channel,
     * appends or joins it, or passes it to a call that is not a log line ({@code h.fail(err)}).
     */
    private static boolean handsOn(String t, String name) {
        if (!mentions(t, name)) {
            return false;
        }
        return t.startsWith("return ") || t.contains("<-") || !LOG.matcher(t).find() && t.contains("(");
    }

    /** True when {@code t} holds {@code name} as a whole word, not as a field ({@code x.err}) or part of a name. */
    static boolean mentions(String t, String name) {
        for (int k = t.indexOf(name); k >= 0; k = t.indexOf(name, k + 1)) {
            int end = k + name.length();
            boolean before = k == 0 || !Character.isJavaIdentifierPart(t.charAt(k - 1)) && t.charAt(k - 1) != '.';
            boolean after = end == t.length() || !Character.isJavaIdentifierPart(t.charAt(end));
            if (before && after) {
                return true;
            }
        }
        return false;
    }

    /** The nearest line above {@code at} of the new file (context) with a smaller indent: the branch's header. */
    private static int enclosingKept(List<DiffLine> lines, int at) {
        int indent = CodeText.indent(lines.get(at).text());
        for (int j = at - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.text().isBlank() || l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            if (CodeText.indent(l.text()) < indent) {
                return l.kind() == DiffLine.Kind.CONTEXT ? j : -1;
            }
        }
        return -1;
    }

    /** The number of values of a return statement ({@code return a, b} is two, {@code return} none). */
    private static int values(String ret) {
        String v = ret.substring("return".length()).strip();
        if (v.isEmpty()) {
            return 0;
        }
        int depth = 0;
        int n = 1;
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            depth += c == '(' || c == '{' || c == '[' ? 1 : c == ')' || c == '}' || c == ']' ? -1 : 0;
            n += c == ',' && depth == 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * True when the error checked at {@code header} is declared there or by the nearest assignment above it with
     * {@code :=} (a variable of the branch's own scope, lost when the loop goes on).
     */
    private static boolean declaredHere(List<DiffLine> lines, int header, String name) {
        String h = lines.get(header).text();
        if (h.contains(":=")) {
            return true;
        }
        for (int j = header - 1; j >= 0 && j >= header - 6; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            String t = l.text();
            int op = t.indexOf('=');
            if (op > 0 && mentions(t.substring(0, op), name)) {
                return t.charAt(op - 1) == ':';
            }
        }
        return false;
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

    /** The most statements {@link #removedCheck} looks past between a deleted binding and its deleted check. */
    private static final int GAP = 4;

    private static boolean isCheckOf(String line, String name) {
        Matcher m = NIL_CHECK.matcher(line);
        return m.find() && m.group(1).equals(name);
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
            if (t.startsWith("return ") && !t.endsWith(" nil") || t.startsWith("panic(") || KEEPS.matcher(t).find()
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
