package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.CodeText;
import kb.review.diff.DiffLine;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Go change that stops handing on the error of a call it keeps: {@code return s.f.Close()} or
 * {@code if err := w.Flush(); err != nil {} rewritten as the bare statement {@code s.f.Close()}. The call's result
 * was an error the function returned; the change now drops it, so a failed write-back or flush reads as success.
 * Reported at the bare call the change adds; silent when the change keeps the result ({@code err = ...},
 * {@code _ = ...}, logged), since those lines are not bare statements, for a check that only panicked, and for a
 * change that drops more than {@link #SWEEP} checks in one file.
 *
 * <p>A check that only logged, or otherwise only reported the failure (the error sent on a channel, handed to an
 * error callback, answered to the HTTP client: {@link ReportedFailures}), is reported too ({@link #LOGGED_RULE}) when
 * the call delivers the work's outcome: an encode, write, send, flush, publish, ack, nak or commit, or a package's
 * own lower-case helper named so ({@code writeResponse}, round 25's go-29; {@code m.Ack()} whose check sent the error
 * to a supervisor, go-25; {@code if err := json.NewEncoder(w).Encode(v); err != nil {
 * log.Printf(...) }} made {@code json.NewEncoder(w).Encode(v)}, round 24's go-08). The log line was the only trace of
 * a reply or a message that never left; without it the failure is invisible. A logged check of any other call (a
 * protocol's goodbye, a lookup, a setter) is the author's to drop.
 */
final class DroppedReturnedErrors {

    static final String RULE = "dropped-returned-error";

    static final String LOGGED_RULE = "dropped-logged-output-error";

    /**
     * The name of a call whose error is the outcome of delivering something: encoding or writing it, sending,
     * publishing, producing or pushing it, flushing or syncing a buffer, committing or acknowledging, uploading or
     * storing. Matched against the name of the outermost call of the line ({@code Encode} in
     * {@code json.NewEncoder(w).Encode(v)}).
     */
    private static final Pattern OUTCOME = Pattern.compile(
            "^(?:Encode\\w*|Write\\w*|Fprint\\w*|Copy\\w*|Send\\w*|Publish\\w*|Produce\\w*|Push\\w*|Emit\\w*|Deliver\\w*"
                    + "|Flush|Sync|Ack\\w*|Nak\\w*|Term(?:WithReason)?|InProgress|Commit\\w*|Reply\\w*|Respond\\w*|Upload\\w*|Store|Save\\w*"
                    + "|Persist\\w*|Put\\w*|Render|Execute(?:Template)?)$");

    /**
     * An unexported helper of the change named for delivering the reply or a message ({@code writeResponse},
     * {@code sendJSON}, {@code publishEvent}, {@code replyError}): the same outcome as the exported verbs, written
     * lower-case as a package's own helper or method.
     */
    private static final Pattern OWN_OUTCOME = Pattern.compile(
            "^(?:encode|write|send|publish|produce|push|emit|deliver|reply|respond|render|flush|ack|commit)[A-Z]\\w*$");

    /** A Go string literal (interpreted or raw on one line), blanked before a line's statements are read. */
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`");

    /** A statement of a logged check's block that does more than log: it leaves, answers, records or retries. */
    private static final Pattern ACTS = Pattern.compile(
            "\\b(?:return|break|continue|goto|panic|os\\.Exit|Fatal\\w*)\\b|[\\w\\]]\\s*(?::=|=|\\+=|\\+\\+|--)");

    /**
     * A returned call, or the call an error check runs, also one whose other results go to names or to '_' before the
     * error ({@code if _, err := c.text.Cmd("QUIT"); err != nil}). Group 1 is the call.
     */
    private static final Pattern HANDED_ON = Pattern.compile(
            "^\\s*(?:return\\s+|if\\s+(?:\\w+\\s*,\\s*)*\\w+\\s*:?=\\s*)([\\w.]+\\([^;]*\\))\\s*(?:;\\s*\\w+\\s*!=\\s*nil\\s*\\{)?\\s*$");

    /**
     * Calls whose error ERR-01 counts as best effort (the rejects of go-error-assigned-to-blank): a deadline setter,
     * whose failure the guarded read or write reports; a half close or a close with an error; a file removed on the
     * way out. Dropping their check is not losing a failure.
     */
    private static final Pattern BEST_EFFORT = Pattern.compile(
            "\\.Set(?:Read|Write)?Deadline\\s*\\(|\\.(?:CloseWithError|CloseRead|CloseWrite)\\s*\\(|\\bos\\.Remove(?:All)?\\s*\\(");

    private DroppedReturnedErrors() {
    }

    /** More drops than this in one file are a sweep (a lint's checks reverted), decided for every call at once. */
    private static final int SWEEP = 2;

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.GO) {
            return List.of();
        }
        Severity severity = catalog.item("ERR-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        int drops = 0;
        for (RemovedLine removed : RemovedLine.of(file)) {
            List<DiffLine> lines = removed.lines();
            int i = removed.index();
            Matcher m = HANDED_ON.matcher(lines.get(i).text());
            if (!m.find()) {
                continue;
            }
            boolean handsOn = handsOn(lines, i);
            if (!handsOn && !reportsOnly(lines, i)) {
                continue;
            }
            String call = m.group(1).strip();
            int bare = bareCallInBlock(lines, i, call);
            drops += bare > 0 ? 1 : 0;
            if (bare == 0 || BEST_EFFORT.matcher(call).find()) {
                continue;
            }
            if (handsOn) {
                out.add(new Finding(RULE, "ERR-01", severity, file.path(), bare, 1, file.line(bare).strip(),
                        "The change turns `" + lines.get(i).text().strip() + "` into the bare call `" + call
                                + "`: its error, handed on before, is now dropped.",
                        Finding.Confidence.HIGH, null, "kb", null));
            } else if (delivers(call)) {
                out.add(new Finding(LOGGED_RULE, "ERR-01", severity, file.path(), bare, 1, file.line(bare).strip(),
                        "The change deletes the check that logged the failure of `" + call + "` and keeps the call"
                                + " bare: what it delivers (a reply, a message, a write) can now fail without a trace."
                                + " Keep the check and log the failure with context (or return it).",
                        Finding.Confidence.HIGH, null, "kb", null));
            }
        }
        // a change that takes the checks off many calls at once (a revert of an errcheck sweep) says its author
        // judged those calls unable to fail; one dropped check among kept ones is the slip this rule is for
        return drops > SWEEP ? List.of() : out;
    }

    /**
     * A returned call, or an error check whose block (deleted too) leaves the function: it returns the error (under
     * any name: {@code rbErr}), or cleans up and returns ({@code cs.forget(id); return fmt.Errorf(...)}), or logs and
     * returns (a ping's failure that ended the pump). The failure used to stop the work; the bare call lets it go on
     * (round 23's go-02, go-06, go-38). A block that only logs, or only panics, is not handing the error on.
     */
    private static boolean handsOn(List<DiffLine> lines, int at) {
        if (lines.get(at).text().strip().startsWith("return")) {
            return true;
        }
        int indent = CodeText.indent(lines.get(at).text());
        for (int j = at + 1; j < lines.size() && j <= at + 8; j++) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED) {
                return false; // the block is not deleted whole
            }
            String t = l.text().strip();
            if (t.startsWith("}") && CodeText.indent(l.text()) <= indent) {
                return false; // the block ended without leaving
            }
            if (RETURNS.matcher(l.text()).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * An error check whose block (deleted too, up to its closing brace) only reports the failure ({@link
     * ReportedFailures}: a log line, the error sent on a channel, an error callback, an error answer to the HTTP
     * client): no return, no assignment, no retry. The failure was recorded and nothing else.
     */
    private static boolean reportsOnly(List<DiffLine> lines, int at) {
        int indent = CodeText.indent(lines.get(at).text());
        boolean reported = false;
        for (int j = at + 1; j < lines.size() && j <= at + 8; j++) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED) {
                return false;
            }
            String t = l.text().strip();
            if (t.startsWith("}") && CodeText.indent(l.text()) <= indent) {
                return reported && t.equals("}");
            }
            if (!ReportedFailures.answers(t) && ACTS.matcher(STRING.matcher(t).replaceAll("\"\"")).find()) {
                return false;
            }
            reported |= ReportedFailures.reports(t);
        }
        return false;
    }

    /**
     * A call whose error is the outcome of delivering something: an exported delivering verb, or a package's own
     * lower-case delivering helper ({@code writeResponse(w, r, out)}).
     */
    private static boolean delivers(String call) {
        String name = outerName(call);
        return OUTCOME.matcher(name).matches() || OWN_OUTCOME.matcher(name).matches();
    }

    /** The name of the outermost call of {@code call}: {@code Encode} for {@code json.NewEncoder(w).Encode(v)}. */
    static String outerName(String call) {
        int depth = 0;
        for (int k = call.length() - 1; k >= 0; k--) {
            char c = call.charAt(k);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                int end = k;
                int start = end;
                while (start > 0 && Character.isJavaIdentifierPart(call.charAt(start - 1))) {
                    start--;
                }
                return call.substring(start, end);
            }
        }
        return "";
    }

    /** A return statement (the error's check left the function). */
    private static final Pattern RETURNS = Pattern.compile("^\\s*return\\b");

    /** The new line of the same call as a bare statement among the added lines of the block around {@code at}. */
    private static int bareCallInBlock(List<DiffLine> lines, int at, String call) {
        for (DiffLine l : RemovedLine.changedBlock(lines, at)) {
            if (l.kind() == DiffLine.Kind.ADDED && l.text().strip().equals(call)) {
                return l.newLine();
            }
        }
        return 0;
    }
}
