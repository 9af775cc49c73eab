package kb.review.engine;

import static kb.review.engine.GoRemovedErrorHandling.ERR_NAME;
import static kb.review.engine.GoRemovedErrorHandling.NIL_CHECK;
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
 * (session 53, err53) ERR-01, Go and Java: an edit that keeps the path a failure takes and makes what travels on it
 * say "success" or say nothing. Read from the two sides of one change block, so the old line is the evidence that the
 * failure used to reach the caller, the client or the broker. Four forms the earlier readers did not take:
 * <ul>
 * <li>{@link #NIL_RULE}: a hand-on kept with its error replaced by {@code nil}/{@code null}: {@code errc <- err} made
 * {@code errc <- nil}, {@code cb(nil, err)} made {@code cb(nil, nil)}, {@code listener.onDone(ex)} made
 * {@code listener.onDone(null)} (the statement is otherwise identical; returns stay the branch readers').</li>
 * <li>{@link #NIL_RULE}, Java: a failing completion replaced by a success completion of the same receiver
 * ({@code result.completeExceptionally(f.cause())} made {@code result.complete(null)}, {@code observer.onError(e)}
 * made {@code observer.onCompleted()}, {@code promise.tryFailure(t)} made {@code promise.trySuccess(null)}), in any
 * branch (an {@code else} of {@code isSuccess()}, a callback's {@code if (t != null)}), the tables {@link #FAILS}
 * and {@link #SUCCEEDS}.</li>
 * <li>{@link #STATUS_RULE}: in a failure branch (Go {@code if err != nil {}, a Java catch or {@code if (t != null)}),
 * the failure's answer replaced by the success answer: an HTTP 4xx/5xx status or {@code http.Error} made
 * {@code w.WriteHeader(http.StatusOK)}, a gRPC error code made {@code codes.OK}, a negative acknowledgement
 * ({@code Nack}, {@code Nak}, {@code basicNack}, {@code basicReject}) made an acknowledgement; and, in Go, an
 * {@code if err != nil {} written new whose branch answers success without naming or logging the error. The two
 * tables {@link #FAILURE_ANSWER} and {@link #SUCCESS_ANSWER} are the vocabulary (net/http, gRPC, Servlet, Spring,
 * JAX-RS, AMQP, NATS, Pub/Sub).</li>
 * <li>{@link #RECEIVE_RULE}: a received error left unbound: {@code case err := <-errs:} made {@code case <-errs:},
 * {@code if err := <-done; err != nil {} made {@code <-done}: the failure is taken off the channel and dropped.</li>
 * <li>{@link #TEXT_RULE}: a returned cause made text: a return that carried the error value (bare or with
 * {@code %w}) rewritten so the error only survives as {@code err.Error()} ({@code errors.New(err.Error())},
 * {@code errors.New("read: " + err.Error())}, {@code fmt.Errorf("read: %s", err.Error())}) or with {@code %w} turned into {@code %v}/{@code %s} and nothing else changed:
 * {@code errors.Is}/{@code errors.As} on the cause stop matching (LOW when only the verb changes).</li>
 * </ul>
 * Not reported: a line re-added elsewhere in the diff (moved); a new side that still answers a failure (any failure
 * status left among the added lines: the text changed, not the answer); a success answer in a branch that is not a
 * failure branch; a new Go branch that logs, names the error or holds a comment (the author says why); a receive
 * whose new case logs or returns a constructed error (a mapping); a cause made text in a message that also wraps
 * another error with {@code %w}; tests (the reviewer does not read them).
 */
final class FailuresMadeSuccess {

    static final String NIL_RULE = "error-handed-on-as-nil";

    static final String STATUS_RULE = "failure-answered-as-success";

    static final String RECEIVE_RULE = "go-received-error-unbound";

    static final String TEXT_RULE = "go-error-cause-made-text";

    /** The answers that tell a caller, a client or a broker that the work failed. */
    static final Pattern FAILURE_ANSWER = Pattern.compile(
            "\\bhttp\\.Error\\s*\\(|\\bhttp\\.Status(?:BadRequest|Unauthorized|Forbidden|NotFound|MethodNotAllowed"
                    + "|Conflict|Gone|PreconditionFailed|RequestEntityTooLarge|UnprocessableEntity|FailedDependency"
                    + "|TooManyRequests|RequestTimeout|InternalServerError|NotImplemented|BadGateway"
                    + "|ServiceUnavailable|GatewayTimeout|InsufficientStorage)\\b"
                    + "|\\b(?:WriteHeader|Status|status|setStatus|sendError|SendStatus|AbortWithStatus\\w*|JSON)\\s*\\(\\s*[45]\\d\\d\\b"
                    + "|\\bcodes\\.(?:Canceled|Unknown|InvalidArgument|DeadlineExceeded|NotFound|AlreadyExists"
                    + "|PermissionDenied|ResourceExhausted|FailedPrecondition|Aborted|OutOfRange|Unimplemented"
                    + "|Internal|Unavailable|DataLoss|Unauthenticated)\\b"
                    + "|\\b(?:HttpStatus|Status|HttpResponseStatus|Response\\.Status)\\.(?:BAD_REQUEST|UNAUTHORIZED"
                    + "|FORBIDDEN|NOT_FOUND|CONFLICT|UNPROCESSABLE_ENTITY|TOO_MANY_REQUESTS|INTERNAL_SERVER_ERROR"
                    + "|BAD_GATEWAY|SERVICE_UNAVAILABLE|GATEWAY_TIMEOUT|INTERNAL|UNAVAILABLE|UNKNOWN|ABORTED"
                    + "|DEADLINE_EXCEEDED|UNAUTHENTICATED|PERMISSION_DENIED|FAILED_PRECONDITION|RESOURCE_EXHAUSTED"
                    + "|DATA_LOSS|INVALID_ARGUMENT)\\b"
                    + "|\\bSC_(?:BAD_REQUEST|UNAUTHORIZED|FORBIDDEN|NOT_FOUND|CONFLICT|INTERNAL_SERVER_ERROR"
                    + "|BAD_GATEWAY|SERVICE_UNAVAILABLE|GATEWAY_TIMEOUT)\\b|\\bsendError\\s*\\("
                    + "|\\bResponseEntity\\s*\\.\\s*(?:badRequest|internalServerError|unprocessableEntity|notFound)\\s*\\("
                    + "|\\bResponse\\s*\\.\\s*serverError\\s*\\("
                    + "|\\.\\s*(?:Nack|Nak|NakWithDelay|Term|Reject|basicNack|basicReject|nack|nak|reject)\\s*\\(");

    /** The answers that tell them it succeeded. */
    static final Pattern SUCCESS_ANSWER = Pattern.compile(
            "\\bhttp\\.Status(?:OK|Created|Accepted|NoContent)\\b"
                    + "|\\b(?:WriteHeader|Status|status|setStatus|SendStatus|JSON)\\s*\\(\\s*20[0-4]\\b|\\bcodes\\.OK\\b"
                    + "|\\b(?:HttpStatus|Status|HttpResponseStatus|Response\\.Status)\\.(?:OK|CREATED|ACCEPTED|NO_CONTENT)\\b"
                    + "|\\bSC_(?:OK|CREATED|ACCEPTED|NO_CONTENT)\\b"
                    + "|\\b(?:ResponseEntity|Response)\\s*\\.\\s*(?:ok|accepted|noContent)\\s*\\("
                    + "|\\.\\s*(?:Ack|AckSync|ack|basicAck|acknowledge|Acknowledge)\\s*\\("
                    + "|\\b(?:Code|Status)_?OK\\b|\\b\\w+Response_OK\\b");

    /**
     * A completion that fails the receiver's waiters, with the name of the call that answers them success instead
     * (CompletableFuture, Netty/Vert.x promises, Guava's SettableFuture, gRPC's StreamObserver, RxJava emitters,
     * Reactor sinks): group 1 the receiver, group 2 the failing call.
     */
    private static final Pattern FAILS = Pattern.compile(
            "^(?:return\\s+)?([\\w.]+)\\s*\\.\\s*(completeExceptionally|tryFailure|setFailure|fail|setException|onError"
                    + "|error|tryEmitError|emitError|reject)\\s*\\(");

    /** The success completions of {@link #FAILS}' receivers. */
    private static final Pattern SUCCEEDS = Pattern.compile(
            "^(?:return\\s+)?([\\w.]+)\\s*\\.\\s*(?:complete|tryComplete|trySuccess|setSuccess|succeed|set|onCompleted|onComplete"
                    + "|onNext|onSuccess|success|next|tryEmitValue|tryEmitEmpty|tryEmitComplete|emitValue|emitComplete"
                    + "|resolve)\\s*\\(");

    /** A Java failure branch: a catch, or a test that a callback's throwable is set. */
    private static final Pattern JAVA_FAILURE_HEADER = Pattern.compile(
            "^\\s*(?:\\}\\s*)?catch\\s*\\(|^\\s*(?:\\}\\s*else\\s+)?if\\s*\\(\\s*(?:t|e|ex|exc|err|error|cause|failure"
                    + "|throwable|exception|th)\\s*!=\\s*null\\s*\\)\\s*\\{");

    /** A Java name that holds a failure: a catch parameter or a callback's throwable. */
    private static final Pattern JAVA_ERR_NAME = Pattern.compile(
            "^(?:t|e|ex|exc|err|error|cause|failure|throwable|exception|th|\\w+(?:Exception|Error|Failure|Cause|Ex))$");

    /** An identifier, not a member ({@code err}, not {@code x.err}). */
    private static final Pattern IDENT = Pattern.compile("(?<![\\w.$])[A-Za-z_$][\\w$]*");

    /** A received error bound in a select case: {@code case err := <-errs:}; group 1 the name, group 2 the channel. */
    private static final Pattern BOUND_CASE = Pattern.compile("^case\\s+(\\w+)\\s*:?=\\s*<-\\s*([\\w.()\\[\\]]+)\\s*:$");

    /** A received error bound in a statement: {@code err := <-done}, {@code if err := <-done; err != nil {}. */
    private static final Pattern BOUND_RECEIVE = Pattern.compile(
            "^(?:if\\s+)?(\\w+)\\s*:?=\\s*<-\\s*([\\w.()\\[\\]]+)\\s*(?:;\\s*\\1\\s*!=\\s*nil\\s*\\{)?$");

    /** A receive that keeps nothing: {@code case <-errs:} or {@code <-done}. */
    private static final Pattern BARE_RECEIVE = Pattern.compile("^(?:case\\s+)?<-\\s*([\\w.()\\[\\]]+)\\s*:?$");

    /**
     * An error made from another error's text: {@code errors.New(err.Error())}, {@code errors.New("x: " + err.Error())},
     * {@code fmt.Errorf("x: %s", err.Error())} (group 1 the name). A gRPC {@code status.Error(code, err.Error())} is a
     * mapping to the wire's status, not this.
     */
    private static final Pattern REMADE = Pattern.compile(
            "\\b(?:errors\\.New|fmt\\.Errorf)\\s*\\((?:[^()]|\\([^()]*\\))*?(?<![\\w.])(\\w+)\\.Error\\(\\)");

    private FailuresMadeSuccess() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        boolean go = file.language() == Language.GO;
        if (!go && file.language() != Language.JAVA || file.path().endsWith("_test.go")) {
            return List.of();
        }
        Severity severity = catalog.item("ERR-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            int i = 0;
            while (i < lines.size()) {
                if (lines.get(i).kind() == DiffLine.Kind.CONTEXT) {
                    i++;
                    continue;
                }
                int start = i;
                List<DiffLine> removed = new ArrayList<>();
                List<DiffLine> added = new ArrayList<>();
                for (; i < lines.size() && lines.get(i).kind() != DiffLine.Kind.CONTEXT; i++) {
                    (lines.get(i).kind() == DiffLine.Kind.REMOVED ? removed : added).add(lines.get(i));
                }
                List<Finding> found = new ArrayList<>();
                if (go && !added.isEmpty()) {
                    // an error branch the change writes (also in place of an unchecked call: round 115's shape)
                    found.addAll(newSuccessBranches(file, removed, added, severity));
                }
                if (!removed.isEmpty() && !added.isEmpty()) {
                    found.addAll(nilHandOns(file, removed, added, go, allAdded, severity));
                    found.addAll(statusFlips(file, lines, start, removed, added, go, allAdded, severity));
                    if (!go) {
                        found.addAll(completionFlips(file, removed, added, allAdded, severity));
                    }
                    if (go) {
                        found.addAll(unboundReceives(file, lines, i, removed, added, allAdded, severity));
                        found.addAll(causesMadeText(file, removed, added, allAdded, severity));
                    }
                } else if (go && removed.isEmpty()) {
                    found.addAll(newUnboundReceives(file, lines, added, severity));
                }
                for (Finding f : found) {
                    if (out.stream().noneMatch(o -> o.line() == f.line())) {
                        out.add(f);
                    }
                }
            }
        }
        return out;
    }

    /** The same statement, its error argument replaced by nil (Go) or null (Java). */
    private static List<Finding> nilHandOns(SourceFile file, List<DiffLine> removed, List<DiffLine> added, boolean go,
                                            AddedLines allAdded, Severity severity) {
        List<Finding> out = new ArrayList<>();
        String none = go ? "nil" : "null";
        for (DiffLine r : removed) {
            String old = r.text().strip();
            if (old.startsWith("return") || old.startsWith("//") || !old.contains("(") && !old.contains("<-")
                    || isLog(old, go) || allAdded.stripped().contains(old)) {
                continue;
            }
            for (String name : errorNames(old, go)) {
                String replaced = replaceWord(old, name, none);
                for (DiffLine a : added) {
                    if (a.text().strip().equals(replaced)) {
                        out.add(finding(NIL_RULE, file, a, severity, Finding.Confidence.HIGH,
                                "The change keeps `" + old + "` but hands on `" + none + "` in place of `" + name
                                        + "`: whoever waits on it (a channel's reader, a callback, a listener) is told"
                                        + " the work succeeded while it failed. Hand the error on.",
                                allAdded));
                    }
                }
            }
        }
        return out;
    }

    /** A failure's answer replaced by the success answer in a failure branch. */
    private static List<Finding> statusFlips(SourceFile file, List<DiffLine> lines, int start, List<DiffLine> removed,
                                             List<DiffLine> added, boolean go, AddedLines allAdded, Severity severity) {
        DiffLine fail = removed.stream().filter(r -> FAILURE_ANSWER.matcher(r.text()).find()
                && !allAdded.stripped().contains(r.text().strip())).findFirst().orElse(null);
        DiffLine ok = added.stream().filter(a -> SUCCESS_ANSWER.matcher(a.text()).find()).findFirst().orElse(null);
        if (fail == null || ok == null || added.stream().anyMatch(a -> FAILURE_ANSWER.matcher(a.text()).find()
                || a.text().strip().startsWith("//") || isLog(a.text().strip(), go))) {
            return List.of();
        }
        String header = header(lines, start, CodeText.indent(fail.text()));
        if (header == null || !failureHeader(header, go)) {
            return List.of();
        }
        // the failure handed to a call among the added lines (recorded in a dead-letter store, passed to a reporter):
        // it goes somewhere before the success answer (Err39ClassesTest's ok-4)
        for (String name : failureNames(header, go)) {
            if (added.stream().anyMatch(a -> mentions(a.text(), name))) {
                return List.of();
            }
        }
        return List.of(finding(STATUS_RULE, file, ok, severity, Finding.Confidence.HIGH,
                "In this failure branch the change replaces `" + fail.text().strip() + "` with `"
                        + ok.text().strip() + "`: the client or the broker is told the work succeeded (and will not"
                        + " retry or report it) while it failed. Keep answering the failure.", allAdded));
    }

    /** A failing completion of a future, promise or observer replaced by a success completion of the same one. */
    private static List<Finding> completionFlips(SourceFile file, List<DiffLine> removed, List<DiffLine> added,
                                                 AddedLines allAdded, Severity severity) {
        for (DiffLine r : removed) {
            Matcher f = FAILS.matcher(r.text().strip());
            if (!f.find() || isLog(r.text().strip(), false) || allAdded.stripped().contains(r.text().strip())) {
                continue;
            }
            String receiver = f.group(1);
            if (added.stream().anyMatch(a -> {
                Matcher again = FAILS.matcher(a.text().strip());
                return again.find() && again.group(1).equals(receiver) || a.text().strip().startsWith("throw ")
                        || a.text().strip().startsWith("//") || isLog(a.text().strip(), false);
            })) {
                continue; // still failed, rethrown, or said out loud
            }
            if (allAdded.all().stream().anyMatch(a -> {
                Matcher elsewhere = FAILS.matcher(a.strip());
                return elsewhere.find() && elsewhere.group(1).equals(receiver);
            })) {
                continue; // failed in another branch the change writes (a callback made a whenComplete: qpid's
                          // onFailure/onSuccess pair rewritten as if/else, aligned by the diff across the two)
            }
            for (DiffLine a : added) {
                Matcher ok = SUCCEEDS.matcher(a.text().strip());
                if (ok.find() && ok.group(1).equals(receiver)) {
                    return List.of(finding(NIL_RULE, file, a, severity, Finding.Confidence.HIGH,
                            "The change replaces `" + r.text().strip() + "` with `" + a.text().strip() + "`: `"
                                    + receiver + "` now completes normally where it failed, so everything chained on"
                                    + " it goes on as if the work had succeeded and nothing says it did not. Complete"
                                    + " it exceptionally with the cause.", allAdded));
                }
            }
        }
        return List.of();
    }

    /** A Go {@code if err != nil {} written new whose branch answers success with no word of the error. */
    private static List<Finding> newSuccessBranches(SourceFile file, List<DiffLine> removed, List<DiffLine> added,
                                                    Severity severity) {
        List<Finding> out = new ArrayList<>();
        for (int k = 0; k < added.size(); k++) {
            Matcher m = NIL_CHECK.matcher(added.get(k).text());
            String header = added.get(k).text().strip();
            if (!m.find() || !ERR_NAME.matcher(m.group(1)).matches()
                    || removed.stream().anyMatch(r -> r.text().strip().equals(header))) {
                continue; // not an error check, or one the old code had (the status readers take a rewritten branch)
            }
            String name = m.group(1);
            int indent = CodeText.indent(added.get(k).text());
            DiffLine ok = null;
            boolean quiet = true;
            int j = k + 1;
            for (; j < added.size(); j++) {
                String t = added.get(j).text().strip();
                if (t.isEmpty()) {
                    continue;
                }
                if (t.startsWith("}") && CodeText.indent(added.get(j).text()) <= indent) {
                    break;
                }
                boolean debug = isLog(t, true) && GoErrorBranchGivesUp.QUIET.matcher(t).find();
                if (!debug && (t.startsWith("//") || mentions(t, name) || isLog(t, true))
                        || FAILURE_ANSWER.matcher(t).find()) {
                    quiet = false; // a debug line says nothing production keeps
                }
                if (ok == null && SUCCESS_ANSWER.matcher(t).find() && (!t.startsWith("return") || t.endsWith(", nil"))) {
                    ok = added.get(j);
                }
            }
            if (ok != null && quiet && j < added.size() && j - k <= 4) {
                out.add(new Finding(STATUS_RULE, "ERR-01", severity, file.path(), ok.newLine(), 1, ok.text().strip(),
                        "This new error branch answers `" + ok.text().strip() + "` and says nothing of `" + name
                                + "`: the client or the broker is told the work succeeded while it failed, and no"
                                + " log line or metric shows it. Answer the failure (or log it with its cause and"
                                + " say in a comment why success is the answer).",
                        Finding.Confidence.HIGH, null, "kb", null));
            }
        }
        return out;
    }

    /** The last name of a channel of errors: {@code errs}, {@code errc}, {@code w.errCh}, {@code errorChan}. */
    private static final Pattern ERROR_CHANNEL = Pattern.compile("(?:^|\\.)(?:err|error)(?:s|c|ch|chan|ors)?$",
            Pattern.CASE_INSENSITIVE);

    /**
     * A select case written new that takes a value off a channel of errors and keeps nothing ({@code case <-errs:})
     * while its statements neither log nor return an error: the failure the sender reported is dropped.
     */
    private static List<Finding> newUnboundReceives(SourceFile file, List<DiffLine> lines, List<DiffLine> added,
                                                    Severity severity) {
        List<Finding> out = new ArrayList<>();
        for (DiffLine a : added) {
            Matcher b = BARE_RECEIVE.matcher(a.text().strip());
            if (!b.matches() || !a.text().strip().startsWith("case") || !ERROR_CHANNEL.matcher(b.group(1)).find()) {
                continue;
            }
            boolean mapped = false;
            int indent = CodeText.indent(a.text());
            int at = lines.indexOf(a);
            for (int j = at + 1; j < lines.size() && j < at + 8; j++) {
                DiffLine l = lines.get(j);
                String t = l.text().strip();
                if (l.kind() == DiffLine.Kind.REMOVED || t.isEmpty()) {
                    continue;
                }
                if (CodeText.indent(l.text()) <= indent && (t.startsWith("case") || t.startsWith("default")
                        || t.startsWith("}"))) {
                    break;
                }
                mapped |= l.kind() != DiffLine.Kind.ADDED || isLog(t, true) || t.startsWith("//")
                        || t.contains("Errorf(") || t.contains("errors.New(") || t.contains("panic(")
                        || t.matches("return\\s+.*\\b(?:Err\\w*|err\\w*)\\b.*") || !t.startsWith("return")
                        && !t.equals("break") && !t.equals("continue");
            }
            if (!mapped) {
                out.add(new Finding(RECEIVE_RULE, "ERR-01", severity, file.path(), a.newLine(), 1, a.text().strip(),
                        "This case takes a value off `" + b.group(1) + "`, a channel of errors, and keeps nothing: the"
                                + " failure its sender reported is dropped without a word, and the loop or the"
                                + " caller goes on as if the stream had simply ended. Bind the error and hand it on"
                                + " (return it, or log it with its cause).",
                        Finding.Confidence.HIGH, null, "kb", null));
            }
        }
        return out;
    }

    /** A received error left unbound: {@code case err := <-errs:} made {@code case <-errs:}. */
    private static List<Finding> unboundReceives(SourceFile file, List<DiffLine> lines, int after,
                                                 List<DiffLine> removed, List<DiffLine> added, AddedLines allAdded,
                                                 Severity severity) {
        List<Finding> out = new ArrayList<>();
        for (DiffLine r : removed) {
            String old = r.text().strip();
            Matcher m = BOUND_CASE.matcher(old);
            if (!m.matches()) {
                m = BOUND_RECEIVE.matcher(old);
                if (!m.matches()) {
                    continue;
                }
            }
            String name = m.group(1);
            String channel = m.group(2);
            if (!ERR_NAME.matcher(name).matches() || name.equals("e") || allAdded.stripped().contains(old)) {
                continue;
            }
            for (DiffLine a : added) {
                Matcher b = BARE_RECEIVE.matcher(a.text().strip());
                if (!b.matches() || !b.group(1).equals(channel)
                        || old.startsWith("case") != a.text().strip().startsWith("case")) {
                    continue;
                }
                // the new case's statements (added or kept, up to the next case): a log or a constructed error maps
                // the failure on, a deliberate choice
                boolean mapped = false;
                int indent = CodeText.indent(a.text());
                for (int j = lines.indexOf(a) + 1; j < lines.size() && j < lines.indexOf(a) + 8; j++) {
                    DiffLine l = lines.get(j);
                    String t = l.text().strip();
                    if (l.kind() == DiffLine.Kind.REMOVED || t.isEmpty()) {
                        continue;
                    }
                    if (CodeText.indent(l.text()) <= indent && (t.startsWith("case") || t.startsWith("default")
                            || t.startsWith("}"))) {
                        break;
                    }
                    mapped |= isLog(t, true) || t.startsWith("//") || t.contains("Errorf(") || t.contains("errors.New(")
                            || t.contains("panic(") || t.matches("return\\s+.*\\bErr\\w*.*");
                }
                if (!mapped) {
                    out.add(finding(RECEIVE_RULE, file, a, severity, Finding.Confidence.HIGH,
                            "The change turns `" + old + "` into `" + a.text().strip() + "`: the error is taken off `"
                                    + channel + "` and dropped, so a failure of the work that sent it goes nowhere."
                                    + " Keep the value and hand it on (return it, log it with its cause).",
                            allAdded));
                }
            }
        }
        return out;
    }

    /** A return that carried the error value rewritten to carry only its text. */
    private static List<Finding> causesMadeText(SourceFile file, List<DiffLine> removed, List<DiffLine> added,
                                                AddedLines allAdded, Severity severity) {
        List<Finding> out = new ArrayList<>();
        for (DiffLine r : removed) {
            String old = r.text().strip();
            if (!old.startsWith("return ") || allAdded.stripped().contains(old)) {
                continue;
            }
            for (String name : errorNames(old, true)) {
                if (!carriesValue(old, name)) {
                    continue;
                }
                for (DiffLine a : added) {
                    String now = a.text().strip();
                    if (!now.startsWith("return ")) {
                        continue;
                    }
                    Matcher remade = REMADE.matcher(now);
                    boolean text = remade.find() && remade.group(1).equals(name) && !now.contains("%w");
                    // (a %w made %v or %s alone is not reported: round 37's clean pganalyze case makes it on
                    // purpose, a boundary that stops exposing the driver's error type)
                    boolean verb = false;
                    if (text || verb) {
                        out.add(finding(TEXT_RULE, file, a, severity,
                                text ? Finding.Confidence.HIGH : Finding.Confidence.LOW,
                                "The change rewrites `" + old + "` as `" + now + "`: the returned error keeps `" + name
                                        + "` only as text, so errors.Is/errors.As on the cause (a timeout, a not-found,"
                                        + " a context cancellation) stop matching and callers' retry or mapping"
                                        + " logic takes the wrong branch. Wrap it with `%w`.", allAdded));
                    }
                }
            }
        }
        return out;
    }

    /** True when {@code ret} returns {@code name} itself or wraps it with {@code %w} (not only its text). */
    private static boolean carriesValue(String ret, String name) {
        if (ret.contains(name + ".Error()")) {
            return false;
        }
        return ret.matches("return\\s+(?:.*,\\s*)?" + Pattern.quote(name) + "$") || ret.contains("%w");
    }

    /** The nearest line above {@code start} that is not removed and has a smaller indent, or null. */
    private static String header(List<DiffLine> lines, int start, int indent) {
        for (int j = start - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            if (CodeText.indent(l.text()) < indent) {
                return l.text();
            }
        }
        return null;
    }

    /** The error names a failure header binds or tests ({@code err}, a catch's {@code e}, a callback's {@code t}). */
    private static List<String> failureNames(String header, boolean go) {
        List<String> out = new ArrayList<>();
        Matcher m = go ? NIL_CHECK.matcher(header) : JavaRemovedErrorHandling.CATCH.matcher(header);
        if (m.find()) {
            out.add(go ? m.group(1) : m.group(2));
        }
        Matcher t = Pattern.compile("(\\w+)\\s*(?:!=\\s*null|:?=\\s*<-)").matcher(header);
        while (t.find()) {
            out.add(t.group(1));
        }
        return out;
    }

    private static boolean failureHeader(String header, boolean go) {
        if (go) {
            Matcher m = NIL_CHECK.matcher(header);
            return m.find() && ERR_NAME.matcher(m.group(1)).matches()
                    || header.strip().matches("case\\s+\\w*[eE]rr\\w*\\s*:?=\\s*<-.*:");
        }
        return JAVA_FAILURE_HEADER.matcher(header).find();
    }

    /** The names in {@code t} that hold an error (Go: err, rerr, sendErr; Java: e, ex, t, cause, ioException). */
    private static List<String> errorNames(String t, boolean go) {
        List<String> out = new ArrayList<>();
        String code = GoRemovedErrorHandling.STRING.matcher(t).replaceAll("\"\"");
        for (Matcher m = IDENT.matcher(code); m.find(); ) {
            String w = m.group();
            // a value, not a package or a receiver (`errors.New`, `err.Error()`), and not Go's `error` type
            boolean value = m.end() == code.length() || code.charAt(m.end()) != '.' && code.charAt(m.end()) != '(';
            if (value && (go ? ERR_NAME : JAVA_ERR_NAME).matcher(w).matches() && !out.contains(w)
                    && !(go && (w.equals("e") || w.equals("error") || w.equals("errors")))) {
                out.add(w);
            }
        }
        return out;
    }

    private static String replaceWord(String t, String name, String with) {
        return t.replaceAll("(?<![\\w.$])" + Pattern.quote(name) + "(?![\\w$])", with);
    }

    private static boolean isLog(String t, boolean go) {
        return go ? GoRemovedErrorHandling.LOG.matcher(t).find() : JavaRemovedErrorHandling.LOG.matcher(t).find();
    }

    private static Finding finding(String rule, SourceFile file, DiffLine at, Severity severity,
                                   Finding.Confidence confidence, String message, AddedLines allAdded) {
        return new Finding(rule, "ERR-01", severity, file.path(), at.newLine(), 1, at.text().strip(), message,
                confidence, null, "kb", null);
    }
}
