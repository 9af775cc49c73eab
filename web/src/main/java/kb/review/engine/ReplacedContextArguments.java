package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * <p>Silent when the call is started by {@code go} or {@code defer} (detaching work from a request that may already be
 * cancelled is often the point), and when the added line or the one above says why it detaches (a comment naming
 * detach, background, outlive, shutdown or cleanup).
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
                if (!CALLER.matcher(was.group(2).strip()).matches() || callee.startsWith("context.")
                        || LOGGER.matcher(callee).find()) {
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
                                && out.stream().noneMatch(f -> f.line() == at)) {
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
        return out;
    }
}
