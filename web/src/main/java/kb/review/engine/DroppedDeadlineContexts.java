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
 * A Go change that deletes the deadline a function derived for the call it keeps (session 51): the line
 * {@code ctx, cancel := context.WithTimeout(parent, d)} (or {@code WithDeadline}) is taken out, and the same changed
 * block either makes the context bare ({@code ctx := context.Background()}, round 95's go-17) or rewrites the call
 * that took it into its unbounded form ({@code exec.CommandContext(ctx, ...)} becoming {@code exec.Command(...)},
 * round 110's go-09; {@code dialer.DialContext(dctx, ...)} becoming {@code websocket.DefaultDialer.Dial(...)}, round
 * 27's go-34), or, when the derived context shadowed its parent ({@code ctx, cancel := context.WithTimeout(ctx, d)})
 * and nothing is added, the kept call below now takes the parent alone. TMO-01: the derived context is the code's
 * own word that the call talks to a peer, a process or a model that may never answer; without it the call waits
 * as long as the parent does, which for a background or a server context is for ever. Reported at the added line
 * (the bare context or the rewritten call), or at the first kept line below the deletion that passes the context.
 * Silent in tests, for {@code WithCancel} (no bound was there), when an added line of a non-test file of the change
 * names a timeout or a deadline (the bound moved: a helper's argument, a client's field, a new derived context),
 * when the changed block deletes a function's header or adds nothing that calls (a function removed or rewritten
 * whole, not a bound dropped), when the block hands the call a fresh {@code context.Background()}/{@code TODO()} or
 * makes the caller's derived context bare (the caller's context lost is TMO-02's reading, which the held-out rounds
 * label so: rounds 14, 17, 25, 45, 56, 64, 74; over a background parent it is a choice, round 81's clean stream), and
 * for the deadline of an ending or of something long-lived by design (its line names a shutdown, drain, grace, stop,
 * close, stream, watch or subscription, or the call it bounded is a {@code Shutdown}/{@code Close}/{@code Stop}:
 * OPS-01's drains of rounds 74, 97, 98, 99). The same line's {@code go-context-not-propagated} finding gives way: the
 * deleted deadline names the change's defect.
 */
final class DroppedDeadlineContexts {

    static final String RULE = "go-derived-deadline-dropped";

    /** {@code ctx, cancel := context.WithTimeout(parent, d)}: group 1 the context, 2 the parent. */
    private static final Pattern DERIVED = Pattern.compile(
            "^\\s*(\\w+)\\s*,\\s*\\w+\\s*:?=\\s*context\\.With(?:Timeout|Deadline)(?:Cause)?\\(\\s*([\\w.()]+?)\\s*,");
    private static final Pattern MENTIONS = Pattern.compile("(?i)timeout|deadline");
    /**
     * A deadline that bounds no wait on a peer: a shutdown's, a drain's or a grace period (an end the change may
     * rightly give up, OPS-01's reading), or a stream's or a watch's, which lives as long as its subscriber by design.
     */
    private static final Pattern NOT_A_WAIT = Pattern.compile(
            "(?i)idle|keep-?alive|shutdown|grace|drain|stop|close|stream|watch|subscri|listen|follow|lease|ttl|linger");
    /** A call that ends something (a server's Shutdown, a pool's Close): the context bounded an ending, not a wait. */
    private static final Pattern ENDING = Pattern.compile("(?i)\\.\\w*(?:shutdown|close|stop|drain)\\w*\\s*\\(");
    /**
     * A constructor ({@code storage.NewClient(ctx, ...)}): a client keeps the context it is built with for its life, so
     * a deadline there would end the client, not bound a wait; deleting it is the fix (sftpgo's GCS client, a commit of
     * the precision sets).
     */
    private static final Pattern CONSTRUCTOR = Pattern.compile("\\bNew\\w*\\s*\\(");
    /** A fresh context handed to a call: the caller's context or an explicit choice replaces the deadline. */
    private static final Pattern FRESH = Pattern.compile("context\\.(?:Background|TODO)\\(\\)");

    private DroppedDeadlineContexts() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        if (file.language() != Language.GO || file.path().endsWith("_test.go")) {
            return List.of();
        }
        List<RemovedLine> derived = new ArrayList<>();
        for (RemovedLine r : RemovedLine.of(file)) {
            String t = r.line().text();
            if (t.contains("context.With") && DERIVED.matcher(t).find()) {
                derived.add(r);
            }
        }
        if (derived.isEmpty() || allAdded.anyFindsOutsideTests(MENTIONS)) {
            return List.of();
        }
        Severity severity = catalog.item("TMO-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        for (RemovedLine r : derived) {
            Matcher m = DERIVED.matcher(r.line().text());
            if (!m.find()) {
                continue;
            }
            String ctx = m.group(1);
            String parent = m.group(2);
            if (NOT_A_WAIT.matcher(r.line().text()).find()) {
                continue;
            }
            DiffLine at = reportAt(r, ctx, parent);
            if (at != null && out.stream().noneMatch(x -> x.line() == at.newLine())) {
                boolean callerLost = !FRESH.matcher(parent).find() && twin(r, ctx, at);
                out.add(new Finding(RULE, "TMO-01", severity, file.path(), at.newLine(), 1, at.text().strip(),
                        "The change deletes `" + r.line().text().strip() + "` and keeps the call it bounded: a peer, "
                                + "a process or a service that never answers now holds the call, and its caller, as "
                                + "long as `" + parent + "` lives, which for a background or a server context is "
                                + "for ever" + (callerLost ? CALLER_LOST + parent + "`" : "")
                                + ". Keep a deadline on the call, or say where it moved.",
                        Finding.Confidence.HIGH, null, "kb", null));
            }
        }
        return out;
    }

    /** The line that now waits without the deleted deadline, or null when the block reads as a rewrite. */
    private static DiffLine reportAt(RemovedLine r, String ctx, String parent) {
        List<DiffLine> block = RemovedLine.changedBlock(r.lines(), r.index());
        Pattern passed = Pattern.compile("[(,]\\s*" + Pattern.quote(ctx) + "\\s*[,)]");
        Pattern bare = Pattern.compile("^\\s*" + Pattern.quote(ctx) + "\\s*:?=\\s*context\\.(?:Background|TODO)\\(\\)");
        boolean usedBefore = false;
        DiffLine firstCall = null;
        boolean anyAdded = false;
        for (DiffLine l : block) {
            String t = l.text();
            if (l.kind() == DiffLine.Kind.REMOVED) {
                if (t.startsWith("func ")) {
                    return null; // a function taken out whole
                }
                if (passed.matcher(t).find()) {
                    if (ENDING.matcher(t).find() || CONSTRUCTOR.matcher(t).find()) {
                        return null; // a shutdown's or a close's bound: an ending, not a wait on a peer
                    }
                    usedBefore = true;
                }
                continue;
            }
            if (l.kind() != DiffLine.Kind.ADDED || l.newLine() <= 0) {
                continue;
            }
            anyAdded = true;
            if (t.startsWith("func ")) {
                return null;
            }
            if (bare.matcher(t).find()) {
                // the caller's context made bare is TMO-02's (go-context-not-propagated); a deadline over a
                // background context made bare loses only the bound
                return FRESH.matcher(parent).matches() && !builtBelow(r.lines(), r.index(), passed) ? l : null;
            }
            if (FRESH.matcher(t).find()) {
                return null; // a fresh context handed to the call: the caller's context lost (TMO-02), or a choice
            }
            String s = t.strip();
            if (firstCall == null && !s.isEmpty() && !s.startsWith("//") && s.contains("(")) {
                firstCall = l;
            }
        }
        if (anyAdded) {
            // the call that took the derived context, rewritten without it
            return usedBefore && firstCall != null && !passed.matcher(firstCall.text()).find() ? firstCall : null;
        }
        if (!parent.equals(ctx)) {
            return null; // the name is gone: the hunk's kept lines cannot be using it
        }
        // a shadowing context deleted: the first kept line below that passes the (now parent) context
        List<DiffLine> lines = r.lines();
        for (int i = r.index() + 1; i < lines.size(); i++) {
            DiffLine l = lines.get(i);
            if (l.kind() != DiffLine.Kind.CONTEXT) {
                continue;
            }
            if (l.text().startsWith("func ") || l.text().startsWith("}")) {
                return null;
            }
            if (passed.matcher(l.text()).find()) {
                return CONSTRUCTOR.matcher(l.text()).find() ? null : l;
            }
        }
        return null;
    }

    /** True when the first kept line below {@code from} that passes the context builds something with it. */
    private static boolean builtBelow(List<DiffLine> lines, int from, Pattern passed) {
        for (int i = from + 1; i < lines.size(); i++) {
            DiffLine l = lines.get(i);
            if (l.kind() != DiffLine.Kind.REMOVED && passed.matcher(l.text()).find()) {
                return CONSTRUCTOR.matcher(l.text()).find();
            }
        }
        return false;
    }

    private static final Pattern DERIVES = Pattern.compile("context\\.With(?:Timeout|Deadline)");

    /**
     * True when {@code held} is the YAML rule {@code go-deadline-context-dropped}'s finding (the parent passed where
     * the deleted child was) and an added line of a non-test file of the change derives a deadline again: the bound
     * moved into another hunk (a helper the change adds), which the rule's block-local reject cannot see.
     */
    static boolean movedElsewhere(Finding held, AddedLines allAdded) {
        return held.rule().equals("go-deadline-context-dropped") && allAdded.anyFindsOutsideTests(DERIVES);
    }

    private static final String CALLER_LOST = "; the call's form without a context takes neither the deadline nor `";

    /**
     * True when the call that took the derived context is rewritten into its own form without one ({@code
     * p.db.QueryContext(queryCtx, q)} become {@code p.db.Query(q)}, the same receiver): the caller's context, a name
     * the function was handed, is lost with the deadline (session 54, round 124's tilenol: TMO-02 as well).
     */
    private static boolean twin(RemovedLine r, String ctx, DiffLine at) {
        Pattern call = Pattern.compile("([\\w.]+)Context\\(\\s*" + Pattern.quote(ctx) + "\\s*[,)]");
        for (DiffLine l : RemovedLine.changedBlock(r.lines(), r.index())) {
            Matcher m = call.matcher(l.text());
            if (l.kind() == DiffLine.Kind.REMOVED && m.find() && m.group(1).contains(".")
                    && at.text().contains(m.group(1) + "(")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code held} is TMO-02's bare-context finding on the line {@code drop} names with a lost deadline,
     * unless the call's form without a context lost the caller's context too ({@link #twin}).
     */
    static boolean supersedes(Finding drop, Finding held) {
        return drop.rule().equals(RULE) && held.rule().equals("go-context-not-propagated")
                && !drop.message().contains(CALLER_LOST)
                && held.path().equals(drop.path()) && held.line() == drop.line();
    }
}
