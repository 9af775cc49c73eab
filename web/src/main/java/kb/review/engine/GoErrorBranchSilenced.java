package kb.review.engine;

import static kb.review.engine.GoRemovedErrorHandling.BRANCH_RULE;
import static kb.review.engine.GoRemovedErrorHandling.ERR_NAME;
import static kb.review.engine.GoRemovedErrorHandling.LOG;
import static kb.review.engine.GoRemovedErrorHandling.NIL_CHECK;
import static kb.review.engine.GoRemovedErrorHandling.STRING;
import static kb.review.engine.GoRemovedErrorHandling.mentions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.CodeText;
import kb.review.diff.DiffLine;
import kb.review.diff.SourceFile;

/**
 * (session 52, err52) An edit that turns an error's propagation into a value: the old end of the error's path
 * reported it and the new end says nothing. Two forms, both read from the old and the new side of one branch.
 * <ul>
 * <li>An error branch both versions keep ({@code if err != nil {}, or a header rewritten to test the same value
 * without naming it: {@code if appErr := ws.ListenError; appErr != nil {} made {@code if ws.ListenError != nil {}):
 * in the old branch a deleted line named the error (logged it, returned it wrapped, handed it to a call); in the new
 * branch no line names it and nothing logs, counts, panics or returns an error the old line did not already carry.
 * What is left is the value: {@code return nil} in a walk callback, {@code continue} after a pause, the sentinel
 * the old line wrapped the cause in ({@code return fmt.Errorf("%w: %s", ErrJSON, err)} made {@code return ErrJSON}).
 * </li>
 * <li>A returned call's result made a discard: {@code return r.close()} deleted, {@code _ = r.close()} (or the bare
 * call) added with {@code return nil} right below it.</li>
 * </ul>
 * Not reported: a new branch that still names the error (recorded, wrapped, sent, passed to a callback), that logs at
 * all (a log line without the cause still says the step failed), that counts the failure ({@code .Inc()},
 * {@code .Add(}, {@code failed++}: a count a summary line or the caller reads), that returns a constructed error or an
 * error value the old line did not hold (a deliberate mapping), that panics or exits; a deleted line re-added
 * elsewhere in the diff (moved); a nil check whose error came from a best-effort call (a close, a deadline setter, a
 * removal); a discarded returned call that is a deadline setter or a half close; a branch with a comment (the author
 * says where the failure goes: session 42's look-alike, kept though the class brief reads a documented fall-back as a
 * swallow) or a bare return (a named result may carry the error out).
 */
final class GoErrorBranchSilenced {

    /** A header that binds the checked value and tests it: {@code if appErr := ws.ListenError; appErr != nil {}. */
    private static final Pattern BOUND_CHECK = Pattern.compile("^\\s*if\\s+(\\w+)\\s*:=\\s*(.+?);\\s*\\1\\s*!=\\s*nil\\s*\\{\\s*$");

    /** A header that tests a value directly: {@code if ws.ListenError != nil {}. */
    private static final Pattern PLAIN_CHECK = Pattern.compile("^\\s*if\\s+([\\w.]+)\\s*!=\\s*nil\\s*\\{\\s*$");

    /** Best-effort calls whose error branch is the project's business (ERR-01 lets them go). */
    private static final Pattern BEST_EFFORT = Pattern.compile(
            "\\.(?:Close|CloseWrite|CloseRead|Set\\w*Deadline|Flush|Sync)\\s*\\(|\\bos\\.Remove(?:All)?\\s*\\(");

    /** A statement that counts into a metric or a field, or stops the program: the failure still goes somewhere. */
    private static final Pattern REPORTS = Pattern.compile(
            "\\.(?:Inc|Add|Observe|Record\\w*|Count\\w*|Mark\\w*)\\s*\\(|^[\\w]+\\.[\\w.]+\\s*(?:\\+\\+|\\+=)"
                    + "|\\bpanic\\s*\\(|\\bFatal\\w*\\s*\\(|\\bos\\.Exit\\s*\\(|\\bPanic\\w*\\s*\\(");

    /** A returned call's value: {@code return r.close()} (group 1 the call). */
    private static final Pattern RETURNED_CALL = Pattern.compile("^return\\s+([\\w.]+\\([^;]*\\))$");

    /**
     * An added statement that only makes a value: a skip, a default put in a variable ({@code cfg = map[string]string{}},
     * {@code ok = false}, {@code r.conn = nil}), a local counter ({@code fails++}).
     */
    private static final Pattern VALUE = Pattern.compile("^(?:continue|break)(?:\\s+\\w+)?$"
            + "|^[\\w.]+\\s*:?=\\s*(?:nil|false|true|0|\"\"|[\\w.\\[\\]]*\\{\\s*\\})$");

    /**
     * A count of the failure ({@code failed++}, {@code skipped += 1}): per-element reports folded into a count that a
     * summary line or the caller reads (precision: round 22's cadvisor, round 53's warmbly), not a swallow.
     */
    private static final Pattern COUNT = Pattern.compile("^[\\w.]+\\s*(?:\\+\\+|\\+=)");

    private static final Pattern WORD = Pattern.compile("(?<![\\w.])[A-Za-z_]\\w*(?![\\w(])");

    private GoErrorBranchSilenced() {
    }

    static List<Finding> find(SourceFile file, List<DiffLine> lines, AddedLines allAdded, Severity severity) {
        List<Finding> out = new ArrayList<>();
        for (int h = 0; h < lines.size(); h++) {
            Finding f = branch(file, lines, h, allAdded, severity);
            if (f == null) {
                f = discardedReturn(file, lines, h, allAdded, severity);
            }
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    private static String code(DiffLine l) {
        return STRING.matcher(l.text()).replaceAll("\"\"").strip();
    }

    /** The first form: a kept error branch whose new side no longer names the error it reported. */
    private static Finding branch(SourceFile file, List<DiffLine> lines, int h, AddedLines allAdded,
                                  Severity severity) {
        DiffLine head = lines.get(h);
        String name = null;
        String source = head.text();
        if (head.kind() == DiffLine.Kind.CONTEXT) {
            Matcher m = NIL_CHECK.matcher(head.text());
            if (m.find() && ERR_NAME.matcher(m.group(1)).matches()) {
                name = m.group(1);
            }
        } else if (head.kind() == DiffLine.Kind.ADDED && h > 0 && lines.get(h - 1).kind() == DiffLine.Kind.REMOVED) {
            Matcher now = PLAIN_CHECK.matcher(head.text());
            Matcher was = BOUND_CHECK.matcher(lines.get(h - 1).text());
            if (now.find() && was.find() && was.group(2).strip().equals(now.group(1))
                    && ERR_NAME.matcher(was.group(1)).matches()) {
                name = was.group(1);
                source = lines.get(h - 1).text();
            }
        }
        if (name == null || BEST_EFFORT.matcher(STRING.matcher(source).replaceAll("\"\"")).find()
                || head.kind() == DiffLine.Kind.CONTEXT && bestEffortAbove(lines, h, name)) {
            return null;
        }
        int indent = CodeText.indent(head.text());
        boolean reported = false;
        boolean heldName = false; // a new return gives a name the old return held beside the error (a sentinel)
        boolean changedNew = false;
        Set<String> oldWords = new HashSet<>();
        for (int j = h + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.text().isBlank()) {
                continue;
            }
            String t = code(l);
            if (CodeText.indent(l.text()) <= indent) {
                if (!t.startsWith("}")) {
                    return null; // the branch's end is out of sight or the old and new branches end apart
                }
                if (l.kind() == DiffLine.Kind.REMOVED) {
                    continue;
                }
                if (!reported && !heldName) {
                    return null;
                }
                return new Finding(BRANCH_RULE, "ERR-01", severity, file.path(), head.newLine(), 1,
                        head.text().strip(), "The change keeps this error branch but takes out every line that"
                                + " reported `" + name + "` (" + (changedNew ? "and ends the branch in a value that"
                                + " says nothing" : "the branch now only carries on") + "): the failure reaches"
                                + " neither the caller nor the log. Return it wrapped with context, or log it with"
                                + " the cause where the code chooses to carry on.",
                        Finding.Confidence.HIGH, null, "kb", null);
            }
            if (l.kind() == DiffLine.Kind.REMOVED) {
                if (mentions(t, name) && !t.startsWith("if ") && !t.startsWith("//")
                        && !GoErrorBranchGivesUp.QUIET.matcher(t).find()
                        && (t.startsWith("return ") || t.contains("(") || t.contains("<-"))) {
                    if (allAdded.stripped().contains(l.text().strip())) {
                        return null; // moved, not taken away
                    }
                    // a deleted return made a skip or a nil answer is GoErrorBranchGivesUp's, with its retry,
                    // comment and rollback separators; this form takes the log or hand-on deleted, and the
                    // return that keeps only the sentinel it wrapped the cause in
                    reported |= !t.startsWith("return ");
                    if (t.startsWith("return ")) {
                        for (Matcher w = WORD.matcher(t.substring("return".length())); w.find(); ) {
                            oldWords.add(w.group());
                        }
                    }
                }
                continue;
            }
            if (t.startsWith("//") || t.startsWith("/*") || t.startsWith("*")) {
                return null; // a comment in the branch: the author says where the failure goes (err42's ok-4)
            }
            if (mentions(t, name) || LOG.matcher(t).find() || REPORTS.matcher(t).find() || COUNT.matcher(t).find()) {
                return null; // the new branch still hands the error on, logs, counts (a summary line may say it)
            }
            if (t.equals("return")) {
                return null; // a bare return: a named result may carry the error out (err42's ok-1), or the change
                // ends the loop or the goroutine here (round 25's garm, CONC-07): not a value
            }
            if (t.startsWith("return ") && !quietReturn(t, oldWords)) {
                return null;
            }
            if (t.startsWith("return ") && l.kind() == DiffLine.Kind.ADDED) {
                String last = t.substring(t.lastIndexOf(t.contains(",") ? "," : "return") + (t.contains(",") ? 1 : 6))
                        .strip();
                heldName |= oldWords.contains(last) && !quietReturn("return " + last, Set.of());
            }
            if (l.kind() == DiffLine.Kind.ADDED && !t.startsWith("return") && !t.startsWith("}")
                    && !VALUE.matcher(t).matches()) {
                return null; // the new branch does something else in the report's place (a retry, an answer)
            }
            changedNew |= l.kind() == DiffLine.Kind.ADDED;
        }
        return null;
    }

    /**
     * True when every value of the new return says nothing of the failure: nil, a zero literal, or a name the old
     * return already held beside the error (the sentinel it wrapped, the partial result it returned).
     */
    private static boolean quietReturn(String t, Set<String> oldWords) {
        for (String v : t.substring("return".length()).split(",")) {
            String x = v.strip();
            if (x.equals("nil") || x.equals("false") || x.equals("0") || x.equals("\"\"") || x.equals("true")) {
                continue;
            }
            if (!x.matches("[\\w.]+") || !oldWords.contains(x)) {
                return false;
            }
        }
        return true;
    }

    /** True when the error checked at {@code h} was bound, in the lines just above, by a best-effort call. */
    private static boolean bestEffortAbove(List<DiffLine> lines, int h, String name) {
        for (int j = h - 1; j >= 0 && j >= h - 3; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            String t = STRING.matcher(l.text()).replaceAll("\"\"");
            if (mentions(t, name) && (t.contains(":=") || t.contains(" = "))) {
                return BEST_EFFORT.matcher(t).find();
            }
        }
        return false;
    }

    /** The second form: {@code return CALL} deleted, the same call discarded and {@code return nil} added. */
    private static Finding discardedReturn(SourceFile file, List<DiffLine> lines, int at, AddedLines allAdded,
                                           Severity severity) {
        DiffLine gone = lines.get(at);
        if (gone.kind() != DiffLine.Kind.REMOVED) {
            return null;
        }
        Matcher m = RETURNED_CALL.matcher(gone.text().strip());
        if (!m.matches() || m.group(1).matches(".*\\.(?:Set\\w*Deadline|CloseWrite|CloseRead)\\(.*")
                || allAdded.stripped().contains(gone.text().strip())) {
            return null;
        }
        String call = m.group(1);
        int j = at + 1;
        while (j < lines.size() && lines.get(j).kind() == DiffLine.Kind.REMOVED) {
            j++;
        }
        if (j + 1 >= lines.size() || lines.get(j).kind() != DiffLine.Kind.ADDED
                || lines.get(j + 1).kind() != DiffLine.Kind.ADDED) {
            return null;
        }
        String made = lines.get(j).text().strip();
        if (!(made.equals("_ = " + call) || made.equals(call)) || !lines.get(j + 1).text().strip().equals("return nil")) {
            return null;
        }
        return new Finding(BRANCH_RULE, "ERR-01", severity, file.path(), lines.get(j).newLine(), 1, made,
                "The change stops returning `" + call + "`'s result: the call's error is discarded and the caller is"
                        + " answered nil, so a failure of this step (a flush or a write on close) reads as success."
                        + " Return it, or log it with the cause where the step is truly best effort.",
                Finding.Confidence.HIGH, null, "kb", null);
    }
}
