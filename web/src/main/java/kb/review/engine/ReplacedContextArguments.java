package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Go edit that keeps a call but hands it {@code context.Background()} (or {@code context.TODO()}) where the deleted
 * line handed it the caller's context: {@code ctx}, {@code r.Context()}, a request's {@code req.Context} field,
 * {@code c.Request.Context()}. TMO-02: the call no longer ends when the caller's deadline passes or the caller is
 * cancelled. The tree pass ({@code ContextDrops}) needs the function's parameters in view to know a context was at
 * hand; a diff that cuts the function's header leaves it blind, and a request type of the project's own (not
 * {@code *http.Request}) carries its context as a field it does not know. The swap itself is the evidence here: the
 * deleted line shows the context the function had. Reported at the added call.
 *
 * <p>Session 39 (conc39): the same swap in the parent of a derived context, {@code context.WithTimeout(ctx, d)} become
 * {@code context.WithTimeout(context.Background(), d)} (also {@code WithCancel}, {@code WithDeadline}, {@code WithValue}
 * and their {@code Cause} forms). Whatever the old parent was called ({@code ctx}, {@code stream.Context()} of a gRPC
 * server stream, a framework's own context type), the compiler took it as a {@code context.Context}, so the deleted
 * line proves the function had the caller's context; every call made on the derived context now outlives the caller.
 *
 * <p>Silent when the call is started by {@code go} or {@code defer}, or sits inside a {@code go func} literal
 * (detaching work from a request that may already be cancelled is often the point); when the added line or the one
 * above says why it detaches (a comment naming detach, background, outlive, shutdown or cleanup); when the function
 * waits for the old context to end before the line ({@code <-ctx.Done()}: a context derived from it would be over
 * already, the graceful-shutdown shape); and when the derived context only feeds a shutdown or release call in the
 * lines below it ({@code srv.Shutdown(stopCtx)}).
 */
final class ReplacedContextArguments {

    static final String RULE = "go-context-argument-replaced-by-background";

    /** A call with its first argument: group 1 the callee, 2 the first argument. */
    private static final Pattern CALL = Pattern.compile("([A-Za-z_][\\w.]*)\\s*\\(\\s*([^,()]+(?:\\(\\s*\\))?)\\s*[,)]");
    /** The caller's context as an argument. */
    private static final Pattern CALLER = Pattern.compile(
            "^(?:\\w+(?:\\(\\s*\\))?\\.)*(?:ctx\\w*|\\w*Ctx|Context(?:\\(\\s*\\))?)$");
    /**
     * A logging call: a logger reads its context for values (a trace id), not to stop, so a fresh one there loses no
     * deadline (set 24's goatcounter, {@code log.Errorf(context.Background(), ...)}).
     */
    private static final Pattern LOGGER = Pattern.compile("(?:^|\\.)(?:Debug|Info|Warn|Warning|Error|Fatal|Trace|"
            + "Print|Log|Panic)\\w*$|(?i)(?:^|\\.)(?:z?log|logger|slog)\\.\\w+$");
    private static final Pattern FRESH = Pattern.compile("^context\\.(?:Background|TODO)\\(\\s*\\)$");
    /** The context package's derivations: their first argument is the parent, a {@code context.Context} by type. */
    private static final Pattern DERIVE = Pattern.compile(
            "^context\\.With(?:Cancel|Timeout|Deadline|Value)(?:Cause)?$");
    /** A line that opens a goroutine's function literal. */
    private static final Pattern GO_LITERAL = Pattern.compile("^\\s*go\\s+func\\b");
    /** A call that ends or releases something: a derived context that only feeds it is a cleanup budget. */
    private static final Pattern RELEASE = Pattern.compile(
            "\\.(?:Shutdown|GracefulStop|Stop|Close|Rollback|Release|Unlock|Drain|Flush)\\w*\\s*\\(");
    private static final Pattern DETACHED = Pattern.compile("^\\s*(?:go|defer)\\s|(?i)//.*\\b(?:detach|background|"
            + "outliv|shutdown|clean ?up|after the request)");

    private ReplacedContextArguments() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.GO || file.change().hunks().isEmpty()
                || file.path().endsWith("_test.go")) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (RemovedLine r : RemovedLine.of(file)) {
            String old = r.line().text();
            if (!old.contains("ctx") && !old.contains("Ctx") && !old.contains("Context")) {
                continue;
            }
            for (Matcher was = CALL.matcher(old); was.find(); ) {
                String callee = was.group(1);
                String parent = was.group(2).strip();
                boolean derived = DERIVE.matcher(callee).matches() && !FRESH.matcher(parent).matches();
                if (!derived && (!CALLER.matcher(parent).matches() || callee.startsWith("context.")
                        || LOGGER.matcher(callee).find())) {
                    continue;
                }
                List<DiffLine> block = RemovedLine.changedBlock(r.hunk().lines(), r.index());
                for (int k = 0; k < block.size(); k++) {
                    DiffLine l = block.get(k);
                    if (l.kind() != DiffLine.Kind.ADDED || l.newLine() <= 0 || !l.text().contains("context.")
                            || DETACHED.matcher(l.text()).find()
                            || k > 0 && DETACHED.matcher(block.get(k - 1).text()).find()) {
                        continue;
                    }
                    for (Matcher now = CALL.matcher(l.text()); now.find(); ) {
                        int at = l.newLine();
                        if (now.group(1).equals(callee) && FRESH.matcher(now.group(2).strip()).matches()
                                && out.stream().noneMatch(f -> f.line() == at)
                                && !(derived && detachedHere(file, at, parent))) {
                            Severity severity = catalog.item("TMO-02").map(Catalog.Item::severity)
                                    .orElse(Severity.WARNING);
                            out.add(new Finding(RULE, "TMO-02", severity, file.path(), at, 1, file.line(at).strip(),
                                    "The change hands `" + callee + "` " + now.group(2).strip() + " where it handed "
                                            + "it `" + was.group(2).strip() + "`, the caller's context: the call no "
                                            + "longer ends when the caller's deadline passes or the caller is "
                                            + "cancelled. Pass the caller's context on.",
                                    Finding.Confidence.HIGH, null, "kb", null));
                        }
                    }
                }
            }
        }
        out.addAll(contextlessTwins(file, catalog, out));
        return out;
    }

    /** A call to the context form of a method: group 1 the receiver and name, 2 the suffix, 3 the context argument. */
    private static final Pattern CONTEXT_FORM = Pattern.compile(
            "(?<![\\w.])((?:[A-Za-z_][\\w]*(?:\\(\\s*\\))?\\.)*[A-Za-z_]\\w*?)(WithContext|Context|Ctx)\\s*\\(\\s*([^,()]+(?:\\(\\s*\\))?)\\s*,\\s*");

    /**
     * A kept call rewritten into its twin without a context (session 52, tmo52): {@code dialer.DialContext(ctx, "tcp",
     * addr)} become {@code dialer.Dial("tcp", addr)}, {@code slack.PostWebhookContext(ctx, url, m)} become
     * {@code slack.PostWebhook(url, m)}, {@code http.NewRequestWithContext(ctx, ...)} become {@code http.NewRequest(...)}.
     * The new line is the old one less the context: whatever bound the context carried (the caller's deadline, a
     * {@code WithTimeout} derived above) no longer reaches the call, which now waits on the peer without limit. TMO-01
     * when the function derives that context with a timeout or deadline in the lines the diff shows (the change takes
     * off a bound the code set), TMO-02 otherwise (the caller's context dropped). Silent when the context's derivation
     * is deleted by the change ({@link DroppedDeadlineContexts} reads that), for {@code go} and {@code defer} calls and
     * a comment that says why, and in tests. A line another rule already reports keeps that finding (the bare call's
     * {@code go-context-not-propagated} TMO-02): rounds 38 (hanko) and 115 (slog-slack) are the same edit under a
     * timeout derived two lines up and are labelled TMO-02 and TMO-01, so neither item may take the other's place.
     * Rounds 97 (connect-go) and 114 (jlaffaye/ftp), where no other rule reads the call.
     */
    private static List<Finding> contextlessTwins(SourceFile file, Catalog catalog, List<Finding> found) {
        List<Finding> out = new ArrayList<>();
        for (RemovedLine r : RemovedLine.of(file)) {
            String old = r.line().text();
            for (Matcher was = CONTEXT_FORM.matcher(old); was.find(); ) {
                String ctx = was.group(3).strip();
                if (!CALLER.matcher(ctx).matches() || DETACHED.matcher(old).find()) {
                    continue;
                }
                String twin = StrippedTimeouts.squeeze(old.substring(0, was.start()) + was.group(1) + "("
                        + old.substring(was.end()));
                List<DiffLine> block = RemovedLine.changedBlock(r.hunk().lines(), r.index());
                for (int k = 0; k < block.size(); k++) {
                    DiffLine l = block.get(k);
                    int at = l.newLine();
                    if (l.kind() != DiffLine.Kind.ADDED || at <= 0 || !StrippedTimeouts.squeeze(l.text()).equals(twin)
                            || k > 0 && DETACHED.matcher(block.get(k - 1).text()).find()
                            || Stream.concat(found.stream(), out.stream()).anyMatch(f -> f.line() == at)
                            || derivationDeleted(file, ctx)) {
                        continue;
                    }
                    boolean bounded = derivedWithBound(file, at, ctx);
                    String item = bounded ? "TMO-01" : "TMO-02";
                    Severity severity = catalog.item(item).map(Catalog.Item::severity).orElse(Severity.WARNING);
                    out.add(new Finding(RULE, item, severity, file.path(), at, 1, file.line(at).strip(),
                            "The change rewrites `" + was.group(1) + was.group(2) + "(" + ctx + ", ...)` into `"
                                    + was.group(1) + "(...)`, its form without a context: "
                                    + (bounded ? "the timeout derived into `" + ctx + "` above" : "the caller's "
                                            + "deadline and cancellation") + " no longer reach the call, which now "
                                    + "waits on the peer without limit. Keep the context form.",
                            Finding.Confidence.HIGH, null, "kb", null));
                }
            }
        }
        return out;
    }

    /** True when a deleted line of the file derives {@code ctx} ({@code ctx, cancel := context.WithTimeout(...)}). */
    private static boolean derivationDeleted(SourceFile file, String ctx) {
        Pattern derive = Pattern.compile("(?<![\\w.])" + Pattern.quote(ctx) + "\\s*(?:,\\s*\\w+\\s*)?:?=\\s*context\\.With");
        return RemovedLine.of(file).stream().anyMatch(r -> derive.matcher(r.line().text()).find());
    }

    /** True when the new side derives {@code ctx} with a timeout or deadline above line {@code at}, in its function. */
    private static boolean derivedWithBound(SourceFile file, int at, String ctx) {
        Pattern derive = Pattern.compile("(?<![\\w.])" + Pattern.quote(ctx)
                + "\\s*(?:,\\s*\\w+\\s*)?:?=\\s*context\\.With(?:Timeout|Deadline)");
        for (int i = at - 1; i >= 1 && file.known(i); i--) {
            String l = file.line(i);
            if (derive.matcher(l).find()) {
                return true;
            }
            if (l.startsWith("func ")) {
                break;
            }
        }
        return false;
    }

    /**
     * True when the derived context at line {@code at} is detached on purpose: it is made inside a {@code go func}
     * literal, after the function waited for {@code parent} to end, or only for a shutdown or release call below it.
     * Read from the new side's text, up to the head of the enclosing declaration (or the first line out of view).
     */
    private static boolean detachedHere(SourceFile file, int at, String parent) {
        if (kb.review.analysis.DetachedOnPurpose.commented(file.text().split("\n", -1), at - 1)) {
            return true; // a comment above says why the context is fresh
        }
        String p = Pattern.quote(parent);
        Pattern over = Pattern.compile("<-\\s*" + p + "\\s*\\.\\s*Done\\(\\s*\\)|(?<![\\w.])" + p
                + "\\s*\\.\\s*Err\\(\\s*\\)\\s*!=\\s*nil");
        int indent = indent(file.line(at));
        for (int i = at - 1; i >= 1 && file.known(i); i--) {
            String l = file.line(i);
            if (over.matcher(l).find()) {
                return true;
            }
            if (!l.isBlank() && indent(l) < indent && l.stripTrailing().endsWith("{")) {
                if (GO_LITERAL.matcher(l).find()) {
                    return true;
                }
                indent = indent(l);
            }
            if (l.startsWith("func ")) {
                break;
            }
        }
        Matcher held = Pattern.compile("^\\s*(\\w+)\\s*(?:,\\s*\\w+\\s*)?:?=").matcher(file.line(at));
        if (!held.find()) {
            return false;
        }
        Pattern use = Pattern.compile("(?<![\\w.])" + Pattern.quote(held.group(1)) + "(?!\\w)");
        boolean used = false;
        for (int i = at + 1; i <= Math.min(at + 8, file.lineCount()) && file.known(i); i++) {
            String l = file.line(i);
            if (use.matcher(l).find()) {
                if (!RELEASE.matcher(l).find()) {
                    return false;
                }
                used = true;
            }
        }
        return used;
    }

    /** The width of a line's leading white space, a tab counted as four columns. */
    private static int indent(String line) {
        int n = 0;
        for (int i = 0; i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t'); i++) {
            n += line.charAt(i) == '\t' ? 4 : 1;
        }
        return n;
    }
}
