package kb.review.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * own lower-case helper named so, with or without a suffix ({@code writeResponse}, round 25's go-29; {@code msg.ack(ctx)},
 * round 44's go-02; {@code if err := json.NewEncoder(w).Encode(v); err != nil { log.Printf(...) }} made bare, round
 * 24's go-08). The log line was the only trace of a reply or a message that never left. The same for a call that writes
 * state others read back ({@link #STATE_WRITE}: a result or status set in a store, a record updated; session 40),
 * unless a comment at the bare call says why it may fail. A logged check of any other
 * call (a protocol's goodbye, a lookup, a connection's setter) is the author's to drop: session 38 tried every call but errcheck's
 * exclusions and the judged look-alikes of gorec29 and goerr30 (a lookup, a helper that delivers nothing, an FTP QUIT)
 * said no.
 *
 * <p>(err45) A deleted check with an else branch whose statements the change adds back after the bare call is
 * reported under {@link #LOGGED_RULE} whatever the callee is named: the work the old code did only on success now runs
 * after a failure too ({@link SuccessWorkMoved}).
 *
 * <p>The check may also sit below the call's assignment, on the error the value carries ({@link CarriedErrorChecks}:
 * gorm's {@code tx.Error}, a command's {@code Err()}). A deleted check of a transaction's Begin is TX-02's
 * ({@link DroppedBegins}). A callee the change redeclares without an error result takes its callers' checks with it.
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
     * {@code sendJSON}, {@code publishEvent}, {@code replyError}), or named by the verb alone ({@code msg.ack(ctx)},
     * round 44's go-02; {@code c.send(frame)}): the same outcome as the exported verbs, written lower-case as a
     * package's own helper or method.
     */
    private static final Pattern OWN_OUTCOME = Pattern.compile(
            "^(?:encode|write|send|publish|produce|push|emit|deliver|reply|respond|render|flush|ack|nak|commit|save|store"
                    + "|persist|upload)(?:[A-Z]\\w*)?$");

    /**
     * The name of a call that writes state other code reads back (session 40, err40): sets a result, a status or a
     * state in a store or backend ({@code backend.SetResult(id, msg)}, {@code jobs.SetStatus(ctx, id, failed)}),
     * updates, inserts or upserts a record, records or marks an outcome, stores it, or queues work. Its failure leaves
     * the store saying something else than what happened, and a deleted log line of its check was the only trace. Not
     * the setters of a connection or a logger (deadlines, socket options, output, flags, prefix): those configure the
     * value in hand and fail only for a closed or invalid handle, which the next read or write reports.
     */
    private static final Pattern STATE_WRITE = Pattern.compile(
            "^(?:Set(?!(?:Read|Write)?Deadline|KeepAlive|NoDelay|Linger|ReadBuffer|WriteBuffer|Logger|Output|Flags"
                    + "|Prefix|Level)[A-Z]\\w*|Update\\w*|Insert\\w*|Upsert\\w*|Record\\w*|Mark\\w*|Store\\w*|Enqueue\\w*"
                    + "|(?:set|update|insert|upsert|record|mark|store|enqueue)[A-Z]\\w*)$");

    /**
     * A deleted check of a kept call: the line the call now stands on, the call, what the change took away (the
     * check's first line), and whether the check handed the error on (returned or kept it) rather than only logging.
     */
    record Drop(int line, String call, String was, boolean handsOn, boolean successMoved) {

        Drop(int line, String call, String was, boolean handsOn) {
            this(line, call, was, handsOn, false);
        }
    }

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
            "^\\s*(?:return\\s+|if\\s+(?:\\w+\\s*,\\s*)*(\\w+)\\s*:?=\\s*)([\\w.]+\\([^;]*\\))\\s*"
                    + "(?:;\\s*\\w+\\s*!=\\s*nil\\s*\\{)?\\s*$");

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
        Set<Integer> reported = new HashSet<>();
        int drops = 0;
        for (RemovedLine removed : RemovedLine.of(file)) {
            Drop drop = inPlace(removed.lines(), removed.index());
            if (drop == null) {
                drop = keptThenReturned(removed.lines(), removed.index());
            }
            if (drop == null) {
                drop = CarriedErrorChecks.find(removed.lines(), removed.index());
            }
            if (drop == null) {
                continue;
            }
            drops++;
            String call = drop.call();
            if (BEST_EFFORT.matcher(call).find() || declaredWithoutError(file, outerName(call))
                    || drop.was().startsWith("return") && GoEnclosingFunc.answersNoError(removed.lines(),
                    removed.index(), removed.hunk().section())
                    || !reported.add(drop.line())) {
                continue;
            }
            String code = file.line(drop.line()).strip();
            if (DroppedBegins.begins(call)) {
                out.add(DroppedBegins.finding(file, catalog, drop.line(), call, drop.was()));
            } else if (drop.successMoved()) {
                out.add(new Finding(LOGGED_RULE, "ERR-01", severity, file.path(), drop.line(), 1, code,
                        "The change deletes the check of `" + call + "` and runs what its else branch did only on"
                                + " success right after the bare call: a failed call is now counted, recorded or answered"
                                + " as done. Keep the check, and do the success work only when the error is nil.",
                        Finding.Confidence.HIGH, null, "kb", null));
            } else if (drop.handsOn()) {
                out.add(new Finding(RULE, "ERR-01", severity, file.path(), drop.line(), 1, code,
                        "The change turns `" + drop.was() + "` into `" + code + "`: the error of `" + call
                                + "`, handed on before, is now dropped.",
                        Finding.Confidence.HIGH, null, "kb", null));
            } else if (delivers(call) || STATE_WRITE.matcher(outerName(call)).matches()
                    && !saysBestEffort(file, drop.line())) {
                out.add(new Finding(LOGGED_RULE, "ERR-01", severity, file.path(), drop.line(), 1, code,
                        "The change deletes the check that logged the failure of `" + call + "` and keeps the call"
                                + " bare: what it delivers or writes (a reply, a message, an acknowledgement, a stored result or"
                                + " status) can now fail without a trace. Keep the check and log the failure with context (or return it).",
                        Finding.Confidence.HIGH, null, "kb", null));
            }
        }
        // a change that takes the checks off many calls at once (a revert of an errcheck sweep) says its author
        // judged those calls unable to fail; one dropped check among kept ones is the slip this rule is for
        return drops > SWEEP ? List.of() : out;
    }

    /** A check written around its call ({@code if err := c(); err != nil}) deleted, the call kept bare. */
    private static Drop inPlace(List<DiffLine> lines, int i) {
        Matcher m = HANDED_ON.matcher(lines.get(i).text());
        if (!m.find()) {
            return null;
        }
        boolean handsOn = handsOn(lines, i);
        boolean other = !handsOn && !reportsOnly(lines, i);
        String call = m.group(2).strip();
        int bare = bareCallInBlock(lines, i, call);
        if (bare == 0 || other && !SuccessWorkMoved.successRunsAfter(lines, i, bare)) {
            return null;
        }
        return new Drop(bare, call, lines.get(i).text().strip(), handsOn, other);
    }


    /**
     * (err42) The call's error kept in one name and returned by the very next statement, both deleted ({@code c.err =
     * enc.Encode(res)} then {@code return c.err}; {@code sendErr := stream.Send(m)} then {@code return sendErr}), the
     * call kept bare: the same hand-on as {@code return enc.Encode(res)}, written in two lines.
     */
    private static Drop keptThenReturned(List<DiffLine> lines, int i) {
        Matcher m = KEPT.matcher(STRING.matcher(lines.get(i).text()).replaceAll("\"\""));
        if (!m.matches() || !GoRemovedErrorHandling.ERR_NAME.matcher(m.group(2)).matches() || m.group(2).equals("e")) {
            return null;
        }
        for (int j = i + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.text().isBlank()) {
                continue;
            }
            if (l.kind() != DiffLine.Kind.REMOVED
                    || !l.text().strip().matches("return\\s+(?:.*,\\s*)?" + Pattern.quote(m.group(1)))) {
                return null;
            }
            break;
        }
        String call = m.group(3).strip();
        int bare = bareCallInBlock(lines, i, call);
        return bare == 0 ? null : new Drop(bare, call, lines.get(i).text().strip(), true);
    }

    /** One name, an error by its name or its field's ({@code err}, {@code c.err}, {@code sendErr}), given a call. */
    private static final Pattern KEPT = Pattern.compile(
            "^\\s*((?:\\w+\\.)*(\\w+))\\s*:?=\\s*([\\w.]+(?:\\([^()]*\\)\\.[\\w.]+)*\\(.*\\))\\s*$");

    /**
     * A function the change declares (on an added line of this file) with no error among its results: the change
     * took the error out of the callee, so its callers' checks go with it and nothing is dropped.
     */
    private static boolean declaredWithoutError(SourceFile file, String name) {
        Pattern declaration = Pattern.compile("^\\s*func\\s+(?:\\([^)]*\\)\\s*)?" + Pattern.quote(name) + "\\s*[(\\[]");
        for (Hunk h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.ADDED && declaration.matcher(l.text()).find()) {
                    return !l.text().contains("error");
                }
            }
        }
        return false;
    }

    /**
     * A returned call, or an error check whose block (deleted too) leaves the function: it returns the error (under
     * any name: {@code rbErr}), or cleans up and returns ({@code cs.forget(id); return fmt.Errorf(...)}), or logs and
     * returns (a ping's failure that ended the pump). The failure used to stop the work; the bare call lets it go on
     * (round 23's go-02, go-06, go-38). A block that only logs, or only panics, is not handing the error on.
     */
    static boolean handsOn(List<DiffLine> lines, int at) {
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
    static boolean reportsOnly(List<DiffLine> lines, int at) {
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
     * lower-case delivering helper ({@code writeResponse(w, r, out)}, {@code m.ack(ctx)}).
     */
    private static boolean delivers(String call) {
        String name = outerName(call);
        return OUTCOME.matcher(name).matches() || OWN_OUTCOME.matcher(name).matches();
    }

    /**
     * True when the bare call carries its author's word that its failure may go: a comment at its end or on the line
     * right above it ({@code // best effort: the next sweep sets it again}).
     */
    private static boolean saysBestEffort(SourceFile file, int line) {
        return STRING.matcher(file.line(line)).replaceAll("\"\"").contains("//")
                || line > 1 && file.line(line - 1).strip().startsWith("//");
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
