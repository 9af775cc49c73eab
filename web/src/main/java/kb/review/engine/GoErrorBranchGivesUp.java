package kb.review.engine;

import static kb.review.engine.GoRemovedErrorHandling.BRANCH_RULE;
import static kb.review.engine.GoRemovedErrorHandling.ERR_NAME;
import static kb.review.engine.GoRemovedErrorHandling.LOG;
import static kb.review.engine.GoRemovedErrorHandling.NIL_CHECK;
import static kb.review.engine.GoRemovedErrorHandling.STRING;
import static kb.review.engine.GoRemovedErrorHandling.handsOn;
import static kb.review.engine.GoRemovedErrorHandling.mentions;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.CodeText;
import kb.review.diff.DiffLine;
import kb.review.diff.SourceFile;

/**
 * {@link GoRemovedErrorHandling}'s second form ({@code go-error-branch-no-longer-returns}): inside an
 * {@code if err != nil {} the change keeps, a deleted line handed the error on, and the branch the change leaves only
 * skips, answers a nil error, or logs and falls through.
 */
final class GoErrorBranchGivesUp {

    /** A log call at a level production does not keep. */
    static final Pattern QUIET = Pattern.compile("\\.(?:Debug|Trace|V\\(\\s*[1-9]\\s*\\)\\.\\w+)\\w*\\s*\\(");

    /** A statement of a new branch that gives up without the error: skip, leave the loop, answer nil. */
    private static final Pattern GIVES_UP = Pattern.compile("^(?:continue|break)(?:\\s+\\w+)?$|^return\\s+(?:.*,\\s*)?nil$");

    /**
     * A rollback or abort of the step's transaction as a statement ({@code tx.Rollback()}, {@code _ = tx.Rollback(ctx)}):
     * the branch undoes the step's writes, so the failure is one of the unit of work itself (session 34, err34).
     */
    private static final Pattern ROLLBACK = Pattern.compile(
            "^(?:_\\s*=\\s*)?[\\w.]+\\.(?:Rollback|Abort)\\w*\\(\\s*(?:ctx\\w*|context\\.\\w+\\(\\s*\\))?\\s*\\)$");

    /**
     * A statement that only resets or closes a value of the failed step ({@code r.conn = nil}, {@code ok = false},
     * {@code conn.Close()}, {@code cancel()}): clean-up on the way out, which decides nothing about the failure, so it
     * neither hands it on nor stands for handling it (session 41, err41).
     */
    private static final Pattern RESETS = Pattern.compile(
            "^[\\w.]+\\s*=\\s*(?:nil|false|0|\"\"|[\\w.]+\\{\\s*\\})$"
                    + "|^(?:_\\s*=\\s*)?[\\w.]+\\.(?:Close|Stop|Reset)\\(\\s*\\)$|^cancel\\w*\\(\\s*\\)$");

    /**
     * (err54) The completeness check of an iteration: the error a cursor keeps for the end of its walk
     * ({@code rows.Err()} of database/sql and pgx, {@code scanner.Err()} of bufio, {@code it.Error()} of goleveldb and
     * the merkledb/pebble iterators, {@code cursor.Err()} of the MongoDB driver, {@code iter.Err()}). The receivers are
     * the names those types conventionally take. A log line in its branch does not make the failure a fall-back said
     * out loud: the rows read so far are a truncated result that the code then uses as the whole (round 125's
     * avalanchego, a rebuild from a partial batch).
     */
    private static final Pattern ITERATION = Pattern.compile(
            "(?<![\\w.])(?:it|iter\\w*|\\w*Iter(?:ator)?|rows|\\w*Rows|scanner|\\w*Scanner|sc|s|cursor|\\w*Cursor|cur)"
                    + "\\.(?:Err|Error)\\(\\s*\\)");

    /** True when the error checked at {@code header} is an iteration's completeness check (in the header or above). */
    private static boolean iterationCheck(List<DiffLine> lines, int header, String name) {
        for (int j = header; j >= 0 && j >= header - 6; j--) {
            String t = lines.get(j).text();
            Matcher a = ASSIGN.matcher(t);
            if (lines.get(j).kind() != DiffLine.Kind.REMOVED && a.find() && a.start() > 0
                    && mentions(t.substring(0, a.start()), name)) {
                return ITERATION.matcher(t.substring(a.start())).find();
            }
        }
        return false;
    }

    /** A test for the end of input: {@code err == io.EOF}, {@code errors.Is(err, io.EOF)}. */
    private static final Pattern EOF_TEST = Pattern.compile("==\\s*io\\.(?:EOF|ErrUnexpectedEOF)\\b|errors\\.Is\\(\\s*\\w+\\s*,\\s*io\\.EOF\\s*\\)");

    /** An assignment operator's {@code =}: not part of {@code ==}, {@code !=}, {@code <=} or {@code >=}. */
    private static final Pattern ASSIGN = Pattern.compile("(?<![=!<>])=(?!=)");

    private GoErrorBranchGivesUp() {
    }

    /** The deleted hand-on at {@code at} inside a kept {@code if err != nil {}, whose new branch gives up. */
    static Finding find(SourceFile file, List<DiffLine> lines, int at, AddedLines allAdded,
                                         Severity severity, String section) {
        String removed = STRING.matcher(lines.get(at).text()).replaceAll("\"\"").strip();
        int header = enclosingKept(lines, at);
        if (header < 0) {
            return null;
        }
        // (err52) a header written over lines (`if err := rows.Scan(&a, &b,` then `&c); err != nil {`) is read
        // joined, and the branch starts below its last line (round 86's exposure-notifications)
        int body = header + 1;
        String headerText = lines.get(header).text();
        for (int k = header + 1; k < lines.size() && k <= header + 3 && headerText.strip().startsWith("if ")
                && !headerText.strip().endsWith("{") && lines.get(k).kind() == DiffLine.Kind.CONTEXT; k++) {
            headerText = headerText.stripTrailing() + " " + lines.get(k).text().strip();
            body = k + 1;
        }
        Matcher m = NIL_CHECK.matcher(headerText);
        if (!m.find() || !ERR_NAME.matcher(m.group(1)).matches() || !handsOn(removed, m.group(1))
                || allAdded.stripped().contains(lines.get(at).text().strip())) {
            return null;
        }
        String name = m.group(1);
        Finding lost = causeStripped(file, lines, at, name, severity);
        if (lost != null) {
            return lost;
        }
        int indent = CodeText.indent(lines.get(header).text());
        int firstAdded = 0;
        boolean gaveUp = false;
        boolean local = declaredHere(lines, header, name);
        boolean rolledBack = false;
        boolean saidOutLoud = false;
        for (int j = body; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            String t = STRING.matcher(l.text()).replaceAll("\"\"").strip();
            if (t.startsWith("}") && CodeText.indent(l.text()) <= indent) {
                return firstAdded == 0 || saidOutLoud && !rolledBack && !iterationCheck(lines, header, name) ? null : new Finding(BRANCH_RULE, "ERR-01", severity, file.path(), firstAdded,
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
            // (err42) a bare return out of a function that declares no results (a goroutine's loop, a run method)
            // gives up too: the deleted hand-on was the failure's only way out, and nothing carries it now
            if (GIVES_UP.matcher(t).matches() || t.equals("return") && !removed.startsWith("return")
                    && GoEnclosingFunc.resultless(lines, header, section)) {
                // a skip of a failure kept in a variable of the enclosing scope (`leader, err = f()`) is a retry
                // whose last error the loop's end returns; an answer with fewer results than the deleted return is
                // a function whose error result the change took away (its own signature, rewritten)
                if (!t.startsWith("return") && !local || t.startsWith("return") && removed.startsWith("return")
                        && values(t) < values(removed)) {
                    return null;
                }
                gaveUp = true;
            } else if (RESETS.matcher(t).matches() && !mentions(t, name)) {
                continue; // clean-up of the failed step: the failure still goes nowhere
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
            } else if (firstAdded == 0 && gaveUp && j > at) {
                firstAdded = l.newLine(); // (err42) nothing added: the kept exit below the deleted hand-on is the line
            }
        }
        return null;
    }

    /** A name that is not a field or a method of something ({@code err}, not {@code fmt.Errorf}). */
    private static final Pattern IDENT = Pattern.compile("(?<![\\w.])\\w+");

    /** A constructed error's message: {@code fmt.Errorf("...", ...)}, {@code errors.New("...")}; group 1 the text. */
    private static final Pattern MADE = Pattern.compile("\\b(?:fmt\\.Errorf|errors\\.(?:New|Errorf))\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * (err50) The deleted return at {@code at} built its error from the failure ({@code return nil,
     * fmt.Errorf("unable to read %s: %w", path, err)}) and the change returns, in the same place and with as many
     * values, an error with the same opening words that no longer carries it ({@code return nil, fmt.Errorf("unable
     * to read %s", path)}): the caller still learns that the step failed, not why, and {@code errors.Is} on the cause
     * stops matching. Not reported: a new return that names any error value or wraps with {@code %w} (a different
     * cause, a sentinel), a message whose opening words change (a rewritten error, not a trimmed one), a return of
     * a sentinel or a status ({@code return nil, ErrNotFound}), which is a deliberate mapping.
     */
    private static Finding causeStripped(SourceFile file, List<DiffLine> lines, int at, String name,
                                         Severity severity) {
        String old = lines.get(at).text().strip();
        Matcher was = MADE.matcher(old);
        if (!old.startsWith("return ") || !was.find()
                || !mentions(STRING.matcher(old.substring(was.start())).replaceAll("\"\""), name)) {
            return null;
        }
        // the replacement is the block's first added statement: a return further down stands in another branch
        // (precision set 22's croc: the old message moved to a new `if !exists` check, which has no error to carry)
        DiffLine l = RemovedLine.changedBlock(lines, at).stream()
                .filter(d -> d.kind() == DiffLine.Kind.ADDED && !d.text().isBlank()).findFirst().orElse(null);
        if (l != null) {
            String now = l.text().strip();
            Matcher is = MADE.matcher(now);
            if (!now.startsWith("return ") || !is.find() || values(now) != values(old) || is.group(1).contains("%w")) {
                return null;
            }
            String code = STRING.matcher(now).replaceAll("\"\"");
            boolean namesError = false;
            for (Matcher w = IDENT.matcher(code); w.find(); ) {
                namesError |= ERR_NAME.matcher(w.group()).matches();
            }
            if (!namesError && !code.contains(".Error()") && opening(is.group(1)).equals(opening(was.group(1)))
                    && !opening(was.group(1)).isEmpty()) {
                return new Finding(BRANCH_RULE, "ERR-01", severity, file.path(), l.newLine(), 1, now,
                        "The change rewrites `" + old + "` as `" + now + "`: the returned error keeps the message"
                                + " but no longer carries `" + name + "`, so the caller (and the operator) learns"
                                + " that the step failed but not why, and errors.Is/As on the cause stop matching."
                                + " Wrap the cause: `%w` with `" + name + "`.",
                        Finding.Confidence.HIGH, null, "kb", null);
            }
        }
        return null;
    }

    /** The first two words of an error message, lower case ({@code "unable to read %s"} gives "unable to"). */
    private static String opening(String message) {
        String[] w = message.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+");
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (String x : w) {
            if (!x.isEmpty() && n < 2) {
                out.append(n++ == 0 ? "" : " ").append(x);
            }
        }
        return n < 2 ? "" : out.toString();
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
        // (err54) a reader loop: the same error tested for the end of input just above (`if err == io.EOF { break
        // }`), or, that test above the hunk, a branch that leaves the loop (break, return) closing right above the
        // check, no plain assignment of the error in sight (a retry's `addr, err = ask()`). The loop
        // ends there, not on a last error a retry would return, so a skip of any other read error loses it whatever
        // scope holds the variable (round 124's seqkit, its read and its EOF test out of the hunk)
        List<String> above = new java.util.ArrayList<>();
        for (int j = header - 1; j >= 0 && above.size() < 2; j--) {
            if (lines.get(j).kind() != DiffLine.Kind.REMOVED && !lines.get(j).text().isBlank()) {
                above.add(lines.get(j).text().strip());
            }
        }
        if (above.size() == 2 && above.get(0).equals("}") && above.get(1).matches("break|return\\b.*")
                && noAssignmentAbove(lines, header, name)) {
            return true;
        }
        for (int j = header - 1; j >= 0 && j >= header - 6; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            String t = l.text();
            if (EOF_TEST.matcher(t).find() && mentions(t, name)) {
                return true;
            }
            // the first assignment of the line, not a comparison (`if readErr == io.EOF {` above the nil check of a
            // reader loop is no declaration; err39)
            Matcher a = ASSIGN.matcher(t);
            int op = a.find() ? a.start() : -1;
            if (op > 0 && mentions(t.substring(0, op), name)) {
                return t.charAt(op - 1) == ':';
            }
        }
        return false;
    }

    /** True when no line of the hunk above {@code header} assigns {@code name} with a plain {@code =}. */
    private static boolean noAssignmentAbove(List<DiffLine> lines, int header, String name) {
        for (int j = header - 1; j >= 0; j--) {
            String t = lines.get(j).text();
            Matcher a = ASSIGN.matcher(t);
            if (lines.get(j).kind() != DiffLine.Kind.REMOVED && a.find() && a.start() > 0
                    && mentions(t.substring(0, a.start()), name) && t.charAt(a.start() - 1) != ':') {
                return false;
            }
        }
        return true;
    }
}
