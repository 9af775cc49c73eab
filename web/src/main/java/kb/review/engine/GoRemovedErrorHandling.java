package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
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
 * deleted branch that only logged (unless the call is left bare, session 44: see {@link GoCheckedErrorDropped}), an
 * error still used by the new branch (recorded, returned in another form,
 * assigned to be returned later), a comment among the added lines of the branch (a stated choice), a condition that
 * is not a plain {@code err != nil} (a not-found test: {@code errors.Is}, {@code os.IsNotExist}), the best-effort calls
 * ERR-01 lets go (deadline setters, half closes, removals), a skip of an error kept in an outer variable (a retry),
 * a log line above debug that hands the error itself (a fall-back said out loud), a callee or a function whose own
 * declaration loses its error result in the change, and a diff that does this in more places than
 * {@link RemovedErrorHandling}'s sweep allows (a deliberate policy change, not a slip).
 * <p>
 * This class walks the deleted lines and holds what both forms read (the names of errors, the nil check, log lines,
 * hand-ons); {@link GoCheckedErrorDropped} reads the first form and {@link GoErrorBranchGivesUp} the second. A third,
 * {@link GoShadowedByEdit} (session 42), reads a deleted {@code err =} that the change makes a shadowing {@code :=}.
 */
final class GoRemovedErrorHandling {

    static final String BLANK_RULE = "go-checked-error-now-dropped";

    static final String BRANCH_RULE = "go-error-branch-no-longer-returns";


    /** A name that holds an error: err, rerr, writeErr, errClose, e. */
    static final Pattern ERR_NAME = Pattern.compile("^(?:\\w*[eE]rr\\w*|e)$");

    /**
     * {@code if err != nil {} (also {@code if x, err := f(); err != nil {}): group 1 the name. (err54) The init
     * statement may hold composite literals ({@code if err := g.send(ctx, &pb.WorkItem{Id: id}); err != nil {}):
     * round 122's durabletask, whose branch was never read because the init's braces stopped the match.
     */
    static final Pattern NIL_CHECK = Pattern.compile(
            "^\\s*(?:\\}\\s*else\\s+)?if\\s+(?:[^{;]*(?:\\{[^{};]*(?:\\{[^{};]*\\}[^{};]*)*\\}[^{;]*)*;\\s*)?(\\w+)\\s*!=\\s*nil\\s*\\{\\s*$");

    /** A log line (the standard log package, a logger variable or field, slog, klog, zap, logrus, fmt to stderr). */
    static final Pattern LOG = Pattern.compile(
            "^\\s*(?:[\\w.]*\\.)?(?:(?:[skgz]|zero)?log(?:ger|ging|rus)?|zap|lg?|\\w*(?:Log|Logger|LOG|LOGGER))\\d*"
                    + "(?:\\(\\))?(?:\\.\\w+(?:\\([^()]*\\))?)*\\.\\w+\\s*\\(|^\\s*fmt\\.Fprint\\w*\\(\\s*os\\.Std(?:err|out)|^\\s*fmt\\.Print");

    static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`");

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
                // an error named for its step (`mapErr`, `decodeErr`) as much as `err` itself (err39)
                if (lines.get(i).kind() != DiffLine.Kind.REMOVED || !text.contains("err") && !text.contains("Err")
                        || !text.contains("(") && !text.contains("return") && !text.contains("<-")) {
                    continue;
                }
                Finding b = GoCheckedErrorDropped.find(file, lines, i, allAdded, catalog, severity, h.section());
                if (b == null) {
                    b = GoShadowedByEdit.find(file, lines, i, severity);
                }
                Finding f = b != null ? b : GoErrorBranchGivesUp.find(file, lines, i, allAdded, severity, h.section());
                if (f != null && out.stream().noneMatch(o -> o.line() == f.line())) {
                    out.add(f);
                }
            }
            // (err52) a kept error branch whose new side no longer names the error it reported, or a returned
            // call's result made a discard: said once beside the forms above (the same branch within three lines)
            for (Finding f : GoErrorBranchSilenced.find(file, lines, allAdded, severity)) {
                if (out.stream().noneMatch(o -> Math.abs(o.line() - f.line()) <= 3)) {
                    out.add(f);
                }
            }
        }
        // (session 44) more than one logged check made bare in a file is a sweep of log lines, the author's choice
        if (out.stream().filter(GoCheckedErrorDropped::loggedForm).count() > 1) {
            out.removeIf(GoCheckedErrorDropped::loggedForm);
        }
        return out;
    }

    /**
     * A statement that hands the error named {@code name} on: returns it (wrapped or not), sends it on a channel,
     * appends or joins it, or passes it to a call that is not a log line ({@code h.fail(err)}).
     */
    static boolean handsOn(String t, String name) {
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

    static boolean isCheckOf(String line, String name) {
        Matcher m = NIL_CHECK.matcher(line);
        return m.find() && m.group(1).equals(name);
    }
}
